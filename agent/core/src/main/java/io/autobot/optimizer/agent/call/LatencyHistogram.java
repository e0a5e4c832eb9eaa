package io.autobot.optimizer.agent.call;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Call times in log-linear buckets (eight per power of two, from 1 µs to about 18 minutes), so
 * that percentiles can be read without keeping every sample: a percentile is accurate to within
 * about 6%. Recording is one atomic increment; the 2 KB of buckets are allocated on first use.
 *
 * <p>Kept rather than HdrHistogram (which ships in the agent jar for Micrometer): its
 * {@code AtomicHistogram} of the same range and precision measured slower per record and takes
 * twice the memory, allocated at once (docs/benchmarks.md, {@code LatencyRecorderBenchmark}).
 */
public final class LatencyHistogram {

    private static final int SUB_BITS = 3;
    private static final int SUB_BUCKETS = 1 << SUB_BITS;
    private static final int MIN_EXPONENT = 10; // 2^10 ns ~ 1 µs: everything shorter shares bucket 0
    private static final int MAX_EXPONENT = 40; // 2^40 ns ~ 18 min: everything longer shares the last one
    static final int BUCKETS = 1 + (MAX_EXPONENT - MIN_EXPONENT + 1) * SUB_BUCKETS;

    private volatile AtomicLongArray counts;

    /** Records one call that took {@code nanos}. */
    public void record(long nanos) {
        AtomicLongArray buckets = counts;
        if (buckets == null) {
            buckets = allocate();
        }
        buckets.incrementAndGet(index(nanos));
    }

    private synchronized AtomicLongArray allocate() {
        if (counts == null) {
            counts = new AtomicLongArray(BUCKETS);
        }
        return counts;
    }

    static int index(long nanos) {
        if (nanos < (1L << MIN_EXPONENT)) {
            return 0;
        }
        int exponent = 63 - Long.numberOfLeadingZeros(nanos);
        if (exponent > MAX_EXPONENT) {
            return BUCKETS - 1;
        }
        int sub = (int) ((nanos >>> (exponent - SUB_BITS)) & (SUB_BUCKETS - 1));
        return 1 + (exponent - MIN_EXPONENT) * SUB_BUCKETS + sub;
    }

    /** The middle of a bucket, in nanoseconds. */
    static long value(int index) {
        if (index == 0) {
            return (1L << MIN_EXPONENT) / 2;
        }
        int exponent = (index - 1) / SUB_BUCKETS + MIN_EXPONENT;
        int sub = (index - 1) % SUB_BUCKETS;
        long low = (1L << exponent) + ((long) sub << (exponent - SUB_BITS));
        long width = 1L << (exponent - SUB_BITS);
        return low + width / 2;
    }

    /** The time below which {@code quantile} (0..1) of the recorded calls fall; 0 when none. */
    public long percentileNanos(double quantile) {
        return percentileNanos(snapshot(), quantile);
    }

    /** The bucket counts as of now; add snapshots of several histograms to merge them. */
    public long[] snapshot() {
        long[] snapshot = new long[BUCKETS];
        AtomicLongArray buckets = counts;
        if (buckets != null) {
            for (int i = 0; i < BUCKETS; i++) {
                snapshot[i] = buckets.get(i);
            }
        }
        return snapshot;
    }

    /** The percentile of a {@link #snapshot()} (or of a sum of them); 0 when it holds no call. */
    public static long percentileNanos(long[] snapshot, double quantile) {
        long total = 0;
        for (long count : snapshot) {
            total += count;
        }
        if (total == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(quantile * total));
        long seen = 0;
        for (int i = 0; i < snapshot.length; i++) {
            seen += snapshot[i];
            if (seen >= rank) {
                return value(i);
            }
        }
        return value(snapshot.length - 1);
    }

    /** Forgets every recorded call. */
    public void reset() {
        AtomicLongArray buckets = counts;
        if (buckets != null) {
            for (int i = 0; i < BUCKETS; i++) {
                buckets.set(i, 0);
            }
        }
    }
}
