package io.autobot.optimizer.benchmarks;

import io.autobot.optimizer.agent.call.LatencyHistogram;
import java.util.function.Supplier;
import org.HdrHistogram.AtomicHistogram;
import org.HdrHistogram.ConcurrentHistogram;

/**
 * The heap one latency histogram takes once it has recorded a call (each instrumented method keeps
 * two): allocates many of each kind and divides the growth of the used heap, measured after
 * repeated GCs. Run with {@code java -cp integration-tests/benchmarks/target/benchmarks.jar
 * io.autobot.optimizer.benchmarks.HistogramFootprint}.
 */
public final class HistogramFootprint {

    private static final int COUNT = 20_000;

    private HistogramFootprint() {
    }

    public static void main(String[] args) {
        long lowest = LatencyRecorderBenchmark.LOWEST;
        long highest = LatencyRecorderBenchmark.HIGHEST;
        int digits = LatencyRecorderBenchmark.DIGITS;
        measure("hand-written LatencyHistogram", () -> {
            LatencyHistogram histogram = new LatencyHistogram();
            histogram.record(5_000);
            return histogram;
        });
        measure("HdrHistogram AtomicHistogram", () -> {
            AtomicHistogram histogram = new AtomicHistogram(lowest, highest, digits);
            histogram.recordValue(5_000);
            return histogram;
        });
        measure("HdrHistogram ConcurrentHistogram", () -> {
            ConcurrentHistogram histogram = new ConcurrentHistogram(lowest, highest, digits);
            histogram.recordValue(5_000);
            return histogram;
        });
        System.out.printf("AtomicHistogram.getEstimatedFootprintInBytes(): %d%n",
                new AtomicHistogram(lowest, highest, digits).getEstimatedFootprintInBytes());
        System.out.printf("ConcurrentHistogram.getEstimatedFootprintInBytes(): %d%n",
                new ConcurrentHistogram(lowest, highest, digits).getEstimatedFootprintInBytes());
    }

    private static void measure(String name, Supplier<Object> factory) {
        for (int i = 0; i < 1_000; i++) {
            factory.get();
        }
        Object[] keep = new Object[COUNT];
        long before = usedAfterGc();
        for (int i = 0; i < COUNT; i++) {
            keep[i] = factory.get();
        }
        long after = usedAfterGc();
        System.out.printf("%s: %d bytes each%n", name, (after - before) / COUNT);
        if (keep[COUNT - 1] == null) {
            throw new AssertionError();
        }
    }

    private static long usedAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 5; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
