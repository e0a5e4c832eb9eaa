package io.autobot.optimizer.agent.policy.ratelimit;

import io.autobot.optimizer.agent.call.CallerFailure;
import io.autobot.optimizer.agent.call.Chain;
import io.autobot.optimizer.agent.call.Invocation;
import io.autobot.optimizer.agent.call.Policy;
import io.autobot.optimizer.agent.config.Durations;
import io.autobot.optimizer.agent.jfr.FlightEvents;
import io.autobot.optimizer.agent.policy.ThrottledTime;
import io.autobot.optimizer.api.RateLimitExceededException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;

/**
 * Takes a permit of the method's rate limiter before each execution of the body, and retries
 * executions that fail with one of the named exception types, with exponential backoff and
 * jitter. Every retry takes a permit of its own: it is a call to the same backend.
 */
final class RateLimitPolicy implements Policy {

    /** No backoff delay grows past this, however many retries are allowed. */
    private static final long MAX_BACKOFF_NANOS = Duration.ofMinutes(1).toNanos();
    /** The policy's name in the method's {@link io.autobot.optimizer.agent.call.PolicyLedger}. */
    static final String POLICY = "rate_limit";

    private final Limiter limiter;
    private final BooleanSupplier active;
    private final long maxWaitNanos;
    private final List<String> retryOn;
    private final int maxRetries;
    private final long backoffNanos;
    private volatile boolean prepared;

    /**
     * @param active whether calls are limited now (an operation profile may stop throttling)
     * @param retryOn exception class names whose instances, subclasses included, are retried
     */
    RateLimitPolicy(Limiter limiter, BooleanSupplier active, Duration maxWait, List<String> retryOn,
            int maxRetries, Duration backoff) {
        this.limiter = limiter;
        this.active = active;
        this.maxWaitNanos = maxWait.toNanos();
        this.retryOn = List.copyOf(retryOn);
        this.maxRetries = retryOn.isEmpty() ? 0 : maxRetries;
        this.backoffNanos = backoff.toNanos();
    }

    @Override
    public Object apply(Invocation invocation, Chain next) throws Throwable {
        if (!active.getAsBoolean()) {
            return next.call(invocation);
        }
        if (!prepared) {
            invocation.prepare(); // the first call's set-up must not sit between a permit and the body
            prepared = true;
        }
        for (int attempt = 0;; attempt++) {
            acquire(invocation);
            try {
                return next.call(invocation);
            } catch (CallerFailure failure) {
                if (attempt >= maxRetries || !retryable(failure.failure()) || !backOff(invocation, attempt)) {
                    throw failure;
                }
            }
        }
    }

    private void acquire(Invocation invocation) {
        if (limiter.tryAcquireNow()) {
            return;
        }
        boolean granted = false;
        Object event = FlightEvents.waitBegins();
        long start = System.nanoTime();
        try {
            granted = limiter.tryAcquire(maxWaitNanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CallerFailure(new RateLimitExceededException(invocation.method().displayName()
                    + " was interrupted while waiting for a permit of " + limiter));
        } finally {
            long waited = System.nanoTime() - start;
            invocation.method().stats().recordThrottleWait(waited);
            heldBack(invocation, waited);
            FlightEvents.waited(event, invocation.method(), limiter.name(), granted);
        }
        if (!granted) {
            throw new CallerFailure(new RateLimitExceededException(invocation.method().displayName()
                    + " got no permit of " + limiter + " within " + Durations.format(Duration.ofNanos(maxWaitNanos))));
        }
    }

    /**
     * The call was held back {@code nanos}: the method's report counts it as time the policy
     * added, and the splitter leaves such calls out of its figures ({@link ThrottledTime}).
     */
    private static void heldBack(Invocation invocation, long nanos) {
        invocation.method().stats().policies().saved(POLICY, -nanos);
        ThrottledTime.add(nanos);
    }

    /** Whether the failure's class, or one of its superclasses, is named in retryOn; no class is loaded. */
    private boolean retryable(Throwable failure) {
        for (Class<?> type = failure.getClass(); type != null; type = type.getSuperclass()) {
            if (retryOn.contains(type.getName())) {
                return true;
            }
        }
        return false;
    }

    /** Sleeps {@code backoff * 2^attempt}, half of it random ("equal jitter"); false when interrupted. */
    private boolean backOff(Invocation invocation, int attempt) {
        long delay = Math.min(MAX_BACKOFF_NANOS, backoffNanos << Math.min(attempt, 30));
        long jittered = delay / 2 + ThreadLocalRandom.current().nextLong(delay / 2 + 1);
        long start = System.nanoTime();
        try {
            Thread.sleep(jittered / 1_000_000, (int) (jittered % 1_000_000));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            heldBack(invocation, System.nanoTime() - start);
        }
    }
}
