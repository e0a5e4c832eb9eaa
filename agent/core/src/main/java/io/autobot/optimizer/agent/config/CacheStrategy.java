package io.autobot.optimizer.agent.config;

import java.util.Locale;

/** Where memoized results are kept. */
public enum CacheStrategy {
    /** Caffeine in memory: fastest, lost on restart. */
    MEMORY,
    /** MapDB on disk: survives restarts, slower. */
    DISK,
    /** Caffeine in front of MapDB: a disk hit is promoted to memory (the default). */
    HYBRID,
    /** Caffeine in front of Redis, shared by every JVM of the fleet ({@code AUTOBOT_REDIS_URL}). */
    DISTRIBUTED;

    /** The lower-case name used in settings, JMX and the CLI. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether this strategy keeps a memory tier. */
    public boolean usesMemory() {
        return this != DISK;
    }

    /** Whether this strategy keeps a disk tier. */
    public boolean usesDisk() {
        return this == DISK || this == HYBRID;
    }

    /** Whether this strategy keeps a shared tier in Redis. */
    public boolean usesRemote() {
        return this == DISTRIBUTED;
    }

    /** Parses {@code memory}, {@code disk}, {@code hybrid} or {@code distributed}, in any case. */
    public static CacheStrategy parse(String text) {
        return Choices.parse(CacheStrategy.class, text);
    }
}
