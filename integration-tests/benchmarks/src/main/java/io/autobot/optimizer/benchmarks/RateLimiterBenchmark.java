package io.autobot.optimizer.benchmarks;

import io.autobot.optimizer.agent.policy.ratelimit.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * An uncontended permit: the agent's rate limiter and Resilience4j's (AtomicRateLimiter, its
 * default) when a permit is free, in one JVM, with a bare clock read as the floor (both read the
 * clock once per permit). Runs without the agent: the limiter class is measured directly.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class RateLimiterBenchmark {

    private RateLimiter autobot;
    private io.github.resilience4j.ratelimiter.RateLimiter resilience4j;

    @Setup
    public void setUp() {
        // rates no single thread can use up: every acquire finds its permit free
        autobot = new RateLimiter("benchmark", 1e9);
        resilience4j = io.github.resilience4j.ratelimiter.RateLimiter.of("benchmark", RateLimiterConfig.custom()
                .limitForPeriod(Integer.MAX_VALUE).limitRefreshPeriod(Duration.ofSeconds(1))
                .timeoutDuration(Duration.ZERO).build());
    }

    @Benchmark
    public long clockOnly() {
        return System.nanoTime();
    }

    @Benchmark
    public boolean autobotAcquire() throws InterruptedException {
        return autobot.tryAcquire(0);
    }

    @Benchmark
    public boolean resilience4jAcquire() {
        return resilience4j.acquirePermission();
    }
}
