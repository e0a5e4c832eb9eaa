package io.autobot.optimizer.management.jmx;

import io.autobot.optimizer.management.system.SystemSample;
import io.autobot.optimizer.management.system.SystemSampler;
import java.util.function.LongSupplier;
import javax.management.ObjectName;

/** The {@code type=System} bean; its first read starts the sampler. */
public final class SystemBean implements SystemMXBean {

    public static final String NAME = "io.autobot.optimizer:type=System";

    private final SystemSampler sampler;
    private final LongSupplier managementCpuNanos;

    public SystemBean(SystemSampler sampler, LongSupplier managementCpuNanos) {
        this.sampler = sampler;
        this.managementCpuNanos = managementCpuNanos;
    }

    public ObjectName objectName() {
        return Beans.name(NAME);
    }

    private SystemSample latest() {
        sampler.ensureStarted();
        return sampler.latest();
    }

    private SystemSample average() {
        sampler.ensureStarted();
        return sampler.average();
    }

    @Override
    public String getSource() {
        sampler.ensureStarted();
        return sampler.status();
    }

    @Override
    public double getSystemCpuLoad() {
        return latest().systemCpu() * 100;
    }

    @Override
    public double getProcessCpuLoad() {
        return latest().processCpu() * 100;
    }

    @Override
    public long getMemoryTotal() {
        return bytes(latest().memoryTotal());
    }

    @Override
    public long getMemoryAvailable() {
        return bytes(latest().memoryAvailable());
    }

    @Override
    public double getMemoryUsage() {
        return latest().memoryUsagePercent();
    }

    @Override
    public long getProcessResidentMemory() {
        return bytes(latest().processResident());
    }

    @Override
    public long getHeapUsed() {
        return bytes(latest().heapUsed());
    }

    @Override
    public long getHeapMax() {
        return bytes(latest().heapMax());
    }

    @Override
    public double getHeapUsage() {
        return latest().heapUsagePercent();
    }

    @Override
    public int getAvailableProcessors() {
        return latest().processors();
    }

    @Override
    public double getAverageSystemCpuLoad() {
        return average().systemCpu() * 100;
    }

    @Override
    public double getAverageMemoryUsage() {
        return average().memoryUsagePercent();
    }

    @Override
    public long getSampleCount() {
        return sampler.sampleCount();
    }

    @Override
    public double getProbeStartTime() {
        return sampler.probeStartMillis();
    }

    @Override
    public double getAverageSampleCost() {
        return sampler.averageSampleMicros();
    }

    @Override
    public double getLastSampleCost() {
        return sampler.lastSampleMicros();
    }

    @Override
    public double getManagementCpuTime() {
        long nanos = managementCpuNanos.getAsLong();
        return nanos < 0 ? Double.NaN : nanos / 1e9;
    }

    /** A size in whole bytes; -1 when it could not be read (the sample holds NaN). */
    private static long bytes(double value) {
        return Double.isNaN(value) || value < 0 ? -1 : Math.round(value);
    }
}
