package io.autobot.optimizer.agent.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import io.autobot.optimizer.agent.engine.MethodMeta;
import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;

/**
 * The memory tier: a Caffeine cache bounded by entry count, each entry with its own TTL.
 * Maintenance runs on the calling thread, so the agent never borrows the host's common pool.
 */
public final class MemoryTier implements CacheTier {

    private final Cache<CallKey, Entry> cache;
    private final LongAdder loadNanos = new LongAdder();
    private volatile long capacity;

    /** A stored value with its lifetime; the lifetime is read by the expiry policy. */
    private record Entry(Object value, long ttlNanos) {
    }

    public MemoryTier(long capacity) {
        this.capacity = capacity;
        this.cache = Caffeine.newBuilder()
                .maximumSize(capacity)
                .recordStats() // hits, misses and evictions for the management plane (type=Cache,tier=memory)
                .executor(Runnable::run)
                .build();
    }

    @Override
    public String name() {
        return "memory";
    }

    @Override
    public Object get(CallKey key) {
        Entry entry = cache.getIfPresent(key);
        return entry == null ? null : entry.value();
    }

    @Override
    public void put(CallKey key, Object value, Duration ttl) {
        cache.put(key, new Entry(value, Math.max(1, ttl.toNanos())));
    }

    /** Adds to the load time reported for this tier. */
    public void recordLoad(long nanos) {
        loadNanos.add(nanos);
    }

    @Override
    public void invalidateAll() {
        cache.invalidateAll();
    }

    @Override
    public void invalidate(Predicate<MethodMeta> methods) {
        cache.asMap().keySet().removeIf(key -> methods.test(key.method()));
    }

    @Override
    public void resize(long newCapacity) {
        capacity = newCapacity;
        cache.policy().eviction().ifPresent(eviction -> eviction.setMaximum(newCapacity));
    }

    @Override
    public TierStatistics statistics() {
        CacheStats stats = cache.stats();
        return new TierStatistics(name(), cache.estimatedSize(), capacity, stats.hitCount(), stats.missCount(),
                stats.evictionCount(), -1, loadNanos.sum());
    }
}
