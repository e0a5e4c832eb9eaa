package io.autobot.optimizer.agent.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.autobot.optimizer.agent.call.FailOpen;
import io.autobot.optimizer.agent.call.MethodMeta;
import io.autobot.optimizer.agent.config.CacheStrategy;
import io.autobot.optimizer.agent.engine.TestMethods;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** How the result cache uses a second tier under each strategy (with a disk tier stand-in). */
class TieredResultCacheTest {

    private static final Duration HOUR = Duration.ofHours(1);

    /** A disk tier stand-in: a map, a readiness switch, a refusal switch. */
    static final class FakeDisk implements CacheTier {
        final Map<CallKey, Object> values = new ConcurrentHashMap<>();
        final AtomicInteger gets = new AtomicInteger();
        final AtomicInteger behind = new AtomicInteger();
        volatile boolean ready = true;
        volatile boolean refuse;
        volatile Duration remaining = Duration.ofMinutes(3);
        volatile boolean holdsOthers = true;

        @Override
        public boolean mayHoldWhatMemoryNeverHeld() {
            return holdsOthers;
        }

        @Override
        public String name() {
            return "disk";
        }

        @Override
        public Object get(CallKey key) {
            gets.incrementAndGet();
            return values.get(key);
        }

        @Override
        public Duration remainingTtl(CallKey key) {
            return remaining;
        }

        @Override
        public void put(CallKey key, Object value, Duration ttl) {
            values.put(key, value);
        }

        @Override
        public boolean offer(CallKey key, Object value, Duration ttl) {
            if (refuse) {
                return false;
            }
            put(key, value, ttl);
            return true;
        }

        @Override
        public void offerBehind(CallKey key, Object value, Duration ttl, long computeNanos) {
            behind.incrementAndGet();
            offer(key, value, ttl);
        }

        @Override
        public boolean ready() {
            return ready;
        }

        @Override
        public void invalidateAll() {
            values.clear();
        }

        @Override
        public void invalidate(Predicate<MethodMeta> methods) {
            values.keySet().removeIf(key -> methods.test(key.method()));
        }

        @Override
        public TierStatistics statistics() {
            return new TierStatistics("disk", values.size(), -1, 0, 0, 0, 0, 0);
        }
    }

    private final MethodMeta method = TestMethods.cached("compute");
    private final MemoryTier memory = new MemoryTier(100);
    private final FakeDisk disk = new FakeDisk();
    private final AtomicInteger opened = new AtomicInteger();

    private ResultCache cache(CacheStrategy strategy) {
        return new ResultCache(memory, strategy, () -> {
            opened.incrementAndGet();
            return disk;
        }, new FailOpen());
    }

    private CallKey key(Object arg) {
        return CallKey.of(method, new Object[] {arg});
    }

    private static Object load(ResultCache cache, CallKey key, Object value) throws Throwable {
        return cache.getOrLoad(key, () -> value, HOUR, 1 << 20, key.method().stats());
    }

    @Test
    void preparingOpensTheDiskTierOnceBeforeTheFirstCallWhenTheStrategyUsesIt() throws Throwable {
        ResultCache cache = cache(CacheStrategy.DISK);
        cache.prepare();
        assertThat(opened).hasValue(1);
        assertThat(disk.gets).hasValue(0); // opened, not read
        cache.prepare();
        load(cache, key("a"), "A");
        assertThat(opened).hasValue(1);
        assertThat(cache.lookup(key("a"))).isEqualTo("A");
    }

    @Test
    void preparingLeavesTheDiskTierClosedUnderMemory() {
        ResultCache cache = cache(CacheStrategy.MEMORY);
        cache.prepare();
        assertThat(opened).hasValue(0);
        cache.strategy(CacheStrategy.HYBRID);
        cache.prepare();
        assertThat(opened).hasValue(1);
    }

    @Test
    void hybridAsksTheDiskOnAMemoryMissOnlyWhenItMayHoldWhatMemoryNeverHeld() throws Throwable {
        ResultCache cache = cache(CacheStrategy.HYBRID);
        disk.holdsOthers = false; // a store made in this JVM, written only through memory
        assertThat(cache.lookup(key("a"))).isNull();
        assertThat(disk.gets).as("nothing there memory does not have").hasValue(0);
        for (int i = 0; i < 150; i++) { // more than memory holds: it evicts
            load(cache, key(i), "v" + i);
        }
        int before = disk.gets.get();
        for (int i = 0; i < 150; i++) {
            assertThat(cache.lookup(key(i))).as("from memory, or evicted there and found on disk").isEqualTo("v" + i);
        }
        assertThat(disk.gets.get()).as("memory has evicted: the disk is asked").isGreaterThan(before);

        disk.holdsOthers = true; // a store from an earlier run
        memory.invalidateAll();
        disk.values.put(key("b"), "B");
        assertThat(cache.lookup(key("b"))).isEqualTo("B");
    }

