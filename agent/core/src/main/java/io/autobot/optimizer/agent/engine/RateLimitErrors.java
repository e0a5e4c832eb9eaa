package io.autobot.optimizer.agent.engine;

import java.util.Locale;

/**
 * Tells whether a method's exception means a rate limit was hit: the agent's own
 * {@code RateLimitExceededException}, or any exception in the cause chain whose type name says
 * rate limit or too many requests (HTTP 429 in most client libraries). The recommendations use
 * the count to suggest throttling.
 */
public final class RateLimitErrors {

    private static final int MAX_DEPTH = 8;

    private RateLimitErrors() {
    }

    /** Never throws: it runs on the path that passes the method's own exception to its caller. */
    public static boolean matches(Throwable failure) {
        try {
            Throwable current = failure;
            for (int depth = 0; current != null && depth < MAX_DEPTH; depth++) {
                String name = current.getClass().getName().toLowerCase(Locale.ROOT);
                if (name.contains("ratelimit") || name.contains("toomanyrequests") || name.contains("throttl")) {
                    return true;
                }
                Throwable cause = current.getCause(); // host code: may be overridden
                current = cause == current ? null : cause;
            }
            return false;
        } catch (RuntimeException | LinkageError | StackOverflowError odd) {
            return false;
        }
    }
}
