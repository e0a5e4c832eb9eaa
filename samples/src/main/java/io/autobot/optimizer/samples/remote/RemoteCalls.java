package io.autobot.optimizer.samples.remote;

import io.autobot.optimizer.api.RateLimitExceededException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * The client side of a rate-limited service: sends a request until the service accepts it,
 * waiting as long as it asks after a 429. Correct without the agent; with it, the client's
 * {@code @RateLimited} send makes the 429s rare.
 */
public final class RemoteCalls {

    private static final int MAX_ATTEMPTS = 50;

    /** One attempt: the client's (rate-limited) send. */
    @FunctionalInterface
    public interface Send {
        HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException;
    }

    private RemoteCalls() {
    }

    /** Sends until an answer other than 429 comes, at most {@code 50} attempts. */
    public static HttpResponse<String> exchange(HttpRequest request, Send send) {
        for (int attempt = 1; ; attempt++) {
            try {
                return send.send(request);
            } catch (TooManyRequestsException e) {
                pause(attempt, e.retryAfterMillis(), e);
            } catch (RateLimitExceededException e) {
                pause(attempt, 50, e); // the agent's own limiter waited too long: try again later
            } catch (IOException e) {
                throw new UncheckedIOException("cannot reach " + request.uri(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while calling " + request.uri(), e);
            }
        }
    }

    /** A 429 answer as {@link TooManyRequestsException}, with the wait the service asked for. */
    public static HttpResponse<String> refuseTooMany(HttpResponse<String> response) {
        if (response.statusCode() != 429) {
            return response;
        }
        throw new TooManyRequestsException(response.headers().firstValue("X-Retry-After-Ms").map(Long::parseLong)
                .orElse(response.headers().firstValue("Retry-After").map(s -> Long.parseLong(s) * 1000).orElse(100L)));
    }

    private static void pause(int attempt, long millis, RuntimeException cause) {
        if (attempt >= MAX_ATTEMPTS) {
            throw cause;
        }
        try {
            Thread.sleep(Math.max(1, millis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw cause;
        }
    }
}
