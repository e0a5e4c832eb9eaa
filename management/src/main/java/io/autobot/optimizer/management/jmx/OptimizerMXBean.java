package io.autobot.optimizer.management.jmx;

import io.autobot.optimizer.management.report.CacheStatistics;
import io.autobot.optimizer.management.report.PerformanceReport;
import java.util.List;
import java.util.Map;

/**
 * {@code io.autobot.optimizer:type=Optimizer}: the agent's settings, live, and its report. Every
 * setter validates first: a value that is not accepted throws {@link IllegalArgumentException}
 * naming what is, and nothing changes. Every change, from any source, is announced with an
 * {@code AttributeChangeNotification}; alerts come as {@code io.autobot.optimizer.alert.*}
 * notifications. Durations are in seconds.
 */
@Described("The agent's settings, live, its report and its operations")
public interface OptimizerMXBean {

    String getOptimizationLevel();

    void setOptimizationLevel(String level);

    String getCacheStrategy();

    void setCacheStrategy(String strategy);

    @Described(units = "threads")
    int getMaxWorkers();

    void setMaxWorkers(int workers);

    boolean isParallelEnabled();

    void setParallelEnabled(boolean enabled);

    @Described(units = "entries")
    int getCacheSize();

    void setCacheSize(int entries);

    boolean isRequestThrottling();

    void setRequestThrottling(boolean enabled);

    @Described(units = "calls/second")
    double getMaxRequestsPerSecond();

    void setMaxRequestsPerSecond(double rate);

    boolean isBatchProcessing();

    void setBatchProcessing(boolean enabled);

    @Described(units = "calls")
    int getBatchSize();

    void setBatchSize(int size);

    double getMaxBatchWaitTime();

    void setMaxBatchWaitTime(double seconds);

    /**
     * The {@code verify} setting: the fraction of cache hits on which the body runs again and its
     * result is compared with the stored one (0 to 1). A method's own {@code @Cached(verify)} wins.
     */
    double getVerifyFraction();

    void setVerifyFraction(double fraction);

    boolean isAutoTuning();

    void setAutoTuning(boolean enabled);

    double getAutoTuningInterval();

    void setAutoTuningInterval(double seconds);

    double getAlertExecutionTime();

    void setAlertExecutionTime(double seconds);

    double getAlertHitRate();

    void setAlertHitRate(double rate);

    @Described(units = "percent")
    double getAlertMemoryUsage();

    void setAlertMemoryUsage(double percent);

    /** The worker count in force: {@code MaxWorkers} scaled by the level. */
    @Described(value = "The worker count in force: MaxWorkers scaled by the level", units = "threads")
    int getEffectiveWorkers();

    /** The memory cache capacity in force: {@code CacheSize} scaled by the level. */
    @Described(value = "The memory cache capacity in force: CacheSize scaled by the level", units = "entries")
    long getEffectiveCacheSize();

    /** Whether calls are split across workers now (parallel enabled and a level that allows it). */
    @Described("Whether calls are split across workers now (parallel enabled and a level that allows it)")
    boolean isParallelActive();

    /** Whether calls are batched now (batching enabled and a level that allows it). */
    @Described("Whether calls are batched now (batching enabled and a level that allows it)")
    boolean isBatchingActive();

    @Described("The performance report: summary and per-operation figures (counts as whole numbers, times in"
            + " seconds) and when it was made")
    PerformanceReport getPerformanceReport();

    /** Each open tier's figures ({@code memory_cache}, {@code disk_cache}, {@code redis_cache}) and the single flight's. */
    @Described("Each open cache tier (memory_cache, disk_cache, redis_cache) with its figures: entries, capacity,"
            + " hits, misses, evictions, bytes on disk, load time in seconds; and single_flight: callers that waited")
    CacheStatistics getCacheStatistics();

    @Described("What the agent recommends changing, each naming the figure that triggered it")
    String[] getRecommendations();

    /** The alerts raised and not cleared. */
    @Described("The alerts raised and not cleared")
    String[] getActiveAlerts();

    /** The names {@link #applyScenario} accepts. */
    @Described("The scenario presets applyScenario accepts")
    String[] getScenarios();

    /** The operations that have a {@code type=Operation} bean. */
    @Described("The operations that have a type=Operation bean")
    String[] getOperations();

    @Described("The directory exportPerformanceData writes in (absolute)")
    String getExportDirectory();

