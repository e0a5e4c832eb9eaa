package io.autobot.optimizer.agent.discovery;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What was seen of one observed method: calls, time, how many calls had arguments seen before,
 * and, for those, whether the result was the same (by hash). At most {@link #MAX_KEYS} distinct
 * argument hashes are tracked; calls with new arguments beyond that count as not repeating.
 */
final class MethodObservation {

    static final int MAX_KEYS = 50_000;

    final Sampler.Hot hot;
    /** Every call that entered, observed or not. */
    final java.util.concurrent.atomic.AtomicLong entries = new java.util.concurrent.atomic.AtomicLong();
    /** Calls are observed when {@code (entry & mask) == 0}: all at first, fewer for very frequent methods. */
    volatile long mask;
    private volatile long periodStart = System.nanoTime();
    final LongAdder calls = new LongAdder();
    final LongAdder nanos = new LongAdder();
    final LongAdder repeats = new LongAdder();
    final LongAdder thrown = new LongAdder();
    final LongAdder compared = new LongAdder();
    final LongAdder differed = new LongAdder();
    final LongAdder resultBytes = new LongAdder();
    final LongAdder results = new LongAdder();
    volatile String argumentProblem;
    volatile String resultWithoutEquals;
    private final Map<Long, Long> resultByArguments = new ConcurrentHashMap<>();

    MethodObservation(Sampler.Hot hot) {
        this.hot = hot;
    }

    /** Observed calls per second above which only every second, fourth, ... call is observed. */
    static final long MAX_OBSERVED_PER_SECOND = 20_000;

    /** Whether this call is observed; keeps the observed calls of a very frequent method near the limit. */
    boolean sample() {
        long entry = entries.incrementAndGet();
        long current = mask;
        if ((entry & 4095) == 0) {
            long now = System.nanoTime();
            double perSecond = 4096e9 / Math.max(1, now - periodStart) / (current + 1);
            periodStart = now;
            if (perSecond > MAX_OBSERVED_PER_SECOND && current < 1023) {
                mask = current * 2 + 1;
            }
        }
        return (entry & current) == 0;
    }

    /** The share of calls observed: entries over observed calls. */
    double scale() {
        long observed = calls.sum();
        return observed == 0 ? 1 : Math.max(1.0, (double) entries.get() / observed);
    }

    /** Stands for "arguments seen, result not known (yet)". */
    private static final Long UNKNOWN = Long.MIN_VALUE + 17;

    /** Whether a call with these arguments was seen before; notes them when not (up to {@link #MAX_KEYS}). */
    boolean seenOrTrack(long argsHash) {
        if (resultByArguments.containsKey(argsHash)) {
            return true;
        }
        if (resultByArguments.size() < MAX_KEYS) {
            resultByArguments.putIfAbsent(argsHash, UNKNOWN);
        }
        return false;
    }

    void called(long elapsedNanos, boolean repeat, boolean threw) {
        calls.increment();
        nanos.add(elapsedNanos);
        if (repeat) {
            repeats.increment();
        }
        if (threw) {
            thrown.increment();
        }
    }

    void result(long argsHash, long resultHash, long bytes) {
        results.increment();
        resultBytes.add(bytes);
        Long before = resultByArguments.get(argsHash);
        if (before == null || before.equals(UNKNOWN)) {
            if (before != null) {
                resultByArguments.replace(argsHash, UNKNOWN, resultHash);
            }
            return;
        }
        compared.increment();
        if (before != resultHash) {
            differed.increment();
        }
    }

    /** A result that cannot be compared (identity equals): counted and sized only. */
    void uncompared(long bytes) {
        results.increment();
        resultBytes.add(bytes);
    }

    void drop() {
        resultByArguments.clear();
    }
}
