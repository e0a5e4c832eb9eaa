package io.autobot.optimizer.benchmarks;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.autobot.optimizer.annotations.Cached;
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
 * The cost of a cache hit: the method computed directly, a hand-written Caffeine memo (the lower
 * bound for any memoizing cache) and the agent's {@code @Cached} hit (of a static method and of a
 * service object's method), in one JVM.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class CacheHitBenchmark {

    private final Cache<String, Integer> memo = Caffeine.newBuilder().maximumSize(1000).build();
    private final Service service = new Service();
    private String key;

    /** A small pure function: what a memo would stand in front of. */
    static int work(String text) {
        int hash = 7;
        for (int i = 0; i < text.length(); i++) {
            hash = hash * 31 + text.charAt(i);
        }
        return hash;
    }

    @Cached
    static int cachedWork(String text) {
        return work(text);
    }

    /** A service object without fields: its instance method is keyed like a static one. */
    static final class Service {
        @Cached
        int cachedWork(String text) {
            return work(text);
        }
    }

    private final java.util.List<String> words = new java.util.ArrayList<>(java.util.List.of("component", "42"));

    /** A result the cache stores and serves as a copy (store by value, the default). */
    @Cached
    static int[] cachedArray(String text) {
        return new int[] {work(text), 1, 2, 3, 4, 5, 6, 7};
    }

    /** The same, opted out of copies: every hit serves the stored array. */
    @Cached(storeByValue = false)
    static int[] sharedArray(String text) {
        return new int[] {work(text), 1, 2, 3, 4, 5, 6, 7};
    }

    /** An argument keyed by its exact class and its elements in order. */
    @Cached
    static int cachedList(java.util.List<String> parts) {
        return work(String.join(",", parts));
    }

    @Setup
    public void setUp() {
        AgentCheck.requireAgent();
        key = "component-" + 42;
        memo.get(key, CacheHitBenchmark::work);
        cachedWork(key);
        service.cachedWork(key);
        cachedArray(key);
        sharedArray(key);
        cachedList(words);
    }

    @Benchmark
    public int[] agentCachedArrayCopied() {
        return cachedArray(key);
    }

    @Benchmark
    public int[] agentCachedArrayShared() {
        return sharedArray(key);
    }

    @Benchmark
    public int agentCachedListArgument() {
        return cachedList(words);
    }

    @Benchmark
    public int direct() {
        return work(key);
    }

    @Benchmark
    public int handWrittenCaffeine() {
        return memo.get(key, CacheHitBenchmark::work);
    }

    @Benchmark
    public int agentCached() {
        return cachedWork(key);
    }

    @Benchmark
    public int agentCachedInstance() {
        return service.cachedWork(key);
    }
}
