package io.autobot.optimizer.agent.cache.disk;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;

/**
 * Whether the host JVM is using the CPU it has, from the JDK's own measure of this process's
 * CPU load since the previous reading. The disk tier's thread asks it before its work (loading
 * MapDB, encoding results, writing them), which is never urgent: done while the host leaves
 * less than a core free, it would slow the host down by as much.
 */
final class HostCpu {

    private final com.sun.management.OperatingSystemMXBean os;
    private final int cores;

    private HostCpu(com.sun.management.OperatingSystemMXBean os, int cores) {
        this.os = os;
        this.cores = cores;
        if (os != null) {
            os.getProcessCpuLoad(); // the first reading starts the interval the next one measures
        }
    }

    /** This JVM's measure; never busy where the JDK has none. */
    static HostCpu ofThisJvm() {
        OperatingSystemMXBean os;
        try {
            os = ManagementFactory.getOperatingSystemMXBean();
        } catch (RuntimeException | LinkageError e) {
            os = null;
        }
        return new HostCpu(os instanceof com.sun.management.OperatingSystemMXBean jdk ? jdk : null,
                Runtime.getRuntime().availableProcessors());
    }

    /**
     * Whether the JVM used more than all cores but one since the last reading (more than half of
     * a single core).
     */
    boolean busy() {
        double load;
        try {
            load = os == null ? -1 : os.getProcessCpuLoad();
        } catch (RuntimeException e) {
            return false;
        }
        return busy(load, cores);
    }

    /** {@code load} is the share of all {@code cores} the JVM used, or negative when unknown. */
    static boolean busy(double load, int cores) {
        return load >= 0 && load * cores > Math.max(cores - 1, cores / 2.0);
    }
}
