package io.autobot.optimizer.management.jmx;

/** {@code io.autobot.optimizer:type=Cache,tier=<memory|disk>}: one cache tier's statistics. */
public interface CacheMXBean {

    String getTier();

    long getEntries();

    /** The most entries the tier keeps; -1 when unbounded. */
    long getCapacity();

    double getUtilization();

    long getHits();

    long getMisses();

    double getHitRate();

    long getEvictions();

    /** Size of the tier's files; -1 for memory. */
    long getBytesOnDisk();

    /** Time spent computing the values stored in the tier, in seconds. */
    double getLoadTime();
}
