package io.autobot.optimizer.agent.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import com.github.benmanes.caffeine.cache.Ticker;
import io.autobot.optimizer.agent.call.MethodMeta;
import io.autobot.optimizer.agent.call.StripedCount;
import io.autobot.optimizer.agent.call.ThreadTally;
import io.autobot.optimizer.agent.jfr.FlightEvents;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
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
 *
 * <p>Hits, misses and evictions are counted here rather than by Caffeine's statistics, whose
 * counters every hit would increment atomically: a hit of the engine's fast path ({@link #hit})
 * adds to its thread's own cell ({@link StripedCount}). A hit found through a method's
 * {@link ArgumentKeys} is counted once, in the method's statistics, and this tier's hits are
 * derived from those counts.
 */
public final class MemoryTier implements CacheTier {

    private static final long PURGE_INTERVAL_NANOS = 60_000_000_000L;

    private final Cache<CallKey, Entry> cache;
    private final LongAdder loadNanos = new LongAdder();
    private final LongAdder expirations = new LongAdder();
    private final LongAdder evictions = new LongAdder();
    private final LongAdder hits = new LongAdder();
    private final StripedCount fastHits = new StripedCount();
    private final LongAdder misses = new LongAdder();
    private final Ticker ticker;
    private final AtomicLong lastPurge;
    /** The index of each method keyed by its one argument, by method id: what a store or a removal updates. */
    private volatile ArgumentKeys[] indexes = new ArgumentKeys[0];
    /** Every index this tier made (a method registered again gets a new one): their methods' hits are this tier's. */
    private final List<ArgumentKeys> indexed = new CopyOnWriteArrayList<>();
    private volatile long capacity;

    /**
     * A stored value, the key it was stored under, the {@link #ticker} time it expires at, and
     * whether any caller may be given the value itself ({@code plain}): decided once, when it is
     * stored, so that a hit by the argument ({@link #directHit}) need not ask {@link Results} what
     * it serves. A value that is the call's argument ({@link ArgumentResult}) or that
     * {@link Results#copy} copies (an array, a mutable JDK collection) is not plain. Equal only to
     * itself: the index drops an entry only if it still holds that very one.
     */
    static final class Entry {
        final CallKey key;
        /** The key's one argument, by which {@link ArgumentKeys} finds the entry; null for a key of more or none. */
        final Object argument;
        final Object value;
        final long expiresAt;
        final boolean plain;
        /**
         * The {@link #ticker} time this entry's last hit by its argument was reported to Caffeine
         * as a read. Written without ordering by any thread that hits it, once per tick at most, so
         * hits do not keep writing a line other threads read.
         */
        long reportedAt;

        Entry(CallKey key, Object value, long expiresAt, boolean plain) {
            this.key = key;
            this.argument = key != null && key.args().length == 1 ? key.args()[0] : null;
            this.value = value;
            this.expiresAt = expiresAt;
            this.plain = plain;
        }

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
                .evictionListener((key, entry, cause) -> {
                    if (cause.wasEvicted()) {
                        evictions.increment();
                    }
                })
                .removalListener((key, entry, cause) -> {
                    if (cause != RemovalCause.REPLACED && key instanceof CallKey removed && entry instanceof Entry gone) {
                        unindex(removed, gone);
                    }
                })
                .build();
    }

    @Override
    public String name() {
        return "memory";
    }

    /** Whether the size bound has made this tier drop results. */
    boolean hasEvicted() {
        return evictions.sum() > 0;
    }

    @Override
    public Object get(CallKey key) {
        Object value = live(key, cache.getIfPresent(key));
        (value == null ? misses : hits).increment();
        return value;
    }

    /**
     * A lookup of the cache-hit path: the value, counted in the thread's own cell as a hit, or
     * null, counted as nothing (the lookup that follows a miss counts it).
     */
    public Object hit(CallKey key, ThreadTally tally) {
        Entry entry = cache.getIfPresent(key);
        Object value = live(key, entry);
        if (value != null) {
            fastHits.increment(tally);
            reindex(entry);
        }
        return value;
    }

    /**
     * The index of a method keyed by its one argument, made for it now (a method registered again
     * gets a fresh one), or null when the method's key is more than one argument.
     */
    public ArgumentKeys argumentKeys(MethodMeta method) {
        if (!ArgumentKeys.applies(method)) {
            return null;
        }
        ArgumentKeys keys = new ArgumentKeys(method, this);
        synchronized (indexed) {
            ArgumentKeys[] grown = Arrays.copyOf(indexes, Math.max(indexes.length, method.id() + 1));
            grown[method.id()] = keys;
            indexes = grown; // published whole, as the method registry's table is
            indexed.add(keys);
        }
        return keys;
    }

