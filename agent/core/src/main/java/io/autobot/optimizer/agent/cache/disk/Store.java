package io.autobot.optimizer.agent.cache.disk;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * What the disk tier needs from a persistent map of bytes to bytes. Reads may run on any thread;
 * writes run on the write-behind thread only and become durable at {@link #commit()}. Every method
 * may throw a runtime exception when the files fail; the tier treats that as a fault.
 */
interface Store extends AutoCloseable {

    byte[] get(byte[] key);

    void put(byte[] key, byte[] record);

    /** Removes an entry; returns whether there was one. */
    boolean remove(byte[] key);

    /** Removes the entries for which {@code test(key, record)} holds; returns how many. */
    long removeIf(BiPredicate<byte[], byte[]> test);

    void clear();

    /**
     * Reads out what can still be read of a damaged store: every entry for which {@code keep}
     * holds, and the recorded classes, until a read fails or {@code maxBytes} are collected.
     */
    Salvage salvage(BiPredicate<byte[], byte[]> keep, long maxBytes);

    /** What {@link #salvage} could read. */
    record Salvage(List<byte[][]> entries, Map<String, Set<String>> classes) {
    }

    /**
     * Whether the store's last commit did not finish (its JVM was killed while writing it): the
     * file may be part old, part new, and is to be {@linkplain #readThrough() read through} before
     * it is trusted.
     */
    boolean lastCommitCutShort();

    /**
     * Reads every entry and every recorded class; a store whose last commit was cut short and that
     * reads through is whole again.
     *
     * @throws RuntimeException when a read fails: the store is damaged
     */
    void readThrough();

    long size();

    /** The classes the cache wrote for a method's results (empty when none). */
    Set<String> allowedClasses(String stableId);

    /** Records more classes written for a method's results. */
    void allowClasses(String stableId, Set<String> classes);

    /** Makes every write since the last commit durable (write-ahead log, then the store). */
    void commit();

    /** Drops every write since the last commit. */
    void rollback();

    @Override
    void close();
}
