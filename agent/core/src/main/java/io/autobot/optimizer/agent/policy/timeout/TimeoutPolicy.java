package io.autobot.optimizer.agent.policy.timeout;

import io.autobot.optimizer.agent.call.CallerFailure;
import io.autobot.optimizer.agent.call.Chain;
import io.autobot.optimizer.agent.call.Invocation;
import io.autobot.optimizer.agent.call.Policy;
import io.autobot.optimizer.agent.config.Durations;
import io.autobot.optimizer.agent.policy.InterruptGuard;
import io.autobot.optimizer.api.OperationTimeoutException;
import io.autobot.optimizer.agent.jfr.FlightEvents;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Bounds the time of a call. The body runs on the caller's own thread (its thread-locals, locks
 * and transactions work as without the agent); a watchdog interrupts that thread at the limit,
 * and the caller then gets an {@link OperationTimeoutException} instead of whatever the body
 * did. A body that never checks for interruption is not stopped: it finishes, and its result is
 * dropped for the exception.
 *
 * <p>An adaptive limit is the 99th percentile of the method's recent latencies times
 * {@link #ADAPTIVE_FACTOR}, kept between a lower bound and the declared limit; until
 * {@link LatencyWindow#MIN_SAMPLES} calls were seen it is the declared limit. A call that timed
 * out counts as having taken the limit, so the limit follows latencies that grow.
 */
final class TimeoutPolicy implements Policy {

    static final int ADAPTIVE_FACTOR = 2;

    private final ScheduledExecutorService watchdog;
    private final Supplier<Duration> upperBound;
    private final long minNanos;
    private final LatencyWindow window;
    private final LongSupplier nanoClock;

    /**
     * @param upperBound the fixed limit, or the upper bound of an adaptive one; zero for none
     * @param min the lower bound of an adaptive limit, or null for a fixed limit
     */
    TimeoutPolicy(ScheduledExecutorService watchdog, Supplier<Duration> upperBound, Duration min) {
        this(watchdog, upperBound, min, System::nanoTime);
    }

    /** @param nanoClock measures the latencies an adaptive limit follows (a logical clock in tests) */
    TimeoutPolicy(ScheduledExecutorService watchdog, Supplier<Duration> upperBound, Duration min, LongSupplier nanoClock) {
        this.watchdog = watchdog;
        this.upperBound = upperBound;
        this.minNanos = min == null ? 0 : min.toNanos();
        this.window = min == null ? null : new LatencyWindow();
        this.nanoClock = nanoClock;
    }

    @Override
    public long timeLimitNanos() {
        return limitNanos();
    }

    /** The limit of the next call in nanoseconds; zero for none. */
    long limitNanos() {
        long upper = upperBound.get().toNanos();
        if (window == null || upper <= 0) {
            return upper;
        }
        long percentile = window.percentile();
        if (percentile < 0) {
            return upper;
        }
        long adaptive = percentile > Long.MAX_VALUE / ADAPTIVE_FACTOR ? upper : percentile * ADAPTIVE_FACTOR;
        return Math.max(minNanos, Math.min(upper, adaptive));
    }

    @Override
    public Object apply(Invocation invocation, Chain next) throws Throwable {
        long limit = limitNanos();
        if (limit <= 0) {
            return next.call(invocation);
        }
        Object event = FlightEvents.limitedCallBegins();
        InterruptGuard guard = InterruptGuard.ofCurrentThread();
        ScheduledFuture<?> alarm = watchdog.schedule(guard::interrupt, limit, TimeUnit.NANOSECONDS);
        long start = nanoClock.getAsLong();
        Object result = null;
        Throwable thrown = null;
        try {
            result = next.call(invocation);
        } catch (Throwable t) {
            thrown = t;
        }
        alarm.cancel(false);
        boolean expired = guard.finish();
        long elapsed = nanoClock.getAsLong() - start;
        if (window != null) {
            window.record(expired ? Math.max(elapsed, limit) : elapsed);
        }
        if (expired) {
            FlightEvents.timedOut(event, invocation.method(), limit, window != null);
            throw new CallerFailure(timeout(invocation, limit, thrown));
        }
        if (thrown != null) {
            throw thrown;
        }
        return result;
    }

    private OperationTimeoutException timeout(Invocation invocation, long limit, Throwable thrown) {
        String kind = window == null ? "timeout" : "adaptive timeout";
        OperationTimeoutException timeout = new OperationTimeoutException(invocation.method().displayName()
                + " did not finish within its " + kind + " of " + Durations.format(Duration.ofMillis(
                        Math.max(1, TimeUnit.NANOSECONDS.toMillis(limit)))) + "; its thread was interrupted");
        Throwable cause = thrown instanceof CallerFailure ? ((CallerFailure) thrown).failure() : null;
        if (cause != null) {
            timeout.initCause(cause);
        }
        return timeout;
    }
}