    /**
     * Internal failures of the agent since start, on every method: each made a call run the plain
     * method, or left a result uncached (see docs/reliability.md); 0 in a healthy agent.
     */
    @Described(value = "Internal failures of the agent since start: each made a call run the plain method or left"
            + " a result uncached; 0 in a healthy agent",
            units = "failures")
    long getInternalFailures();

    @Described("The agent version")
    String getVersion();

    /** Empties every cache tier. */
    @Described("Empties every cache tier")
    void clearCache();

    /** Applies a scenario preset and returns what it set. */
    @Described("Applies a scenario preset and returns what it set")
    String applyScenario(String scenario);

    /**
     * The fleet's JVMs from their heartbeats in Redis (docs/fleet.md), one map of fields per JVM:
     * host, pid, version, level, strategy, hitRate, callsPerSecond, lastSeen (epoch milliseconds).
     * Empty when Redis cannot be reached or {@code AUTOBOT_REDIS_URL} is not set.
     */
    @Described("The fleet's JVMs from their heartbeats in Redis: host, pid, version, level, strategy, hitRate,"
            + " callsPerSecond, lastSeen (epoch milliseconds); empty without AUTOBOT_REDIS_URL or Redis")
    List<Map<String, String>> getFleet();

    /**
     * Writes a writable attribute here, from its text as the CLI and the configuration take it,
     * and publishes the change to every JVM of the fleet, which applies it as this JVM does (the
     * same validation, the same change notification). Returns what was done.
     *
     * @throws IllegalArgumentException for an attribute or value that is not accepted: nothing changes anywhere
     * @throws IllegalStateException when Redis could not take the change: it holds in this JVM only
     * @throws UnsupportedOperationException when {@code AUTOBOT_REDIS_URL} is not set: nothing changes
     */
    @Described("Writes a writable attribute here from its text and publishes the change to every JVM of the fleet,"
            + " which applies it as a local JMX write; returns what was done")
    String applyToFleet(String attribute, String value);

    /** {@link #applyScenario} here and in every JVM of the fleet, as {@link #applyToFleet} does. */
    @Described("Applies a scenario preset here and in every JVM of the fleet; returns what it set")
    String applyScenarioToFleet(String scenario);

    /** {@link #clearCache} here and in every JVM of the fleet, as {@link #applyToFleet} does. */
    @Described("Empties every cache tier here and in every JVM of the fleet; returns what was done")
    String clearFleetCache();

    /** Writes the report inside the export directory (as HTML for a {@code .html} name, else JSON) and returns the path written. */
    @Described("Writes the report as JSON (HTML for a .html file name) inside the export directory and returns"
            + " the path written")
    String exportPerformanceData(String fileName);

    /**
     * Writes the report as {@code format} ({@code json}, or {@code html}: one self-contained page
     * with SVG charts) inside the export directory and returns the path written; an empty format
     * follows the file name ({@code .html}: HTML, else JSON).
     */
    @Described("Writes the report as json, or as html (one self-contained page with SVG charts), inside the"
            + " export directory and returns the path written; an empty format follows the file name's ending")
    String exportPerformanceData(String fileName, String format);

    /** Counts every statistic from zero again (the caches keep their entries). */
    @Described("Counts every statistic from zero again (the caches keep their entries)")
    void resetStatistics();

    /**
     * Runs a discovery window to its end and returns what it found (docs/discovery.md): blocks for
     * the window's length.
     *
     * @param includes class or package patterns, none: every class outside the JDK, the agent and common libraries
     * @param duration such as {@code 30s}
     * @param top how many methods to rank
     */
    @Described("Runs a discovery window to its end and returns what it found; blocks for the window")
    DiscoveryData discover(String[] includes, String duration, int top);

    /**
     * Starts a discovery window and returns its id. The window is cancelled (its temporary changes
     * removed) when {@link #pollDiscovery} is not called for 10 seconds: its client went away.
     */
    @Described("Starts a discovery window and returns its id; it is cancelled when not polled for 10 seconds")
    String startDiscovery(String[] includes, String duration, int top);

    /** The window's state, and its report once it is done; renews its lease. */
    @Described("The discovery window's state, and its report once done; renews its lease")
    DiscoveryData pollDiscovery(String id);

    /** Ends a window now, removing its temporary changes. */
    @Described("Ends a discovery window now, removing its temporary changes")
    void cancelDiscovery(String id);
}
