package io.autobot.optimizer.samples.remote;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A local HTTP server (127.0.0.1, an ephemeral port) standing in for a remote service, so it
 * behaves like one: a token-bucket <b>rate limit</b> answers {@code 429 Too Many Requests} with
 * {@code Retry-After} (seconds) and {@code X-Retry-After-Ms} when clients go faster than it allows,
 * and the handler waits a <b>simulated latency</b> ({@link #simulateLatency}) for the network and
 * the remote processing before it answers.
 */
public final class SimulatedService implements AutoCloseable {

    private static final String JSON = "application/json; charset=utf-8";

    /** What the service answers to one accepted request. */
    @FunctionalInterface
    public interface Handler {
        /**
         * @param query the raw query string, or null
         */
        Reply handle(String method, String path, String query, String body) throws InterruptedException;
    }

    /** A status and a JSON body. */
    public record Reply(int status, String body) {
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final TokenBucket bucket;
    private final Handler handler;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();

    private SimulatedService(HttpServer server, ExecutorService executor, TokenBucket bucket, Handler handler) {
        this.server = server;
        this.executor = executor;
        this.bucket = bucket;
        this.handler = handler;
    }

    /**
     * Starts a service on loopback.
     *
     * @param name the name of its threads
     * @param perSecond the sustained rate it accepts, across all clients
     * @param burst how many requests may come at once before the rate applies
     */
    public static SimulatedService start(String name, double perSecond, int burst, Handler handler)
            throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        ExecutorService executor = Executors.newFixedThreadPool(8, runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
        SimulatedService service = new SimulatedService(server, executor, new TokenBucket(perSecond, burst), handler);
        server.createContext("/", service::handle);
        server.setExecutor(executor);
        server.start();
        return service;
    }

    /** Simulated network and remote-processing latency: this stands in for a remote service. */
    public static void simulateLatency(long millis) throws InterruptedException {
        Thread.sleep(millis);
    }

    /** The base address, such as {@code http://127.0.0.1:40123}. */
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Requests received, including rejected ones. */
    public long requests() {
        return requests.get();
    }

    /** Requests answered 429. */
    public long rejected() {
        return rejected.get();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            requests.incrementAndGet();
            long waitMillis = bucket.tryAcquire();
            if (waitMillis > 0) {
                rejected.incrementAndGet();
                exchange.getResponseHeaders().add("Retry-After", String.valueOf((waitMillis + 999) / 1000));
                exchange.getResponseHeaders().add("X-Retry-After-Ms", String.valueOf(waitMillis));
                respond(exchange, new Reply(429, "{\"error\":\"rate limit exceeded\"}"));
                return;
            }
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            respond(exchange, handler.handle(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestURI().getRawQuery(), body));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void respond(HttpExchange exchange, Reply reply) throws IOException {
        byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", JSON);
        exchange.sendResponseHeaders(reply.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
