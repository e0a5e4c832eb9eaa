package io.autobot.optimizer.benchmarks;

import io.autobot.optimizer.agent.call.LatencyHistogram;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.AtomicHistogram;
import org.HdrHistogram.ConcurrentHistogram;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Recording one call time, as every intercepted call that goes through the policies does: the
 * agent's hand-written {@link LatencyHistogram} beside HdrHistogram's {@link AtomicHistogram} and
 * {@link ConcurrentHistogram}, sized for the same range (1 µs to 2^40 ns, about 18 minutes) and a
 * comparable precision (one significant digit: 16 sub-buckets per power of two, within 6.25%), on
 * one thread and on two threads recording into the same histogram (one method called from two
 * threads). The values cycle through 4,096 call times spread log-uniformly from 1 µs to 100 ms.
 * Runs without the agent: the classes are measured directly. {@link HistogramFootprint} measures
 * the bytes each histogram takes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class LatencyRecorderBenchmark {

    static final long LOWEST = 1_000;
    static final long HIGHEST = 1L << 40;
    static final int DIGITS = 1;

    private static final int VALUES = 4096;
    private static final long[] NANOS = new long[VALUES];

    static {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < VALUES; i++) {
            NANOS[i] = (long) Math.pow(10, 3 + 5 * random.nextDouble());
        }
    }

    private final LatencyHistogram handWritten = new LatencyHistogram();
    private final AtomicHistogram atomic = new AtomicHistogram(LOWEST, HIGHEST, DIGITS);
    private final ConcurrentHistogram concurrent = new ConcurrentHistogram(LOWEST, HIGHEST, DIGITS);

    /** Each thread's position in the value table. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;

        long value() {
            return NANOS[next++ & (VALUES - 1)];
        }
    }

    @Setup
    public void setUp() {
        handWritten.record(1);
    }

    @Benchmark
    @Threads(1)
    public void handWritten1(Cursor cursor) {
        handWritten.record(cursor.value());
    }

    @Benchmark
    @Threads(1)
    public void hdrAtomic1(Cursor cursor) {
        atomic.recordValue(Math.min(cursor.value(), HIGHEST));
    }

    @Benchmark
    @Threads(1)
    public void hdrConcurrent1(Cursor cursor) {
        concurrent.recordValue(Math.min(cursor.value(), HIGHEST));
    }

    @Benchmark
    @Threads(2)
    public void handWritten2(Cursor cursor) {
        handWritten.record(cursor.value());
    }

    @Benchmark
    @Threads(2)
    public void hdrAtomic2(Cursor cursor) {
        atomic.recordValue(Math.min(cursor.value(), HIGHEST));
    }

    @Benchmark
    @Threads(2)
    public void hdrConcurrent2(Cursor cursor) {
        concurrent.recordValue(Math.min(cursor.value(), HIGHEST));
    }
}
