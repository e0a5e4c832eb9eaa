package io.autobot.optimizer.agent.call;

import io.autobot.optimizer.agent.engine.RateLimitErrors;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of one instrumented method. Cache hits are counted, not timed (timing would cost more
 * than the hit); every other call is timed as its caller sees it, and the body's own time is
 * kept apart so the report can say how much time the cache saved.
 */
public final class OperationStats {

    private final LongAdder hits = new LongAdder();
    private final StripedCount fastHits = new StripedCount();
    private final LongAdder directHits = new LongAdder();
    private volatile long directHitsResetAt;
    private final LongAdder misses = new LongAdder();
    private final LongAdder calls = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final LongAdder callNanos = new LongAdder();
    private final LongAdder missNanos = new LongAdder();
    private final LongAdder internalFailures = new LongAdder();
    private final LongAdder rateLimitErrors = new LongAdder();
    private final LongAdder notCacheable = new LongAdder();
    private final LongAdder verified = new LongAdder();
    private final LongAdder mismatches = new LongAdder();
    private final LongAdder errorNanos = new LongAdder();
    private final LongAdder throttleWaits = new LongAdder();
    private final LongAdder throttleWaitNanos = new LongAdder();
    private volatile String notCacheableReason;
    private final LatencyHistogram latencies = new LatencyHistogram();
    private final LatencyHistogram loads = new LatencyHistogram();
    private final PolicyLedger policies = new PolicyLedger();

    /** A call answered from the cache before any policy ran. */
    public void recordFastHit() {
        fastHits.increment();
    }

    /**
     * A call answered from the cache by its one argument ({@code cache.ArgumentKeys}): the one count
     * of such a hit, from which the memory tier's own hit count is derived too.
     */
    public void recordDirectHit() {
        directHits.increment();
    }

    /** Every hit {@link #recordDirectHit} counted since the method was registered: {@link #reset} leaves it. */
    public long directHitsTotal() {
        return directHits.sum();
    }

    /** A call answered from the cache before any policy ran, counted in the calling thread's own cell. */
    public void recordFastHit(ThreadTally tally) {
        fastHits.increment(tally);
    }

    /** A call answered from the cache inside the policies (a single-flight follower, a late hit). */
    public void recordHit() {
        hits.increment();
    }

    /** A cached call whose body ran, taking this long. */
    public void recordMiss(long bodyNanos) {
        misses.increment();
        missNanos.add(bodyNanos);
    }

    /**
     * A cached call's run (the policies below the cache and the body) that no other caller gave up
     * waiting for: what a caller waiting for a run of the same key can expect to wait.
     */
    public void recordLoad(long nanos) {
        loads.record(nanos);
    }

    /** A call that went through the policies (anything but a fast cache hit), as its caller saw it. */
    public void recordCall(long nanos, boolean failed) {
        calls.increment();
        callNanos.add(nanos);
        latencies.record(nanos);
        if (failed) {
            errors.increment();
            errorNanos.add(nanos);
        }
    }

    /** An internal failure of the agent that made this call fall back to the plain method. */
    public void recordInternalFailure() {
        internalFailures.increment();
    }

    /** A failed call whose exception says a rate limit was hit (see {@link RateLimitErrors}). */
    public void recordRateLimitError() {
        rateLimitErrors.increment();
    }

    /**
     * A call that ran as the plain method because its key could not say what the method sees
     * (an argument without value semantics, or nested too deep).
     *
     * @param reason what made it so, such as {@code argument of class java.lang.StringBuilder}
     */
    public void recordNotCacheable(String reason) {
        notCacheable.increment();
        notCacheableReason = reason;
    }

    /** A hit whose body was run again and gave the stored result. */
    public void recordVerified() {
        verified.increment();
    }

    /** A hit whose body was run again and gave another result than the stored one. */
    public void recordMismatch() {
        mismatches.increment();
    }

    /** Calls that ran as the plain method because their key could not say what the method sees. */
    public long notCacheable() {
        return notCacheable.sum();
    }

    /** The latest reason a call was not cacheable, or null. */
    public String notCacheableReason() {
        return notCacheableReason;
    }

    /** Hits verified by running the body again. */
    public long verified() {
        return verified.sum();
    }

    /** Verified hits whose body gave another result. */
    public long mismatches() {
        return mismatches.sum();
    }

    /** Every call answered from the cache, fast or not. */
    public long hits() {
        return hits.sum() + fastHits();
    }

    public long misses() {
        return misses.sum();
    }

    /** Calls that went through the policies; with {@link #fastHits()} this is every call. */
    public long slowCalls() {
        return calls.sum();
    }

    /** Every call: fast cache hits plus calls through the policies. */
    public long calls() {
        return calls.sum() + fastHits();
    }

    /** Hits answered before any policy ran; they are not timed. */
    public long fastHits() {
        return fastHits.sum() + directHits.sum() - directHitsResetAt;
    }

    public long errors() {
        return errors.sum();
    }

    public long callNanos() {
        return callNanos.sum();
    }

    /** Time spent in the body on cache misses. */
    public long missNanos() {
        return missNanos.sum();
    }

    public long internalFailures() {
        return internalFailures.sum();
    }

    public long rateLimitErrors() {
        return rateLimitErrors.sum();
    }

    /** The times of the calls that went through the policies (fast hits are not timed). */
    public LatencyHistogram latencies() {
        return latencies;
    }

    /**
     * The times of {@link #recordLoad}, which bound how long a caller waits for another's run of
     * its key. Not a figure of the report: {@link #reset()} leaves it, so waits stay bounded by
     * what the method was seen to take.
     */
    public LatencyHistogram loads() {
        return loads;
    }

    /** The time each policy added or saved, and its verdicts. */
    public PolicyLedger policies() {
        return policies;
    }

    /** A call that waited this long for a permit of its rate limiter (granted or not). */
    public void recordThrottleWait(long nanos) {
        throttleWaits.increment();
        throttleWaitNanos.add(nanos);
    }

    /** Calls that waited for a permit of their rate limiter. */
    public long throttleWaits() {
        return throttleWaits.sum();
    }

    /** The time calls waited for permits of their rate limiter. */
    public long throttleWaitNanos() {
        return throttleWaitNanos.sum();
    }

    /** The time of the calls that threw to their caller (part of {@link #callNanos()}). */
    public long errorNanos() {
        return errorNanos.sum();
    }

    /** Resets every counter (the report's reset, not the cache's). */
    public void reset() {
        hits.reset();
        fastHits.reset();
        directHitsResetAt = directHits.sum();
        misses.reset();
        calls.reset();
        errors.reset();
        callNanos.reset();
        missNanos.reset();
        internalFailures.reset();
        rateLimitErrors.reset();
        notCacheable.reset();
        verified.reset();
        mismatches.reset();
        errorNanos.reset();
        throttleWaits.reset();
        throttleWaitNanos.reset();
        latencies.reset();
        policies.reset();
    }
}
