package io.autobot.optimizer.it.hosts;

import java.util.Map;

/** The names of the agent's io.autobot.optimizer:type=Optimizer MXBean, for {@link TestOptimizerBean}. */
public interface TestOptimizerMXBean {
    String getOptimizationLevel();

    void setOptimizationLevel(String value);

    String getCacheStrategy();

    void setCacheStrategy(String value);

    int getMaxWorkers();

    void setMaxWorkers(int value);

    boolean isParallelEnabled();

    void setParallelEnabled(boolean value);

    int getCacheSize();

    void setCacheSize(int value);

    boolean isRequestThrottling();

    void setRequestThrottling(boolean value);

    double getMaxRequestsPerSecond();

    void setMaxRequestsPerSecond(double value);

    boolean isBatchProcessing();

    void setBatchProcessing(boolean value);

    int getBatchSize();

    void setBatchSize(int value);

    double getMaxBatchWaitTime();

    void setMaxBatchWaitTime(double value);

    Map<String, Long> getPerformanceReport();

    Map<String, Long> getCacheStatistics();

    String[] getRecommendations();

    void clearCache();

    void applyScenario(String scenario);

    String exportPerformanceData(String file);
}
