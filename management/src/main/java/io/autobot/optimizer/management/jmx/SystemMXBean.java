package io.autobot.optimizer.management.jmx;

/**
 * {@code io.autobot.optimizer:type=System}: the host as OSHI (or, failing it, the JDK) reads it.
 * The first read starts sampling; loads are percentages of the whole machine, sizes whole bytes,
 * and a figure that cannot be read on this platform is NaN (a size: -1).
 */
@Described("The host as OSHI (or, failing it, the JDK) reads it; sampling starts on the first read")
public interface SystemMXBean {

    /** {@code oshi}, {@code jdk}, or why there are no figures. */
    @Described("Where the figures come from: oshi, jdk, or why there are none")
    String getSource();

    @Described(value = "The machine's CPU load, last sample", units = "percent")
    double getSystemCpuLoad();

    @Described(value = "This JVM's CPU load, last sample", units = "percent")
    double getProcessCpuLoad();

    @Described(value = "The machine's memory; -1 when it cannot be read", units = "bytes")
    long getMemoryTotal();

    @Described(value = "The machine's available memory", units = "bytes")
    long getMemoryAvailable();

    @Described(value = "The machine's memory in use", units = "percent")
    double getMemoryUsage();

    @Described(value = "This JVM's resident memory", units = "bytes")
    long getProcessResidentMemory();

    @Described(value = "Heap in use", units = "bytes")
    long getHeapUsed();

    @Described(value = "The largest heap", units = "bytes")
    long getHeapMax();

    @Described(value = "Heap in use / the largest heap", units = "percent")
    double getHeapUsage();

    @Described(value = "Processors available to this JVM", units = "processors")
    int getAvailableProcessors();

    /** System CPU load averaged over the recent samples (the last minute at one sample a second). */
    @Described(value = "The machine's CPU load averaged over the recent samples (the last minute at one a second)",
            units = "percent")
    double getAverageSystemCpuLoad();

    @Described(value = "The machine's memory in use averaged over the recent samples", units = "percent")
    double getAverageMemoryUsage();

    @Described(value = "Samples taken", units = "samples")
    long getSampleCount();

    /** How long loading OSHI (or the fallback) took when sampling started, in milliseconds. */
    @Described(value = "How long loading OSHI (or the fallback) took when sampling started", units = "milliseconds")
    double getProbeStartTime();

    /** What one sample cost on average (the first, warming up, left out), in microseconds. */
    @Described(value = "What one sample cost on average (the first left out)", units = "microseconds")
    double getAverageSampleCost();

    @Described(value = "What the last sample cost", units = "microseconds")
    double getLastSampleCost();

    /** CPU time used by the agent's management thread so far, in seconds. */
    @Described(value = "CPU time used by the agent's management thread so far", units = "seconds")
    double getManagementCpuTime();
}
