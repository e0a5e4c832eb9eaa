package io.autobot.optimizer.agent.policy.timeout;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The latencies of a method's most recent calls, in a lock-free ring, and a high percentile of
 * them. Recording is a counter increment and an array write; the percentile is recomputed by the
 * recording thread every few calls, so readers only read a volatile field.
 */
final class LatencyWindow {

    /** Calls kept (a power of two). */
    static final int SIZE = 128;
    /** No percentile is given before this many calls were seen. */
    static final int MIN_SAMPLES = 20;
    static final double PERCENTILE = 0.99;
    private static final int RECOMPUTE_EVERY = 8;

    private final AtomicLongArray samples = new AtomicLongArray(SIZE);
    private final AtomicLong count = new AtomicLong();
    private volatile long percentile = -1;

    void record(long nanos) {
        long n = count.getAndIncrement();
        samples.set((int) (n & (SIZE - 1)), nanos);
        long seen = n + 1;
        if (seen >= MIN_SAMPLES && (seen % RECOMPUTE_EVERY == 0 || seen == MIN_SAMPLES)) {
            percentile = compute((int) Math.min(seen, SIZE));
        }
    }

    /** The 99th percentile of the recent calls in nanoseconds, or -1 before {@link #MIN_SAMPLES} calls. */
    long percentile() {
        return percentile;
    }

    private long compute(int filled) {
        long[] copy = new long[filled];
        for (int i = 0; i < filled; i++) {
            copy[i] = samples.get(i);
        }
        Arrays.sort(copy);
        int index = (int) Math.ceil(PERCENTILE * filled) - 1;
        return copy[Math.max(0, Math.min(filled - 1, index))];
    }
}
