package io.autobot.optimizer.agent.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

    @Test
    void readsPercentilesWithinTheBucketError() {
        LatencyHistogram histogram = new LatencyHistogram();
        for (int i = 1; i <= 1000; i++) {
            histogram.record(i * 1_000_000L); // 1 ms .. 1000 ms
        }
        assertThat((double) histogram.percentileNanos(0.5)).isCloseTo(500e6, within(500e6 * 0.07));
        assertThat((double) histogram.percentileNanos(0.95)).isCloseTo(950e6, within(950e6 * 0.07));
        assertThat((double) histogram.percentileNanos(0.99)).isCloseTo(990e6, within(990e6 * 0.07));
    }

    @Test
    void isEmptyUntilTheFirstCallAndAfterAReset() {
        LatencyHistogram histogram = new LatencyHistogram();
        assertThat(histogram.percentileNanos(0.5)).isZero();
        histogram.record(5_000);
        assertThat(histogram.percentileNanos(0.5)).as("the middle of the bucket of 5 us")
                .isEqualTo(LatencyHistogram.value(LatencyHistogram.index(5_000)));
        histogram.reset();
        assertThat(histogram.percentileNanos(0.5)).isZero();
    }

    @Test
    void keepsTinyAndHugeTimesInTheEndBuckets() {
        assertThat(LatencyHistogram.index(0)).isZero();
        assertThat(LatencyHistogram.index(1023)).isZero();
        assertThat(LatencyHistogram.index(1024)).isEqualTo(1);
        assertThat(LatencyHistogram.index(Long.MAX_VALUE)).isEqualTo(LatencyHistogram.BUCKETS - 1);
        for (long nanos = 1024; nanos < (1L << 40); nanos = nanos * 3 / 2) {
            long middle = LatencyHistogram.value(LatencyHistogram.index(nanos));
            assertThat((double) middle).isCloseTo(nanos, within(nanos * 0.07));
        }
    }

    @Test
    void mergesSnapshotsOfSeveralHistograms() {
        LatencyHistogram fast = new LatencyHistogram();
        LatencyHistogram slow = new LatencyHistogram();
        for (int i = 0; i < 90; i++) {
            fast.record(1_000_000);
        }
        for (int i = 0; i < 10; i++) {
            slow.record(100_000_000);
        }
        long[] merged = fast.snapshot();
        long[] other = slow.snapshot();
        for (int i = 0; i < merged.length; i++) {
            merged[i] += other[i];
        }
        assertThat((double) LatencyHistogram.percentileNanos(merged, 0.5)).isCloseTo(1e6, within(0.07e6));
        assertThat((double) LatencyHistogram.percentileNanos(merged, 0.95)).isCloseTo(1e8, within(0.07e8));
    }
}
