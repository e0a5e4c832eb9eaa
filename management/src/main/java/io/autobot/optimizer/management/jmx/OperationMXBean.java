package io.autobot.optimizer.management.jmx;

/**
 * {@code io.autobot.optimizer:type=Operation,name=<operation>}: the figures of the methods that
 * report under one operation, and that operation's profile, writable. Times are in seconds;
 * percentiles cover the calls that ran through the policies (cache hits answered at once are not
 * timed) and are accurate to about 6%.
 */
public interface OperationMXBean {

    String getName();

    /** The instrumented methods of the operation, fully qualified. */
    String[] getMethods();

    /** The policies the first method runs through, outermost first. */
    String[] getPolicies();

    long getCalls();

    long getCacheHits();

    long getCacheMisses();

    double getCacheHitRate();

    long getErrors();

    long getRateLimitErrors();

    /**
     * Calls on which a step of the agent itself failed, so that the call ran the plain method
     * (see docs/reliability.md); 0 in a healthy agent.
     */
    long getInternalFailures();

    double getAverageExecutionTime();

    double getP50ExecutionTime();

    double getP95ExecutionTime();

    double getP99ExecutionTime();

    /** Calls per second over the last minute. */
    double getThroughput();

    double getTimeSaved();

    double getOptimizationEffectiveness();

    /** Profile {@code cache_ttl}, in seconds. */
    double getCacheTtl();

    void setCacheTtl(double seconds);

    int getParallelThreshold();

    void setParallelThreshold(int threshold);

    /** Profile {@code max_file_size}: larger results are not cached, in bytes. */
    long getMaxFileSize();

    void setMaxFileSize(long bytes);

    /** Profile {@code batch_size}; 0 when the operation uses {@code BATCH_SIZE}. */
    int getBatchSize();

    void setBatchSize(int size);

    /** Profile {@code timeout} in seconds; 0 for none. */
    double getTimeout();

    void setTimeout(double seconds);

    boolean isThrottled();

    void setThrottled(boolean throttled);

    /** Empties the cache entries of this operation. */
    void clearCache();
}
