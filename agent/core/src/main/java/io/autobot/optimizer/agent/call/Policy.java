package io.autobot.optimizer.agent.call;


/**
 * One execution policy around an intercepted call: caching, timeout, rate limiting, batching,
 * parallel splitting. A policy calls {@code next.call(invocation)} zero or more times, on this
 * or another thread, and returns the result.
 *
 * <p>Exceptions: what the body threw arrives wrapped in a {@link io.autobot.optimizer.agent.call.CallerFailure}
 * and must be passed on as it is; a policy that wants the caller to see an exception of its own
 * (a timeout, an exhausted rate limit) throws it wrapped the same way. Anything else a policy
 * throws is an internal failure: the engine then runs the plain method instead.
 */
@FunctionalInterface
public interface Policy {

    Object apply(Invocation invocation, Chain next) throws Throwable;

    /**
     * The time this policy gives the next call before it ends it ({@code @Timeout}), in
     * nanoseconds, or 0 when it sets no limit. A cache in front of it waits for another caller's run
     * of a key only within that limit (see {@code Flight}).
     */
    default long timeLimitNanos() {
        return 0;
    }
}
