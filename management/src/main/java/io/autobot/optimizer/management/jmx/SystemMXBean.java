package io.autobot.optimizer.management.jmx;

/**
 * {@code io.autobot.optimizer:type=System}: the host as OSHI (or, failing it, the JDK) reads it.
 * The first read starts sampling; loads are percentages of the whole machine, sizes bytes, and a
 * figure that cannot be read on this platform is NaN.
 */
public interface SystemMXBean {

    /** {@code oshi}, {@code jdk}, or why there are no figures. */
    String getSource();

    double getSystemCpuLoad();

    double getProcessCpuLoad();

    double getMemoryTotal();

    double getMemoryAvailable();

    double getMemoryUsage();

    double getProcessResidentMemory();

    double getHeapUsed();

    double getHeapMax();

    double getHeapUsage();

    int getAvailableProcessors();

    /** System CPU load averaged over the recent samples (the last minute at one sample a second). */
    double getAverageSystemCpuLoad();

    double getAverageMemoryUsage();

    long getSampleCount();

    /** How long loading OSHI (or the fallback) took when sampling started, in milliseconds. */
    double getProbeStartTime();

    /** What one sample cost on average (the first, warming up, left out), in microseconds. */
    double getAverageSampleCost();

    double getLastSampleCost();

    /** CPU time used by the agent's management thread so far, in seconds. */
    double getManagementCpuTime();
}
