package io.autobot.optimizer.agent.cache;

import io.autobot.optimizer.agent.call.MethodMeta;
import io.autobot.optimizer.agent.call.ThreadTally;
import io.autobot.optimizer.agent.config.CacheStrategy;
import io.autobot.optimizer.agent.jfr.FlightEvents;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which tiers a call reads and writes, as the cache strategy says: memory, disk, memory in front
 * of disk (hybrid, where a disk hit is promoted to memory), or memory in front of the fleet's
 * shared tier (distributed). The disk and shared tiers open on first use. Memory is asked first
 * under every strategy: it also holds what another tier did not take.
 */
final class Tiers {

    private static final Logger LOG = LoggerFactory.getLogger("io.autobot.optimizer");

    private final MemoryTier memory;
    private final Supplier<CacheTier> diskFactory;
    private final Supplier<CacheTier> remoteFactory;
    private volatile CacheStrategy strategy;
    private volatile CacheTier disk;
    private volatile boolean diskUnavailable;
    private volatile CacheTier remote;
    private volatile boolean remoteUnavailable;

    Tiers(MemoryTier memory, CacheStrategy strategy, Supplier<CacheTier> diskFactory,
            Supplier<CacheTier> remoteFactory) {
        this.memory = memory;
        this.strategy = strategy;
        this.diskFactory = diskFactory;
        this.remoteFactory = remoteFactory;
    }

    CacheStrategy strategy() {
        return strategy;
    }

    void strategy(CacheStrategy newStrategy) {
        this.strategy = newStrategy;
    }

    /**
     * The lookup of the engine's cache-hit path: the memory tier's live value, counted as a hit in
     * the thread's own cell, or null, counted as nothing (the full lookup that follows a miss asks
     * every tier and counts it). Memory is asked first under every strategy, so a value here is
     * what {@link #lookup(CallKey, boolean)} would answer.
     */
    Object memoryHit(CallKey key, ThreadTally tally) {
        Object event = FlightEvents.lookupBegins();
        Object value = memory.hit(key, tally);
        return value == null ? null : FlightEvents.looked(event, key.method(), memory.name(), strategy, value);
    }

    /** The index of a method keyed by its one argument (see {@link MemoryTier#argumentKeys}), or null. */
    ArgumentKeys argumentKeys(MethodMeta method) {
        return memory.argumentKeys(method);
    }

    /** {@link #memoryHit} by a method's one argument, served (see {@link MemoryTier#directHit}). */
    Object directHit(ArgumentKeys keys, Object self, Object arg) {
        return memory.directHit(keys, self, arg);
    }

    /** {@link #lookup(CallKey)}; {@code counted} false for a second look whose miss was counted already. */
    Object lookup(CallKey key, boolean counted) {
        Object event = counted ? FlightEvents.lookupBegins() : null; // a second look is not a lookup of its own
        Object value = counted ? memory.get(key) : memory.peek(key);
        CacheStrategy current = strategy;
        if (value == null && current.usesRemote()) {
            Object shared = lookupRemote(key);
            return FlightEvents.looked(event, key.method(), remote == null ? null : remote.name(), current, shared);
        }
        if (value != null || !current.usesDisk()) {
            return FlightEvents.looked(event, key.method(), memory.name(), current, value);
        }
        CacheTier diskTier = disk();
        if (diskTier == null || (current.usesMemory() && !worthAsking(diskTier))) {
            return FlightEvents.looked(event, key.method(), memory.name(), current, null);
        }
        value = counted ? diskTier.get(key) : diskTier.peek(key);
        if (value != null && current.usesMemory()) {
            // a lookup key may be a thread's reusable one: detached() gives memory a key of its own
            memory.put(key.detached(), value, ttlLeft(diskTier, key));
        }
        return FlightEvents.looked(event, key.method(), diskTier.name(), current, value);
    }

    /**
     * Whether a hybrid lookup that memory missed asks the disk: not while it is still opening (memory
     * serves meanwhile), and not when it can only hold what memory holds.
     */
    private boolean worthAsking(CacheTier diskTier) {
        return diskTier.ready() && (diskTier.mayHoldWhatMemoryNeverHeld() || memory.hasEvicted());
    }

    /** A memory miss under {@code distributed}: the shared tier, a hit promoted to memory with its lifetime left. */
    private Object lookupRemote(CallKey key) {
        CacheTier shared = remote();
        if (shared == null) {
            return null; // no Redis: memory serves
        }
        Object value = shared.get(key);
        if (value != null) {
            memory.put(key.detached(), value, ttlLeft(shared, key));
        }
        return value;
    }

