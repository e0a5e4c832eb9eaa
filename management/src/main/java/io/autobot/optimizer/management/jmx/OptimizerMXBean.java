package io.autobot.optimizer.management.jmx;

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
public interface OptimizerMXBean {

    String getOptimizationLevel();

    void setOptimizationLevel(String level);

    String getCacheStrategy();

    void setCacheStrategy(String strategy);

    int getMaxWorkers();

    void setMaxWorkers(int workers);

    boolean isParallelEnabled();

    void setParallelEnabled(boolean enabled);

    int getCacheSize();

    void setCacheSize(int entries);

    boolean isRequestThrottling();

    void setRequestThrottling(boolean enabled);

    double getMaxRequestsPerSecond();

    void setMaxRequestsPerSecond(double rate);

    boolean isBatchProcessing();

    void setBatchProcessing(boolean enabled);

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

    double getAlertMemoryUsage();

    void setAlertMemoryUsage(double percent);

    /** The worker count in force: {@code MaxWorkers} scaled by the level. */
    int getEffectiveWorkers();

    /** The memory cache capacity in force: {@code CacheSize} scaled by the level. */
    long getEffectiveCacheSize();

    /** Whether calls are split across workers now (parallel enabled and a level that allows it). */
    boolean isParallelActive();

    /** Whether calls are batched now (batching enabled and a level that allows it). */
    boolean isBatchingActive();

    PerformanceReport getPerformanceReport();

    /** {@code memory_cache} / {@code disk_cache} to their figures. */
    Map<String, Map<String, Double>> getCacheStatistics();

    String[] getRecommendations();

    /** The alerts raised and not cleared. */
    String[] getActiveAlerts();

    /** The names {@link #applyScenario} accepts. */
    String[] getScenarios();

    /** The operations that have a {@code type=Operation} bean. */
    String[] getOperations();

    String getExportDirectory();

    /**
     * Internal failures of the agent since start, on every method: each made a call run the plain
     * method, or left a result uncached (see docs/reliability.md); 0 in a healthy agent.
     */
    long getInternalFailures();

    String getVersion();

    /** Empties every cache tier. */
    void clearCache();

    /** Applies a scenario preset and returns what it set. */
    String applyScenario(String scenario);

    /**
     * The fleet's JVMs from their heartbeats in Redis (docs/fleet.md), one map of fields per JVM:
     * host, pid, version, level, strategy, hitRate, callsPerSecond, lastSeen (epoch milliseconds).
     * Empty when Redis cannot be reached or {@code AUTOBOT_REDIS_URL} is not set.
     */
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
    String applyToFleet(String attribute, String value);

    /** {@link #applyScenario} here and in every JVM of the fleet, as {@link #applyToFleet} does. */
    String applyScenarioToFleet(String scenario);

    /** {@link #clearCache} here and in every JVM of the fleet, as {@link #applyToFleet} does. */
    String clearFleetCache();

    /** Writes the report as JSON inside the export directory and returns the path written. */
    String exportPerformanceData(String fileName);

    /** Counts every statistic from zero again (the caches keep their entries). */
    void resetStatistics();

    /**
     * Runs a discovery window to its end and returns what it found (docs/discovery.md): blocks for
     * the window's length.
     *
     * @param includes class or package patterns, none: every class outside the JDK, the agent and common libraries
     * @param duration such as {@code 30s}
     * @param top how many methods to rank
     */
    DiscoveryData discover(String[] includes, String duration, int top);

    /**
     * Starts a discovery window and returns its id. The window is cancelled (its temporary changes
     * removed) when {@link #pollDiscovery} is not called for 10 seconds: its client went away.
     */
    String startDiscovery(String[] includes, String duration, int top);

    /** The window's state, and its report once it is done; renews its lease. */
    DiscoveryData pollDiscovery(String id);

    /** Ends a window now, removing its temporary changes. */
    void cancelDiscovery(String id);
}
