package io.autobot.optimizer.samples.endpoints;

import io.autobot.optimizer.annotations.Batched;
import io.autobot.optimizer.annotations.Cached;
import io.autobot.optimizer.annotations.Optimized;
import io.autobot.optimizer.annotations.RateLimited;
import io.autobot.optimizer.samples.json.Json;
import io.autobot.optimizer.samples.pipeline.WorkCounters;
import io.autobot.optimizer.samples.remote.RemoteCalls;
import io.autobot.optimizer.samples.remote.TooManyRequestsException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * API validation ({@code optimize_api_validation}): calls each endpoint of the
 * registry and checks its answer. Calls go through one pooled {@link HttpClient} (its connections
 * are kept alive and reused) from a few threads of the validator's own.
 *
 * <p>The code is correct on its own: a {@code 429} is retried after the wait the service asks for.
 * With the agent, results are memoized (profile {@code api_validation}), concurrent single
 * validations are coalesced into one batch request, and requests are throttled below the
 * registry's limit so that 429s become rare.
 */
public class ApiValidator implements AutoCloseable {

    /** How many endpoints the validator checks at once. */
    public static final int CONCURRENCY = 4;

    private final URI base;
    private final WorkCounters counters;
    private final HttpClient client;
    private final ExecutorService callers;
    private final AtomicLong rateLimitedResponses = new AtomicLong();

    public ApiValidator(URI base, WorkCounters counters) {
        this.base = base;
        this.counters = counters;
        this.callers = Executors.newFixedThreadPool(CONCURRENCY, runnable -> {
            Thread thread = new Thread(runnable, "api-validator");
            thread.setDaemon(true);
            return thread;
        });
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** Validates the endpoints, {@link #CONCURRENCY} at a time; the results are in the given order. */
    public List<EndpointResult> validateAll(List<EndpointSpec> specs) {
        List<Future<EndpointResult>> futures = new ArrayList<>();
        for (EndpointSpec spec : specs) {
            futures.add(callers.submit(() -> validate(spec)));
        }
        List<EndpointResult> results = new ArrayList<>();
        try {
            for (Future<EndpointResult> future : futures) {
                results.add(future.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while validating endpoints", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException(e.getCause());
        }
        return results;
    }

    /** Validates one endpoint with one request. */
    @Optimized(operation = "api_validation")
    // the result depends on the spec only: its service names the registry by content, not by port
    @Cached(ttl = "10m", scope = Cached.Scope.ARGUMENTS)
    @Batched(via = "validateBatch", size = 10, maxWait = "20ms")
    public EndpointResult validate(EndpointSpec spec) {
        counters.recordComputed(WorkCounters.API_VALIDATION);
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(spec.path())).timeout(Duration.ofSeconds(10));
        if (spec.method().equals("POST")) {
            request.header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"probe\":true}"));
        } else {
            request.GET();
        }
        HttpResponse<String> response = exchange(request.build());
        return EndpointResult.check(spec, response.statusCode(),
                response.headers().firstValue("Content-Type").orElse(null), response.body());
    }

    /** Validates several endpoints with one request to the registry's batch endpoint. */
    public List<EndpointResult> validateBatch(List<EndpointSpec> specs) {
        List<Object> items = new ArrayList<>();
        for (EndpointSpec spec : specs) {
            counters.recordComputed(WorkCounters.API_VALIDATION);
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("method", spec.method());
            item.put("path", spec.path());
            items.add(item);
        }
        HttpResponse<String> response = exchange(HttpRequest.newBuilder(base.resolve(RegistryServer.BATCH_PATH))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.writeCompact(items))).build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("the batch request failed with status " + response.statusCode());
        }
        List<?> replies = (List<?>) Json.parse(response.body());
        List<EndpointResult> results = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            Map<?, ?> reply = (Map<?, ?>) replies.get(i);
            results.add(EndpointResult.check(specs.get(i), ((Number) reply.get("status")).intValue(),
                    (String) reply.get("contentType"), (String) reply.get("body")));
        }
        return results;
    }

    /**
     * Sends one request, once. A 429 is thrown as {@link TooManyRequestsException}; with the agent
     * the calls are throttled below the registry's limit and a 429 is retried with backoff.
     */
    @RateLimited(name = "registry", perSecond = RegistryServer.REQUESTS_PER_SECOND * 0.9, maxWait = "30s",
            retryOn = TooManyRequestsException.class, maxRetries = 5, backoff = "20ms")
    public HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 429) {
            rateLimitedResponses.incrementAndGet();
        }
        return RemoteCalls.refuseTooMany(response);
    }

    private HttpResponse<String> exchange(HttpRequest request) {
        return RemoteCalls.exchange(request, this::send);
    }

    /** The 429 answers received so far. */
    public long rateLimitedResponses() {
        return rateLimitedResponses.get();
    }

    @Override
    public void close() {
        callers.shutdownNow();
    }
}
