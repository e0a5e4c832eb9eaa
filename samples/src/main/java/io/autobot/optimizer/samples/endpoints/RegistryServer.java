package io.autobot.optimizer.samples.endpoints;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.autobot.optimizer.samples.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The remote service that API validation talks to, started by the sample on 127.0.0.1 (an
 * ephemeral port): a small REST registry of resources and of the corpus's components.
 *
 * <p>It stands in for a remote API, so it behaves like one: every request waits a fixed
 * <b>simulated latency</b> (network plus remote processing; a batch request a little more per
 * item), and a token-bucket <b>rate limit</b> answers {@code 429 Too Many Requests} with a
 * {@code Retry-After} when clients go faster than {@link #REQUESTS_PER_SECOND}.
 */
public final class RegistryServer implements AutoCloseable {

    /** The sustained rate the registry accepts, JVM-wide across clients. */
    public static final double REQUESTS_PER_SECOND = 25;
    /** How many requests may come at once before the rate applies. */
    public static final int BURST = 5;
    /** The simulated latency of one request. */
    public static final Duration LATENCY = Duration.ofMillis(20);
    /** The extra simulated latency per item of a batch request. */
    public static final Duration LATENCY_PER_BATCH_ITEM = Duration.ofMillis(2);
    /** The batch endpoint: a JSON array of {method, path} in, a JSON array of responses out. */
    public static final String BATCH_PATH = "/api/v1/batch";

    private static final String PREFIX = "/api/v1/";
    private static final String JSON = "application/json; charset=utf-8";
    /** The resources and whether they accept POST. */
    private static final Map<String, Boolean> RESOURCES = Map.of("users", true, "posts", true, "pages", false,
            "links", true, "robots", false, "products", true, "orders", true, "patterns", false, "health", false);

    private final HttpServer server;
    private final ExecutorService executor;
    private final Set<String> components;
    private final TokenBucket bucket = new TokenBucket(REQUESTS_PER_SECOND, BURST);
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();

    private RegistryServer(HttpServer server, ExecutorService executor, Set<String> components) {
        this.server = server;
        this.executor = executor;
        this.components = components;
    }

    /** Starts the registry on loopback, knowing the given component names. */
    public static RegistryServer start(Set<String> componentNames) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        ExecutorService executor = Executors.newFixedThreadPool(8, runnable -> {
            Thread thread = new Thread(runnable, "registry-server");
            thread.setDaemon(true);
            return thread;
        });
        RegistryServer registry = new RegistryServer(server, executor, Set.copyOf(componentNames));
        server.createContext("/", registry::handle);
        server.setExecutor(executor);
        server.start();
        return registry;
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
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            String body = read(exchange.getRequestBody());
            if (path.equals(BATCH_PATH) && method.equals("POST")) {
                respond(exchange, batch(body));
            } else {
                simulateLatency(LATENCY.toMillis());
                respond(exchange, resolve(method, path));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @SuppressWarnings("unchecked")
    private Reply batch(String body) throws InterruptedException {
        List<Object> items;
        try {
            items = (List<Object>) Json.parse(body);
        } catch (IllegalArgumentException | ClassCastException e) {
            return new Reply(400, "{\"error\":\"expected a JSON array of {method, path}\"}");
        }
        simulateLatency(LATENCY.toMillis() + LATENCY_PER_BATCH_ITEM.toMillis() * items.size());
        List<Object> replies = new ArrayList<>();
        for (Object item : items) {
            Map<?, ?> request = (Map<?, ?>) item;
            Reply reply = resolve(String.valueOf(request.get("method")), String.valueOf(request.get("path")));
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("status", reply.status());
            entry.put("contentType", JSON);
            entry.put("body", reply.body());
            replies.add(entry);
        }
        return new Reply(200, Json.writeCompact(replies));
    }

    /** What one request gets; the same for single and batched requests. */
    Reply resolve(String method, String path) {
        if (!path.startsWith(PREFIX)) {
            return new Reply(404, "{\"error\":\"not found\"}");
        }
        String[] parts = path.substring(PREFIX.length()).split("/");
        if (parts.length == 2 && parts[0].equals("components")) {
            if (!method.equals("GET")) {
                return new Reply(405, "{\"error\":\"method not allowed\"}");
            }
            return components.contains(parts[1])
                    ? new Reply(200, "{\"name\":\"" + parts[1] + "\",\"registered\":true}")
                    : new Reply(404, "{\"error\":\"unknown component\"}");
        }
        Boolean writable = RESOURCES.get(parts[0]);
        if (writable == null || parts.length > 2) {
            return new Reply(404, "{\"error\":\"not found\"}");
        }
        if (method.equals("GET")) {
            return parts.length == 2
                    ? new Reply(200, "{\"id\":\"" + parts[1] + "\",\"resource\":\"" + parts[0] + "\"}")
                    : new Reply(200, "[{\"id\":1,\"resource\":\"" + parts[0] + "\"},{\"id\":2,\"resource\":\""
                            + parts[0] + "\"}]");
        }
        if (method.equals("POST") && writable && parts.length == 1) {
            return new Reply(201, "{\"id\":3,\"created\":true}");
        }
        return new Reply(405, "{\"error\":\"method not allowed\"}");
    }

    /** Simulated network and remote-processing latency: this stands in for a remote service. */
    private static void simulateLatency(long millis) throws InterruptedException {
        Thread.sleep(millis);
    }

    private static String read(InputStream body) throws IOException {
        return new String(body.readAllBytes(), StandardCharsets.UTF_8);
    }

    private static void respond(HttpExchange exchange, Reply reply) throws IOException {
        byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", JSON);
        exchange.sendResponseHeaders(reply.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** A status and a JSON body. */
    record Reply(int status, String body) {
    }
}
