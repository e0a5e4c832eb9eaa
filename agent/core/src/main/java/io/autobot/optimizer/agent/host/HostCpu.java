package io.autobot.optimizer.agent.host;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleSupplier;

/**
 * Whether the host JVM is using the CPU it has, from this process's CPU load since the previous
 * reading ({@link ProcessCpuLoad}). The agent's threads ask it before work that is never
 * urgent (the disk tier's loading MapDB, encoding and writing results; the management plane's
 * start): done while the host leaves less than a core free, it would slow the host down by as
 * much. One instance per thread: each reading measures the time since that thread's last one.
 */
public final class HostCpu {

    /** How long one reading measures while a thread waits for a quiet moment. */
    static final long POLL_MILLIS = 50;

    /** The share of all cores the JVM used since the last call, or negative when unknown. */
    private final DoubleSupplier load;
    private final int cores;
    /** When ({@link System#nanoTime}) the load was last read: a reading covers the time since. */
    private long lastReading = System.nanoTime() - TimeUnit.SECONDS.toNanos(1);

    HostCpu(DoubleSupplier load, int cores) {
        this.load = load;
        this.cores = cores;
        load.getAsDouble(); // the first reading starts the interval the next one measures
    }

    /** This JVM's measure; never busy where the platform gives no CPU time for the process. */
    public static HostCpu ofThisJvm() {
        int cores = Runtime.getRuntime().availableProcessors();
        return new HostCpu(ProcessCpuLoad.ofThisProcess(cores), cores);
    }

    /**
     * Whether the JVM used more than all cores but one since the last reading (more than half of
     * a single core).
     */
    public boolean busy() {
        double used;
        try {
            used = load.getAsDouble();
        } catch (RuntimeException e) {
            return false;
        } finally {
            lastReading = System.nanoTime();
        }
        return busy(used, cores);
    }

    /**
     * Waits while the host is busy, reading its load every {@link #POLL_MILLIS} (a reading older
     * than two of those is renewed first: it would measure a past stretch).
     *
     * @param maxNanos the longest wait
     * @param giveUp asked before each reading; true ends the wait
     * @return true when the host left a core free; false when the wait ran out, was given up or
     *     was interrupted. The interrupt is not kept: the callers are the agent's own threads, and
     *     a file channel used on an interrupted thread (the disk tier's) closes.
     */
    public boolean awaitQuiet(long maxNanos, BooleanSupplier giveUp) {
        long deadline = System.nanoTime() + maxNanos;
        if (System.nanoTime() - lastReading > TimeUnit.MILLISECONDS.toNanos(2 * POLL_MILLIS)) {
            busy();
            if (!pause()) {
                return false;
            }
        }
        while (!giveUp.getAsBoolean()) {
            if (!busy()) {
                return true;
            }
            if (System.nanoTime() - deadline >= 0 || !pause()) {
                return false;
            }
        }
        return false;
    }

    private static boolean pause() {
        try {
            Thread.sleep(POLL_MILLIS);
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }

    /** {@code load} is the share of all {@code cores} the JVM used, or negative when unknown. */
    public static boolean busy(double load, int cores) {
        return load >= 0 && load * cores > Math.max(cores - 1, cores / 2.0);
    }
}
