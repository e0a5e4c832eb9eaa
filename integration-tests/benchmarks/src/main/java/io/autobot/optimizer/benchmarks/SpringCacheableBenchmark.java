package io.autobot.optimizer.benchmarks;

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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.cache.CacheManager;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.cache.concurrent.ConcurrentMapCacheManager;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A cache hit through Spring's {@code @Cacheable} (a CGLIB proxy, the cache interceptor and
 * Spring's default {@link ConcurrentMapCacheManager}, as {@code @EnableCaching} sets up without a
 * cache library) beside the agent's {@code @Cached} hit, for the same function and key.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class SpringCacheableBenchmark {

    private AnnotationConfigApplicationContext context;
    private Worker worker;
    private String key;

    /** The Spring bean: the same work as {@link CacheHitBenchmark#work}, memoized by Spring. */
    public static class Worker {
        @Cacheable("work")
        public int work(String text) {
            return CacheHitBenchmark.work(text);
        }
    }

    /** The application context a Spring user writes. */
    @Configuration
    @EnableCaching
    public static class CachingConfiguration {
        @Bean
        public CacheManager cacheManager() {
            return new ConcurrentMapCacheManager("work");
        }

        @Bean
        public Worker worker() {
            return new Worker();
        }
    }

    @Setup
    public void setUp() {
        AgentCheck.requireAgent();
        context = new AnnotationConfigApplicationContext(CachingConfiguration.class);
        worker = context.getBean(Worker.class);
        key = "component-" + 42;
        worker.work(key);
        CacheHitBenchmark.cachedWork(key);
    }

    @TearDown
    public void tearDown() {
        context.close();
    }

    @Benchmark
    public int springCacheable() {
        return worker.work(key);
    }

    @Benchmark
    public int agentCached() {
        return CacheHitBenchmark.cachedWork(key);
    }
}
