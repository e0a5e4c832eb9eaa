package io.autobot.optimizer.agent.cache;

import io.autobot.optimizer.agent.call.MethodMeta;
import java.time.Duration;
import java.util.function.Predicate;

/**
 * One place where memoized results are kept (memory or disk). Values are never null: a null
 * result is stored as {@link io.autobot.optimizer.bootstrap.Dispatcher#NULL}. Every method may be
 * called from any thread.
 */
public interface CacheTier extends AutoCloseable {

    /** The tier's name in statistics and JMX: {@code memory} or {@code disk}. */
    String name();

    /** The live value for the key, or null when absent or expired. */
    Object get(CallKey key);

    /**
     * The live value for the key, like {@link #get}, without counting a hit or a miss: a second
     * look at a key whose miss was counted already.
     */
    default Object peek(CallKey key) {
        return get(key);
    }

    /** The time the key's entry has left to live, or null when absent, expired or unknown. */
    default Duration remainingTtl(CallKey key) {
        return null;
    }

    /** Stores a value that lives for {@code ttl}. The key is already detached. */
    void put(CallKey key, Object value, Duration ttl);

    /**
     * Stores a value if this tier takes it: a tier may refuse a method (the disk tier refuses
     * results it cannot serialize) or a moment (a full write queue). The caller then keeps the
     * value in memory instead.
     *
     * @return whether the tier took the value
     */
    default boolean offer(CallKey key, Object value, Duration ttl) {
        put(key, value, ttl);
        return true;
    }

    /**
     * {@link #offer(CallKey, Object, Duration)} for a value whose body took {@code computeNanos}: a
     * tier whose own cost can exceed that (the disk tier) may refuse results that do not pay.
     */
    default boolean offer(CallKey key, Object value, Duration ttl, long computeNanos) {
        return offer(key, value, ttl);
    }

    /**
     * {@link #offer(CallKey, Object, Duration, long)} for a value that another tier keeps for this
     * JVM (memory, under {@code hybrid}): this tier serves it only after a restart, so it may do its
     * work (encoding, deciding whether the value pays) off the caller's thread, later. The value is
     * the stored one, which nothing changes (a mutable JDK collection is a copy already). The tier
     * records the load of what it stores itself ({@link #recordLoad}).
     */
    default void offerBehind(CallKey key, Object value, Duration ttl, long computeNanos) {
        if (offer(key, value, ttl, computeNanos)) {
            recordLoad(computeNanos);
        }
    }

    /**
     * Told once cached methods exist, before their first lookups: a tier that opens slowly and has
     * something to serve may start opening now rather than at the first lookup.
     *
     * @param only whether the tier is the only one a lookup asks (the {@code disk} strategy), or
     *     answers what memory missed ({@code hybrid})
     */
    default void expectLookups(boolean only) {
    }

    /**
     * Whether the tier may hold results that the memory tier never held in this JVM: from an
     * earlier run, or written while the strategy left memory out. Under {@code hybrid} a lookup that
     * memory missed asks the tier only then (or once memory has evicted results): asking costs the
     * encoding of the key.
     */
    default boolean mayHoldWhatMemoryNeverHeld() {
        return true;
    }

    /**
     * Whether the tier has finished opening. Hybrid lookups skip a tier that is still opening
     * rather than wait for it; a disk-only lookup waits.
     */
    default boolean ready() {
        return true;
    }

    /** Adds to the time reported for computing the values this tier stored. */
    default void recordLoad(long nanos) {
    }

    /** Removes every entry. */
    void invalidateAll();

    /** Removes the entries of the methods that match. */
    void invalidate(Predicate<MethodMeta> methods);

    /** Statistics as of now. */
    TierStatistics statistics();

    /** Applies a new capacity ({@code CACHE_SIZE} scaled by the level); tiers may ignore it. */
    default void resize(long capacity) {
    }

    @Override
    default void close() {
    }
}
