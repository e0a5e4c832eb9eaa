package io.autobot.optimizer.benchmarks;

import io.autobot.optimizer.annotations.Parallel;
import io.autobot.optimizer.annotations.RateLimited;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Measures the execution policies through the agent, in one run: the parallel splitter's speed-up
 * on an IO-bound method (remote latency simulated by a sleep per element) and on a CPU-bound one
 * (SHA-256 rounds), each against the same code without the annotation; then the rate a
 * {@code @RateLimited} method is granted over 10 s by 4 threads, against its setting, with
 * Resilience4j's limiter at its strictest (one permit per period) under the same load as a control.
 *
 * <pre>java -javaagent:agent/dist/target/autobot-agent.jar=workers=4 \
 *     -cp integration-tests/benchmarks/target/benchmarks.jar io.autobot.optimizer.benchmarks.PolicyRunner</pre>
 */
public final class PolicyRunner {

    static final int ELEMENTS = 64;
    static final int LATENCY_MS = 10;
    static final int HASH_ROUNDS = 16_000;
    static final LongAdder GRANTED = new LongAdder();

    private PolicyRunner() {
    }

    static List<String> lookupPlain(List<Integer> ids) throws InterruptedException {
        List<String> out = new ArrayList<>();
        for (int id : ids) {
            Thread.sleep(LATENCY_MS); // stands for the remote call's latency
            out.add("item-" + id);
        }
        return out;
    }

    @Parallel(threshold = 2)
    static List<String> lookup(List<Integer> ids) throws InterruptedException {
        return lookupPlain(ids);
    }

    static List<String> hashPlain(List<Integer> ids) throws NoSuchAlgorithmException {
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256"); // one per call: chunks share nothing
        List<String> out = new ArrayList<>();
        for (int id : ids) {
            byte[] digest = new byte[] {(byte) id};
            for (int round = 0; round < HASH_ROUNDS; round++) {
                digest = sha256.digest(digest);
            }
            out.add(Arrays.toString(Arrays.copyOf(digest, 4)));
        }
        return out;
    }

    @Parallel(threshold = 2)
    static List<String> hash(List<Integer> ids) throws NoSuchAlgorithmException {
        return hashPlain(ids);
    }

    @RateLimited(perSecond = 50, maxWait = "30s")
    static void limited50() {
        GRANTED.increment();
    }

    @RateLimited(perSecond = 200, maxWait = "30s")
    static void limited200() {
        GRANTED.increment();
    }

    @RateLimited(perSecond = 1000, maxWait = "30s")
    static void limited1000() {
        GRANTED.increment();
    }

    public static void main(String[] args) throws Exception {
        AgentCheck.requireAgent();
        int workers = Integer.parseInt(System.getProperty("autobot.workers", "4"));
        int cores = Runtime.getRuntime().availableProcessors();
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < ELEMENTS; i++) {
            ids.add(i);
        }
        check(lookup(ids).equals(lookupPlain(ids)) && hash(ids).equals(hashPlain(ids)));
        double[][] io = medians(() -> lookupPlain(ids), () -> lookup(ids));
        double[][] cpu = medians(() -> hashPlain(ids), () -> hash(ids));
        double[] sequentialIo = io[0];
        double[] parallelIo = io[1];
        double[] sequentialCpu = cpu[0];
        double[] parallelCpu = cpu[1];
        double ioSpeedUp = sequentialIo[0] / parallelIo[0];
        double cpuSpeedUp = sequentialCpu[0] / parallelCpu[0];
        System.out.printf("cores=%d workers=%d elements=%d load-average=%.1f%n", cores, workers, ELEMENTS,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.printf("io-bound   sequential %.1f ms, split %.1f ms: speed-up %.2fx of ideal %dx = %.0f%%%n",
                sequentialIo[0], parallelIo[0], ioSpeedUp, workers, 100 * ioSpeedUp / workers);
        System.out.printf("cpu-bound  sequential %.1f ms, split %.1f ms: speed-up %.2fx (ideal %dx on %d cores)%n",
                sequentialCpu[0], parallelCpu[0], cpuSpeedUp, Math.min(workers, cores), cores);
        System.out.printf("cpu-bound  CPU time of all threads: sequential %.1f ms, split %.1f ms: splitting costs %+.1f%%%n",
                sequentialCpu[1], parallelCpu[1], 100 * (parallelCpu[1] - sequentialCpu[1]) / sequentialCpu[1]);
        grantedRate("autobot", 50, PolicyRunner::limited50);
        grantedRate("autobot", 200, PolicyRunner::limited200);
        grantedRate("autobot", 1000, PolicyRunner::limited1000);
        for (int rate : new int[] {50, 200, 1000}) {
            RateLimiter control = RateLimiter.of("control-" + rate, RateLimiterConfig.custom().limitForPeriod(1)
                    .limitRefreshPeriod(Duration.ofNanos(1_000_000_000L / rate)).timeoutDuration(Duration.ofSeconds(30))
                    .build());
            grantedRate("resilience4j", rate, () -> {
                if (control.acquirePermission()) {
                    GRANTED.increment();
                }
            });
        }
    }

    /** Four threads call a method limited to {@code rate} for 10 s; prints the rate they were granted. */
    private static void grantedRate(String limiter, int rate, Runnable limited) throws InterruptedException {
        limited.run(); // the first permit starts the schedule
        GRANTED.reset();
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(10);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Thread thread = new Thread(() -> {
                while (System.nanoTime() < end) {
                    limited.run();
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        double granted = GRANTED.sum() / elapsed;
        System.out.printf("rate       %-12s %5d permits in %.2f s = %7.2f/s for a setting of %4d/s: %+.2f%%%n",
                limiter, GRANTED.sum(), elapsed, granted, rate, 100 * (granted - rate) / rate);
    }

    /**
     * Runs the sequential and the split variant alternately, 3 times each to warm up (so that both
     * run the same compiled code) and 7 times each measured; returns, per variant, the medians in
     * milliseconds of the wall-clock time and of the CPU time all threads used (caller and workers).
     */
    private static double[][] medians(Callable<?> sequential, Callable<?> split) throws Exception {
        for (int i = 0; i < 3; i++) {
            sequential.call();
            split.call();
        }
        double[][] wall = new double[2][7];
        double[][] cpu = new double[2][7];
        for (int i = 0; i < 7; i++) {
            for (int variant = 0; variant < 2; variant++) {
                long cpuStart = cpuNanos();
                long start = System.nanoTime();
                (variant == 0 ? sequential : split).call();
                wall[variant][i] = (System.nanoTime() - start) / 1e6;
                cpu[variant][i] = (cpuNanos() - cpuStart) / 1e6;
            }
        }
        double[][] medians = new double[2][];
        for (int variant = 0; variant < 2; variant++) {
            Arrays.sort(wall[variant]);
            Arrays.sort(cpu[variant]);
            medians[variant] = new double[] {wall[variant][3], cpu[variant][3]};
        }
        return medians;
    }

    private static long cpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long total = 0;
        for (long id : threads.getAllThreadIds()) {
            long nanos = threads.getThreadCpuTime(id);
            total += Math.max(0, nanos);
        }
        return total;
    }

    private static void check(boolean same) {
        if (!same) {
            throw new IllegalStateException("the split results differ from the sequential ones");
        }
    }
}