    @Test
    void hybridPromotesADiskHitWithTheLifetimeItHasLeft() {
        ResultCache cache = cache(CacheStrategy.HYBRID);
        disk.values.put(key("a"), "A");
        assertThat(cache.lookup(key("a"))).isEqualTo("A");
        assertThat(memory.get(key("a"))).isEqualTo("A");
        assertThat(memory.remainingTtl(key("a"))).isLessThanOrEqualTo(Duration.ofMinutes(3))
                .isGreaterThan(Duration.ofMinutes(2));
        disk.values.clear();
        assertThat(cache.lookup(key("a"))).isEqualTo("A"); // from memory now
    }

    @Test
    void hybridDoesNotWaitForADiskTierThatIsStillOpening() throws Throwable {
        ResultCache cache = cache(CacheStrategy.HYBRID);
        disk.ready = false;
        disk.values.put(key("a"), "A");
        assertThat(cache.lookup(key("a"))).isNull();
        assertThat(disk.gets).hasValue(0);
        assertThat(load(cache, key("b"), "B")).isEqualTo("B");
        assertThat(disk.values).containsKey(key("b")); // stores are queued meanwhile
        assertThat(memory.get(key("b"))).isEqualTo("B");
    }

    @Test
    void hybridHandsResultsToTheDiskTierBehindTheCallerAndDiskOnItsThread() throws Throwable {
        ResultCache hybrid = cache(CacheStrategy.HYBRID);
        load(hybrid, key("a"), "A");
        assertThat(disk.behind).as("hybrid: the disk tier may weigh and encode off the caller's thread").hasValue(1);
        assertThat(memory.get(key("a"))).isEqualTo("A");
        ResultCache diskOnly = cache(CacheStrategy.DISK);
        load(diskOnly, key("b"), "B");
        assertThat(disk.behind).as("disk: the result must be on disk when the call returns").hasValue(1);
        assertThat(disk.values).containsKeys(key("a"), key("b"));
    }

    @Test
    void diskKeepsResultsOutOfMemoryUnlessTheDiskTierRefusesThem() throws Throwable {
        ResultCache cache = cache(CacheStrategy.DISK);
        load(cache, key("a"), "A");
        assertThat(memory.get(key("a"))).isNull();
        assertThat(cache.lookup(key("a"))).isEqualTo("A");
        disk.refuse = true;
        load(cache, key("b"), "B");
        assertThat(memory.get(key("b"))).isEqualTo("B");
        assertThat(cache.lookup(key("b"))).isEqualTo("B");
    }

    @Test
    void opensTheDiskTierOnlyWhenAStrategyUsesIt() throws Throwable {
        ResultCache cache = cache(CacheStrategy.MEMORY);
        load(cache, key("a"), "A");
        cache.lookup(key("x"));
        cache.clear();
        assertThat(opened).hasValue(0);
        cache.strategy(CacheStrategy.HYBRID);
        load(cache, key("b"), "B");
        assertThat(opened).hasValue(1);
        assertThat(disk.values).containsKey(key("b"));
        cache.strategy(CacheStrategy.MEMORY);
        load(cache, key("c"), "C");
        assertThat(disk.values).doesNotContainKey(key("c"));
    }

    @Test
    void clearsEveryTierWholeOrByMethod() throws Throwable {
        ResultCache cache = cache(CacheStrategy.HYBRID);
        MethodMeta other = TestMethods.cached("other");
        load(cache, key("a"), "A");
        load(cache, CallKey.of(other, new Object[] {"a"}), "O");
        cache.clear(meta -> meta == method);
        assertThat(cache.lookup(key("a"))).isNull();
        assertThat(cache.lookup(CallKey.of(other, new Object[] {"a"}))).isEqualTo("O");
        cache.clear();
        assertThat(disk.values).isEmpty();
        assertThat(memory.get(CallKey.of(other, new Object[] {"a"}))).isNull();
    }
}
