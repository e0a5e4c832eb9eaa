package io.autobot.optimizer.agent.cache;

/**
 * What one cache tier reports (the {@code CacheStatistics} attribute, docs/management.md).
 *
 * @param tier {@code memory} or {@code disk}
 * @param entries entries now
 * @param capacity the most entries it keeps ({@code -1} when unbounded)
 * @param hits lookups that found a value
 * @param misses lookups that found none
 * @param evictions entries removed for capacity or expiry
 * @param bytesOnDisk size of the tier's files ({@code -1} for memory)
 * @param loadTimeNanos time spent computing the values that were stored in the tier
 */
public record TierStatistics(String tier, long entries, long capacity, long hits, long misses, long evictions,
        long bytesOnDisk, long loadTimeNanos) {

    /** Entries over capacity, 0 for an unbounded tier. */
    public double utilization() {
        return capacity <= 0 ? 0.0 : Math.min(1.0, entries / (double) capacity);
    }

    /** Hits over lookups, 0 before the first lookup. */
    public double hitRate() {
        long lookups = hits + misses;
        return lookups == 0 ? 0.0 : hits / (double) lookups;
    }
}
