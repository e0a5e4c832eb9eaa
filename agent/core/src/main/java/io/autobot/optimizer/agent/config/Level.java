package io.autobot.optimizer.agent.config;

import java.util.Locale;

/**
 * The optimization levels (docs/configuration.md). Each level says which policies may run; the methods'
 * declarations say which ones they want.
 */
public enum Level {
    /** Caching only, every call on the caller's thread. */
    BASIC(false, false, 1),
    /** Caching, parallel splitting and batching (the default). */
    MODERATE(true, true, 1),
    /** As moderate, with twice the memory cache capacity and twice the workers. */
    AGGRESSIVE(true, true, 2);

    private final boolean parallel;
    private final boolean batching;
    private final int scale;

    Level(boolean parallel, boolean batching, int scale) {
        this.parallel = parallel;
        this.batching = batching;
        this.scale = scale;
    }

    /** Whether this level lets calls be split across worker threads. */
    public boolean allowsParallel() {
        return parallel;
    }

    /** Whether this level lets single calls be coalesced into batches. */
    public boolean allowsBatching() {
        return batching;
    }

    /** The factor this level applies to {@code CACHE_SIZE} and {@code OPTIMIZATION_MAX_WORKERS}. */
    public int scale() {
        return scale;
    }

    /** The lower-case name used in settings, JMX and the CLI. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code basic}, {@code moderate} or {@code aggressive}, in any case. */
    public static Level parse(String text) {
        return Choices.parse(Level.class, text);
    }
}
