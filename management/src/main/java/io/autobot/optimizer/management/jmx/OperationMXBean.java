package io.autobot.optimizer.management.jmx;

/**
 * {@code io.autobot.optimizer:type=Operation,name=<operation>}: the figures of the methods that
 * report under one operation, and that operation's profile, writable. Times are in seconds;
 * percentiles cover the calls that ran through the policies (cache hits answered at once are not
 * timed) and are accurate to about 6%.
 */
@Described("The figures of the methods that report under one operation, and the operation's profile, writable")
public interface OperationMXBean {

    @Described("The operation")
    String getName();

    /** The instrumented methods of the operation, fully qualified. */
    @Described("The instrumented methods of the operation, fully qualified")
    String[] getMethods();

    /** The policies the first method runs through, outermost first. */
    @Described("The policies the first method runs through, outermost first")
    String[] getPolicies();

    @Described(value = "Calls since start (or resetStatistics), cache hits included", units = "calls")
    long getCalls();

    @Described(value = "Calls answered from the cache", units = "calls")
    long getCacheHits();

    @Described(value = "Cache lookups that ran the method", units = "calls")
    long getCacheMisses();

    @Described(value = "Hits / lookups, 0 to 1", units = "ratio")
    double getCacheHitRate();

    @Described(value = "Calls that threw", units = "calls")
    long getErrors();

    @Described(value = "Calls refused by the rate limit", units = "calls")
    long getRateLimitErrors();

    /**
     * Calls on which a step of the agent itself failed, so that the call ran the plain method
     * (see docs/reliability.md); 0 in a healthy agent.
     */
    @Described(value = "Calls on which a step of the agent failed, so the plain method ran; 0 in a healthy agent",
            units = "calls")
    long getInternalFailures();

    @Described(value = "Average time of a call", units = "seconds")
    double getAverageExecutionTime();

    @Described(value = "Median time of a call through the policies (about 6% accurate)", units = "seconds")
    double getP50ExecutionTime();

    @Described(value = "95th percentile of a call through the policies (about 6% accurate)", units = "seconds")
    double getP95ExecutionTime();

    @Described(value = "99th percentile of a call through the policies (about 6% accurate)", units = "seconds")
    double getP99ExecutionTime();

    /** Calls per second over the last minute. */
    @Described(value = "Calls per second over the last minute", units = "calls/second")
    double getThroughput();

    @Described(value = "Time the cache hits saved, at the measured cost of a miss", units = "seconds")
    double getTimeSaved();

    @Described(value = "Time saved / (time spent + time saved)", units = "percent")
    double getOptimizationEffectiveness();

    /** Profile {@code cache_ttl}, in seconds. */
    @Described(value = "Profile cache_ttl: how long a result stays cached", units = "seconds")
    double getCacheTtl();

    void setCacheTtl(double seconds);

    @Described(value = "Profile parallel_threshold: the smallest input that is split across workers",
            units = "elements")
    int getParallelThreshold();

    void setParallelThreshold(int threshold);

    /** Profile {@code max_file_size}: larger results are not cached, in bytes. */
    @Described(value = "Profile max_file_size: larger results are not cached", units = "bytes")
    long getMaxFileSize();

    void setMaxFileSize(long bytes);

    /** Profile {@code batch_size}; 0 when the operation uses {@code BATCH_SIZE}. */
    @Described(value = "Profile batch_size; 0 when the operation uses BATCH_SIZE", units = "calls")
    int getBatchSize();

    void setBatchSize(int size);

    /** Profile {@code timeout} in seconds; 0 for none. */
    @Described(value = "Profile timeout; 0 for none", units = "seconds")
    double getTimeout();

    void setTimeout(double seconds);

    @Described("Profile throttled: whether the operation's calls are rate limited")
    boolean isThrottled();

    void setThrottled(boolean throttled);

    /** Empties the cache entries of this operation. */
    @Described("Empties the cache entries of this operation")
    void clearCache();
}
