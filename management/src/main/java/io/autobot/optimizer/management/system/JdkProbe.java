package io.autobot.optimizer.management.system;

import io.autobot.optimizer.management.system.oshi.OshiProbe;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The fallback when OSHI cannot run: the JDK's own {@code com.sun.management} figures. Memory
 * "available" is the OS's free memory here (it leaves out reclaimable caches, so usage reads
 * higher than OSHI's), and the process's resident size is unknown. The process's CPU load is
 * measured by {@code SystemSampler} for every probe.
 */
final class JdkProbe implements Supplier<Map<String, Double>> {

    private final OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();

    JdkProbe() {
        // the JDK's first reading of the system load compares with nothing and reads 0: take it now,
        // so that the first sample is a load over the time since
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            sun.getCpuLoad();
        }
    }

    // The OshiProbe constants are compile-time constants: using them loads no OSHI class.
    @Override
    public Map<String, Double> get() {
        Map<String, Double> figures = new HashMap<>();
        figures.put(OshiProbe.PROCESSORS, (double) os.getAvailableProcessors());
        if (os instanceof com.sun.management.OperatingSystemMXBean) {
            com.sun.management.OperatingSystemMXBean sun = (com.sun.management.OperatingSystemMXBean) os;
            putIfValid(figures, OshiProbe.SYSTEM_CPU, sun.getCpuLoad());
            putIfValid(figures, OshiProbe.MEMORY_TOTAL, sun.getTotalMemorySize());
            putIfValid(figures, OshiProbe.MEMORY_AVAILABLE, sun.getFreeMemorySize());
        }
        return figures;
    }

    private static void putIfValid(Map<String, Double> figures, String key, double value) {
        if (!Double.isNaN(value) && value >= 0) {
            figures.put(key, value);
        }
    }
}