    /** Writes a result to the tiers the strategy names; memory takes it too when no other tier did. */
    void write(CallKey key, Object value, Duration ttl, long loadNanos) {
        CacheStrategy current = strategy;
        if (current.usesRemote()) {
            CacheTier shared = remote();
            if (shared != null && shared.offer(key, value, ttl)) {
                shared.recordLoad(loadNanos);
            }
        }
        CacheTier diskTier = current.usesDisk() ? disk() : null;
        boolean onDisk = false;
        if (diskTier != null && current.usesMemory()) {
            // hybrid: memory serves this JVM, so the disk tier's work is not the caller's to wait for
            diskTier.offerBehind(key, value, ttl, loadNanos);
        } else if (diskTier != null && diskTier.offer(key, value, ttl, loadNanos)) {
            onDisk = true;
            diskTier.recordLoad(loadNanos);
        }
        if (current.usesMemory() || !onDisk) {
            memory.put(key, value, ttl);
            memory.recordLoad(loadNanos);
        }
    }

    /** What a disk hit promoted to memory may live: no longer than it has left on disk. */
    private static Duration ttlLeft(CacheTier diskTier, CallKey key) {
        Duration left = diskTier.remainingTtl(key);
        return left == null ? Duration.ofMinutes(1) : left;
    }

    /** Removes every entry from every tier (opening the disk tier when the strategy uses it). */
    void clear() {
        memory.invalidateAll();
        CacheTier shared = strategy.usesRemote() ? remote() : remote;
        if (shared != null) {
            shared.invalidateAll();
        }
        CacheTier diskTier = strategy.usesDisk() ? disk() : disk;
        if (diskTier != null) {
            diskTier.invalidateAll();
        }
    }

    /** Removes the entries of the methods that match, from every tier. */
    void clear(Predicate<MethodMeta> methods) {
        memory.invalidate(methods);
        CacheTier shared = strategy.usesRemote() ? remote() : remote;
        if (shared != null) {
            shared.invalidate(methods);
        }
        CacheTier diskTier = strategy.usesDisk() ? disk() : disk;
        if (diskTier != null) {
            diskTier.invalidate(methods);
        }
    }

    /** Applies a new memory capacity. */
    void resize(long capacity) {
        memory.resize(capacity);
    }

    /** Statistics of every tier that exists. */
    List<TierStatistics> statistics() {
        List<TierStatistics> statistics = new ArrayList<>();
        statistics.add(memory.statistics());
        CacheTier diskTier = disk;
        if (diskTier != null) {
            statistics.add(diskTier.statistics());
        }
        CacheTier shared = remote;
        if (shared != null) {
            statistics.add(shared.statistics());
        }
        return statistics;
    }

    /** Drops the memory tier and closes the disk tier, if open: its files stay for the next run. */
    void close() {
        memory.invalidateAll(); // memory only matters while running
        CacheTier diskTier = disk;
        if (diskTier != null) {
            diskTier.close();
        }
    }

    /**
     * Has the disk tier opened now, when the strategy uses it: called once a cached method is
     * instrumented, so that MapDB loads on the tier's thread (after the tier's start delay) while
     * the host starts, rather than while its first cached call waits (under {@code disk}) or
     * competes with it for the CPU (under {@code hybrid}). A JVM that exits before the delay has
     * loaded nothing. A store left by an earlier run starts opening at once under either strategy
     * ({@link CacheTier#expectLookups}): under {@code hybrid} memory serves until it has opened.
     */
    void prepare() {
        CacheStrategy current = strategy;
        if (current.usesDisk() && disk == null && !diskUnavailable) {
            CacheTier diskTier = disk();
            if (diskTier != null) {
                diskTier.expectLookups(!current.usesMemory());
            }
        }
    }

    /** The shared tier, opened on first use; null when there is none (reported once by its factory). */
    private CacheTier remote() {
        CacheTier current = remote;
        if (current != null || remoteUnavailable) {
            return current;
        }
        synchronized (this) {
            if (remote == null && !remoteUnavailable) {
                try {
                    remote = remoteFactory == null ? null : remoteFactory.get();
                } catch (RuntimeException | LinkageError e) {
                    LOG.warn("the Redis cache cannot be opened ({}); results are cached in this JVM only", e.toString());
                }
                remoteUnavailable = remote == null;
            }
            return remote;
        }
    }

    /** The disk tier, opened on first use; null when it cannot be opened (reported once). */
    private CacheTier disk() {
        CacheTier current = disk;
        if (current != null || diskUnavailable) {
            return current;
        }
        synchronized (this) {
            if (disk == null && !diskUnavailable) {
                try {
                    disk = diskFactory == null ? null : diskFactory.get();
                } catch (RuntimeException | LinkageError e) {
                    LOG.warn("the disk cache cannot be opened ({}); results are cached in memory only", e.toString());
                }
                diskUnavailable = disk == null;
            }
            return disk;
        }
    }
}
