package io.autobot.optimizer.management.jmx;

/** {@code io.autobot.optimizer:type=Cache,tier=<memory|disk>}: one cache tier's statistics. */
@Described("One cache tier's statistics")
public interface CacheMXBean {

    @Described("The tier: memory or disk")
    String getTier();

    @Described(value = "Entries in the tier", units = "entries")
    long getEntries();

    /** The most entries the tier keeps; -1 when unbounded. */
    @Described(value = "The most entries the tier keeps; -1 when unbounded", units = "entries")
    long getCapacity();

    @Described(value = "Entries / capacity, 0 to 1", units = "ratio")
    double getUtilization();

    @Described(value = "Lookups the tier answered", units = "lookups")
    long getHits();

    @Described(value = "Lookups the tier could not answer", units = "lookups")
    long getMisses();

    @Described(value = "Hits / lookups, 0 to 1", units = "ratio")
    double getHitRate();

    @Described(value = "Entries evicted for capacity or expiry", units = "entries")
    long getEvictions();

    /** Size of the tier's files; -1 for memory. */
    @Described(value = "Size of the tier's files; -1 for memory", units = "bytes")
    long getBytesOnDisk();

    /** Time spent computing the values stored in the tier, in seconds. */
    @Described(value = "Time spent computing the values stored in the tier", units = "seconds")
    double getLoadTime();
}
