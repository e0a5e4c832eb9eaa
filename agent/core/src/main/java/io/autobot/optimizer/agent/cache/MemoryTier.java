package io.autobot.optimizer.agent.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import io.autobot.optimizer.agent.call.MethodMeta;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;

/**
 * The memory tier: a Caffeine cache bounded by entry count, each entry with its own lifetime.
 *
 * <p>Lifetimes are checked here against a {@link Ticker}, by default the {@link CoarseClock}, rather
 * than by Caffeine's variable expiry, which reads the ticker and reorders its timer wheel on every
 * hit: the hit path is the one that matters. Tests pass a ticker of their own to move time by hand.
 * Caffeine is given the same ticker, though it reads one only when its own expiry or refresh is on
 * (neither is). An expired entry is never served; it is removed when next read, by
 * {@link #purgeExpired()}, or by size eviction. Maintenance runs on the calling thread, so the
 * agent never borrows the host's common pool.
 */
public final class MemoryTier implements CacheTier {

    private static final long PURGE_INTERVAL_NANOS = 60_000_000_000L;

    private final Cache<CallKey, Entry> cache;
    private final LongAdder loadNanos = new LongAdder();
    private final LongAdder expirations = new LongAdder();
    private final Ticker ticker;
    private final AtomicLong lastPurge;
    private volatile long capacity;

    /** A stored value and the {@link #ticker} time it expires at. */
    private record Entry(Object value, long expiresAt) {
        boolean expired(long now) {
            return now - expiresAt >= 0;
        }
    }

    /** A tier whose lifetimes run on the {@link CoarseClock} (which this starts). */
    public MemoryTier(long capacity) {
        this(capacity, CoarseClock.ticker());
    }

    /** A tier whose lifetimes run on {@code ticker} (nanoseconds, as {@link System#nanoTime()}). */
    public MemoryTier(long capacity, Ticker ticker) {
        if (ticker == CoarseClock.ticker()) {
            CoarseClock.start();
        }
        this.ticker = ticker;
        this.lastPurge = new AtomicLong(ticker.read());
        this.capacity = capacity;
        this.cache = Caffeine.newBuilder()
                .maximumSize(capacity)
                .ticker(ticker)
                .executor(Runnable::run)
                .recordStats()
                .build();
    }

    @Override
    public String name() {
        return "memory";
    }

    @Override
    public Object get(CallKey key) {
        return live(key, cache.getIfPresent(key));
    }

    @Override
    public Object peek(CallKey key) {
        return live(key, cache.policy().getIfPresentQuietly(key));
    }

    private Object live(CallKey key, Entry entry) {
        if (entry == null) {
            return null;
        }
        if (entry.expired(ticker.read())) {
            if (cache.asMap().remove(key, entry)) {
                expirations.increment();
            }
            return null;
        }
        return entry.value();
    }

    @Override
    public Duration remainingTtl(CallKey key) {
        Entry entry = cache.getIfPresent(key);
        long left = entry == null ? 0 : entry.expiresAt() - ticker.read();
        return left > 0 ? Duration.ofNanos(left) : null;
    }

    @Override
    public void put(CallKey key, Object value, Duration ttl) {
        long nanos = Math.max(1, ttl.toNanos());
        long expiresAt = ticker.read() + Math.min(nanos, Long.MAX_VALUE / 4);
        cache.put(key, new Entry(value, expiresAt));
        purgeIfDue();
    }

    /** At most once a minute, a store (a miss: the body just ran) also sweeps expired entries. */
    private void purgeIfDue() {
        long last = lastPurge.get();
        long now = ticker.read();
        if (now - last > PURGE_INTERVAL_NANOS && lastPurge.compareAndSet(last, now)) {
            purgeExpired();
        }
    }

    @Override
    public void recordLoad(long nanos) {
        loadNanos.add(nanos);
    }

    /** Removes every expired entry (run from time to time so they do not take up capacity). */
    public void purgeExpired() {
        long now = ticker.read();
        cache.asMap().entrySet().removeIf(entry -> {
            boolean expired = entry.getValue().expired(now);
            if (expired) {
                expirations.increment();
            }
            return expired;
        });
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
                stats.evictionCount() + expirations.sum(), -1, loadNanos.sum());
    }
}
