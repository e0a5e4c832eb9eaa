package io.autobot.optimizer.agent.host;

import java.time.Duration;
import java.util.Optional;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * This process's CPU load since the previous reading, as a share of all {@code cores}: the CPU
 * time the operating system counts for the process ({@link ProcessHandle.Info#totalCpuDuration},
 * on Linux from {@code /proc/self/stat}) over the wall time between two readings. It is what
 * {@code OperatingSystemMXBean.getProcessCpuLoad} reports, without the JDK's platform MXBean
 * machinery, whose first use costs tens of milliseconds of a core (the agent's threads read the
 * load while the host starts). Negative when the platform gives no CPU time, and at the first
 * reading, which starts the interval. One instance per thread.
 */
final class ProcessCpuLoad implements DoubleSupplier {

    private final Supplier<Optional<Duration>> cpuTime;
    private final LongSupplier clock;
    private final int cores;
    private long lastCpuNanos = -1;
    private long lastWallNanos;

    ProcessCpuLoad(Supplier<Optional<Duration>> cpuTime, LongSupplier clock, int cores) {
        this.cpuTime = cpuTime;
        this.clock = clock;
        this.cores = cores;
    }

    static ProcessCpuLoad ofThisProcess(int cores) {
        // read at each call, where a failure (a security manager's refusal, say) is an unknown load
        return new ProcessCpuLoad(() -> ProcessHandle.current().info().totalCpuDuration(), System::nanoTime, cores);
    }

    @Override
    public double getAsDouble() {
        long wallNanos = clock.getAsLong();
        long cpuNanos = cpuNanos();
        long previousCpu = lastCpuNanos;
        long previousWall = lastWallNanos;
        lastCpuNanos = cpuNanos;
        lastWallNanos = wallNanos;
        if (cpuNanos < 0 || previousCpu < 0 || wallNanos - previousWall <= 0) {
            return -1;
        }
        double load = (cpuNanos - previousCpu) / ((double) (wallNanos - previousWall) * cores);
        return Math.min(1, Math.max(0, load));
    }

    /** The process's CPU time, or -1 when the platform gives none or fails to (the load is then unknown). */
    private long cpuNanos() {
        try {
            return cpuTime.get().map(Duration::toNanos).orElse(-1L);
        } catch (RuntimeException unavailable) {
            return -1;
        }
    }
}