    /** The index of the method with this id, or null: one array read, no boxing. */
    private ArgumentKeys indexOf(CallKey key) {
        if (!ArgumentKeys.indexable(key)) {
            return null;
        }
        ArgumentKeys[] all = indexes;
        int id = key.method().id();
        return id >= 0 && id < all.length ? all[id] : null;
    }

    /**
     * A lookup of the cache-hit path by a method's one argument (and its receiver's class, if it
     * stands for the receiver in the key): what the caller gets for the stored value (as
     * {@link Results#servedOne}: its own argument, a copy of a mutable value), counted as a hit of
     * the method (and so of this tier), or null, counted as nothing, when the argument is not a
     * JDK final value or an enum constant, is not indexed, or its entry expired or is gone (the
     * long way decides then).
     *
     * <p>The index holds the entry itself, so a hit is one hash lookup. It holds exactly the
     * entries this tier holds (see {@link #index}), so what it serves is what a lookup in the
     * tier would. Caffeine decides what the size bound evicts by how often and how lately each
     * entry was read, so the first hit of an entry in each tick of the {@link #ticker} (10 ms on
     * the {@link CoarseClock}) also reads it through Caffeine: an entry served by its argument
     * counts as read at most once a tick.
     */
    public Object directHit(ArgumentKeys keys, Object self, Object arg) {
        if (!ArgumentKeys.indexable(arg)) {
            return null;
        }
        Object event = FlightEvents.lookupBegins();
        Entry entry = keys.get(arg);
        if (entry == null || !keys.sameReceiver(entry.key, self)) {
            return null; // not indexed, or indexed for another receiver class (the long way decides)
        }
        long now = ticker.read();
        if (entry.expired(now) || entry.reportedAt != now && !reportRead(keys, entry, now)) {
            return null; // expired (the long way removes it), or no longer in the tier
        }
        Object value = entry.value;
        keys.stats().recordDirectHit();
        FlightEvents.looked(event, keys.method(), name(), null, value);
        return entry.plain ? value : Results.servedOne(value, arg, keys.byValue());
    }

    /** Reads an entry through Caffeine for its size bound: whether the tier still holds it (if not, it is unindexed). */
    private boolean reportRead(ArgumentKeys keys, Entry entry, long now) {
        entry.reportedAt = now;
        if (cache.getIfPresent(entry.key) == entry) {
            return true;
        }
        keys.removed(entry);
        return false;
    }

    /** Indexes an entry found on the long way that the index does not hold (a store raced a removal). */
    private void reindex(Entry entry) {
        ArgumentKeys keys = indexOf(entry.key);
        if (keys != null && keys.get(entry.argument) == null) {
            keys.found(entry);
            stillStored(keys, entry);
        }
    }

    /**
     * Indexes a stored entry. The index then checks the tier still holds it: a removal that ran
     * between the store and the indexing found nothing to drop from the index, so it is dropped
     * here; a removal after this check finds it indexed and drops it (the removal listener).
     */
    private void index(Entry entry) {
        ArgumentKeys keys = indexOf(entry.key);
        if (keys != null) {
            keys.stored(entry, capacity);
            stillStored(keys, entry);
        }
    }

    private void stillStored(ArgumentKeys keys, Entry entry) {
        if (cache.policy().getIfPresentQuietly(entry.key) != entry) {
            keys.removed(entry);
        }
    }

    private void unindex(CallKey key, Entry entry) {
        ArgumentKeys keys = indexOf(key);
        if (keys != null) {
            keys.removed(entry);
        }
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
        return entry.value;
    }

    @Override
    public Duration remainingTtl(CallKey key) {
        Entry entry = cache.getIfPresent(key);
        long left = entry == null ? 0 : entry.expiresAt - ticker.read();
        return left > 0 ? Duration.ofNanos(left) : null;
    }

    @Override
    public void put(CallKey key, Object value, Duration ttl) {
        long nanos = Math.max(1, ttl.toNanos());
        long expiresAt = ticker.read() + Math.min(nanos, Long.MAX_VALUE / 4);
        Entry entry = new Entry(key, value, expiresAt, plain(value));
        cache.put(key, entry);
        index(entry);
        purgeIfDue();
    }

    /** Whether every caller may be given the stored value itself, whatever the method's {@code storeByValue}. */
    private static boolean plain(Object value) {
        return !(value instanceof ArgumentResult) && !Results.copied(value);
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
        return new TierStatistics(name(), cache.estimatedSize(), capacity, hits.sum() + fastHits.sum() + directHits(),
                misses.sum(), evictions.sum() + expirations.sum(), -1, loadNanos.sum());
    }

    private long directHits() {
        long total = 0;
        for (ArgumentKeys keys : indexed) {
            total += keys.method().stats().directHitsTotal();
        }
        return total;
    }
}
