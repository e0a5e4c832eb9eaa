package io.autobot.optimizer.agent.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The settings in force in the running JVM. Every call reads them, so a change (from JMX, the
 * CLI or the in-process API) takes effect at the next call. Setters validate first and change
 * nothing on a bad value; every change is published to the listeners.
 */
public final class RuntimeSettings {

    /** Receives every change; the management plane turns them into JMX notifications. */
    public interface Listener {
        void changed(Setting<?> setting, Object oldValue, Object newValue);
    }

    /** Settings fixed at start-up: changing them needs a restart. */
    private static final Set<Setting<?>> FIXED = Set.of(Setting.DISK_CACHE_PATH, Setting.EXPORT_DIR);
    /** The export directory's name beside the disk cache when {@code AUTOBOT_EXPORT_DIR} is not set. */
    private static final String EXPORTS = "exports";

    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final Map<Setting<?>, Object> values = new ConcurrentHashMap<>();
    private final OperationProfiles profiles;

    public RuntimeSettings(AgentConfig config) {
        this.profiles = config.profiles();
        for (Setting<?> setting : Setting.all()) {
            values.put(setting, config.get(setting));
        }
    }

    /** Settings at their defaults, for tests and for code paths without an agent config. */
    public static RuntimeSettings defaults() {
        return new RuntimeSettings(AgentConfig.defaults());
    }

    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    public void removeListener(Listener listener) {
        listeners.remove(listener);
    }

    /**
     * Sets a setting from text, as JMX, the CLI and scenarios do.
     *
     * @throws IllegalArgumentException naming the setting and what it accepts; nothing changes
     */
    public void set(String name, String text) {
        Setting<?> setting = Setting.find(name);
        if (setting == null) {
            throw new IllegalArgumentException("unknown setting '" + name + "'");
        }
        setParsed(setting, text);
    }

    private <T> void setParsed(Setting<T> setting, String text) {
        set(setting, setting.parse(text));
    }

    /**
     * Sets a setting to an already-parsed value.
     *
     * @throws IllegalArgumentException for a setting that is fixed at start-up
     */
    public <T> void set(Setting<T> setting, T value) {
        Objects.requireNonNull(value, setting.environmentVariable());
        if (FIXED.contains(setting)) {
            throw new IllegalArgumentException(setting.environmentVariable() + " cannot be changed while running");
        }
        Object old;
        synchronized (this) {
            old = values.put(setting, value);
        }
        if (!value.equals(old)) {
            for (Listener listener : listeners) {
                listener.changed(setting, old, value);
            }
        }
    }

    /** The current value of a setting. */
    @SuppressWarnings("unchecked")
    public <T> T get(Setting<T> setting) {
        return (T) values.get(setting);
    }

    public Level level() {
        return get(Setting.LEVEL);
    }

    public CacheStrategy cacheStrategy() {
        return get(Setting.CACHE_STRATEGY);
    }

    /** {@code OPTIMIZATION_MAX_WORKERS} as set. */
    public int maxWorkers() {
        return get(Setting.MAX_WORKERS);
    }

    /** The worker count in force: {@code OPTIMIZATION_MAX_WORKERS} scaled by the level. */
    public int effectiveWorkers() {
        return maxWorkers() * level().scale();
    }

    public boolean parallelEnabled() {
        return get(Setting.PARALLEL);
    }

    /** Whether calls may be split now: {@code OPTIMIZATION_PARALLEL} and a level that allows it. */
    public boolean parallelActive() {
        return parallelEnabled() && level().allowsParallel();
    }

    /** {@code CACHE_SIZE} as set. */
    public int cacheSize() {
        return get(Setting.CACHE_SIZE);
    }

    /** The memory cache capacity in force: {@code CACHE_SIZE} scaled by the level. */
    public long effectiveCacheSize() {
        return (long) cacheSize() * level().scale();
    }

    public boolean requestThrottling() {
        return get(Setting.REQUEST_THROTTLING);
    }

    public double maxRequestsPerSecond() {
        return get(Setting.MAX_REQUESTS_PER_SECOND);
    }

    public boolean batchProcessing() {
        return get(Setting.BATCH_PROCESSING);
    }

    /** Whether calls may be batched now: {@code BATCH_PROCESSING} and a level that allows it. */
    public boolean batchingActive() {
        return batchProcessing() && level().allowsBatching();
    }

    public int batchSize() {
        return get(Setting.BATCH_SIZE);
    }

    public Duration maxBatchWaitTime() {
        return get(Setting.MAX_BATCH_WAIT_TIME);
    }

    public boolean debug() {
        return get(Setting.DEBUG);
    }

    public String diskCachePath() {
        return get(Setting.DISK_CACHE_PATH);
    }

    /**
     * Where exports are written: {@code AUTOBOT_EXPORT_DIR}, or, when it is not set, {@code exports}
     * beside the disk cache's directory ({@code ./cache/exports} by default), so that everything the
     * agent writes is under one directory.
     */
    public String exportDirectory() {
        String set = get(Setting.EXPORT_DIR);
        if (set != null && !set.isBlank()) {
            return set;
        }
        try {
            Path parent = Path.of(diskCachePath()).normalize().getParent();
            return (parent == null ? Path.of(EXPORTS) : parent.resolve(EXPORTS)).toString();
        } catch (InvalidPathException unusable) {
            return EXPORTS; // the disk cache reports its path; exports still have a place
        }
    }

    public OperationProfiles profiles() {
        return profiles;
    }
}
