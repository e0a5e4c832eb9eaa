package io.autobot.optimizer.benchmarks;

import io.autobot.optimizer.annotations.Parallel;
import io.autobot.optimizer.annotations.RateLimited;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
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
        double sequentialIo = median(() -> lookupPlain(ids));
        double parallelIo = median(() -> lookup(ids));
        double sequentialCpu = median(() -> hashPlain(ids));
        double parallelCpu = median(() -> hash(ids));
        double ioSpeedUp = sequentialIo / parallelIo;
        double cpuSpeedUp = sequentialCpu / parallelCpu;
        System.out.printf("cores=%d workers=%d elements=%d%n", cores, workers, ELEMENTS);
        System.out.printf("io-bound   sequential %.1f ms, split %.1f ms: speed-up %.2fx of ideal %dx = %.0f%%%n",
                sequentialIo, parallelIo, ioSpeedUp, workers, 100 * ioSpeedUp / workers);
        System.out.printf("cpu-bound  sequential %.1f ms, split %.1f ms: speed-up %.2fx (ideal %dx on %d cores)%n",
                sequentialCpu, parallelCpu, cpuSpeedUp, Math.min(workers, cores), cores);
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

    /** The median of 7 timed runs after 2 warm-up runs, in milliseconds. */
    private static double median(Callable<?> run) throws Exception {
        for (int i = 0; i < 2; i++) {
            run.call();
        }
        double[] times = new double[7];
        for (int i = 0; i < times.length; i++) {
            long start = System.nanoTime();
            run.call();
            times[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(times);
        return times[times.length / 2];
    }

    private static void check(boolean same) {
        if (!same) {
            throw new IllegalStateException("the split results differ from the sequential ones");
        }
    }
}
