package io.autobot.optimizer.management.system;

import io.autobot.optimizer.management.system.oshi.OshiProbe;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Samples the host's CPU and memory on the management thread, at most once a second. Nothing is
 * loaded or run until the first {@link #ensureStarted()} (a read of {@code type=System}, of the
 * report, or an alert listener): OSHI is loaded then, in its own class loader, and when it cannot
 * run the JDK's figures are used; what neither can read stays NaN and nothing fails.
 */
public final class SystemSampler implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger("io.autobot.optimizer");
    /** How many recent samples the averages cover. */
    static final int WINDOW = 60;
    private static final long MIN_INTERVAL_MILLIS = 1000;
    /** The first sample's window: the CPU figures of a sample are loads since the one before. */
    private static final long FIRST_SAMPLE_DELAY_MILLIS = 350; // past OSHI's 300 ms memo of the CPU ticks

    /** Makes the probe: OSHI first, the JDK when OSHI cannot run. */
    public interface ProbeFactory {
        Probe open();
    }

    /** A probe with what it is, for the {@code Source} attribute, and what to release at the end. */
    public record Probe(Supplier<Map<String, Double>> figures, String source, AutoCloseable resources) {
    }

    private final ScheduledExecutorService scheduler;
    private final Supplier<Duration> interval;
    private final ProbeFactory factory;
    private final AtomicBoolean started = new AtomicBoolean();
    private final CountDownLatch firstSample = new CountDownLatch(1);
    private volatile Thread samplingThread;
    private final Deque<SystemSample> recent = new ArrayDeque<>();
    private volatile Probe probe;
    private volatile String status = "not started: sampling starts on the first read";
    private volatile SystemSample latest;
    private volatile long samples;
    private volatile long sampleNanos;
    private volatile long lastSampleNanos;
    private volatile long openNanos;
    private volatile boolean closed;
    private long lastProcessCpuNanos = -1;
    private long lastWallNanos;

    /**
     * @param scheduler the management thread
     * @param interval the time between samples, read before each one (never under a second)
     * @param factory opens the probe
     */
    public SystemSampler(ScheduledExecutorService scheduler, Supplier<Duration> interval, ProbeFactory factory) {
        this.scheduler = scheduler;
        this.interval = interval;
        this.factory = factory;
    }

    /** The production probe: OSHI from the jars nested in the agent jar, else the JDK's figures. */
    public static ProbeFactory defaultFactory() {
        return () -> {
            try {
                OshiLoader oshi = OshiLoader.fromAgentJar();
                return new Probe(oshi.probe(), "oshi", oshi);
            } catch (Exception | LinkageError e) {
                LOG.info("OSHI cannot read this platform ({}); system figures come from the JDK", e.toString());
                LOG.debug("OSHI failure", e);
                return new Probe(new JdkProbe(), "jdk", () -> { });
            }
        };
    }

    /** Starts sampling unless it runs already; returns at once. */
    public void ensureStarted() {
        if (!closed && started.compareAndSet(false, true)) {
            status = "starting";
            scheduler.execute(this::open);
        }
    }

    public boolean started() {
        return started.get();
    }

    /**
     * Starts sampling unless it runs already, and waits at most {@code max} for the first sample,
     * so that a first read of the report shows the system's figures rather than NaN. Never waits on
     * the sampling thread itself.
     */
    public void awaitFirstSample(Duration max) {
        ensureStarted();
        if (Thread.currentThread() == samplingThread) {
            return;
        }
        try {
            firstSample.await(max.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void open() {
        samplingThread = Thread.currentThread();
        try {
            long start = System.nanoTime();
            probe = factory.open();
            openNanos = System.nanoTime() - start;
            status = probe.source();
            processCpu(1); // the baseline of the first sample's process CPU
            scheduler.schedule(this::sample, FIRST_SAMPLE_DELAY_MILLIS, TimeUnit.MILLISECONDS);
        } catch (RuntimeException | LinkageError e) {
            status = "unavailable: " + e;
            LOG.info("system figures are unavailable ({}); everything else works", e.toString());
            firstSample.countDown();
        }
    }

    private void sample() {
        if (closed) {
            return;
        }
        long start = System.nanoTime();
        SystemSample sample;
        try {
            sample = read();
        } catch (RuntimeException | LinkageError e) {
            sample = unavailable();
            if (!status.startsWith("unavailable")) {
                status = "unavailable: " + e;
                LOG.info("system sampling failed ({}); the figures read NaN", e.toString());
            }
        }
        long cost = System.nanoTime() - start;
        synchronized (recent) {
            recent.addLast(sample);
            while (recent.size() > WINDOW) {
                recent.removeFirst();
            }
            latest = sample;
            if (samples++ > 0) { // the first sample warms OSHI up: it is not what sampling costs
                sampleNanos += cost;
            }
            lastSampleNanos = cost;
        }
        firstSample.countDown();
        long next = Math.max(MIN_INTERVAL_MILLIS, interval.get().toMillis());
        if (!closed) {
            scheduler.schedule(this::sample, next, TimeUnit.MILLISECONDS);
        }
    }

    private SystemSample read() {
        Map<String, Double> figures = probe.figures().get();
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return new SystemSample(System.currentTimeMillis(), figure(figures, OshiProbe.SYSTEM_CPU),
                processCpu((int) figure(figures, OshiProbe.PROCESSORS)), figure(figures, OshiProbe.MEMORY_TOTAL),
                figure(figures, OshiProbe.MEMORY_AVAILABLE), figure(figures, OshiProbe.PROCESS_RESIDENT),
                heap.getUsed(), heap.getMax() < 0 ? Double.NaN : heap.getMax(),
                (int) figure(figures, OshiProbe.PROCESSORS));
    }

    /**
     * This JVM's CPU load since the previous sample, as a share of the machine, from the JVM's own
     * CPU time: one system call, where reading the process through OSHI costs several files.
     */
    private double processCpu(int processors) {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (!(os instanceof com.sun.management.OperatingSystemMXBean) || processors <= 0) {
            return Double.NaN;
        }
        long cpu = ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime();
        long wall = System.nanoTime();
        long previousCpu = lastProcessCpuNanos;
        long previousWall = lastWallNanos;
        lastProcessCpuNanos = cpu;
        lastWallNanos = wall;
        if (cpu < 0 || previousCpu < 0 || wall <= previousWall) {
            return Double.NaN;
        }
        return Math.min(1.0, (cpu - previousCpu) / (double) (wall - previousWall) / processors);
    }

    private static double figure(Map<String, Double> figures, String key) {
        Double value = figures.get(key);
        return value == null ? Double.NaN : value;
    }

    private static SystemSample unavailable() {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return new SystemSample(System.currentTimeMillis(), Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, heap.getUsed(), heap.getMax() < 0 ? Double.NaN : heap.getMax(),
                Runtime.getRuntime().availableProcessors());
    }

    /** The last sample; before the first one, NaN for everything OSHI would read. */
    public SystemSample latest() {
        SystemSample sample = latest;
        return sample == null ? unavailable() : sample;
    }

    /** The averages of the recent samples (the last {@value #WINDOW}); NaN where nothing was read. */
    public SystemSample average() {
        SystemSample[] window;
        synchronized (recent) {
            window = recent.toArray(new SystemSample[0]);
        }
        if (window.length == 0) {
            return latest();
        }
        double[] sums = new double[7];
        int[] counts = new int[7];
        for (SystemSample s : window) {
            double[] values = {s.systemCpu(), s.processCpu(), s.memoryTotal(), s.memoryAvailable(),
                s.processResident(), s.heapUsed(), s.heapMax()};
            for (int i = 0; i < values.length; i++) {
                if (!Double.isNaN(values[i])) {
                    sums[i] += values[i];
                    counts[i]++;
                }
            }
        }
        double[] avg = new double[7];
        for (int i = 0; i < avg.length; i++) {
            avg[i] = counts[i] == 0 ? Double.NaN : sums[i] / counts[i];
        }
        SystemSample last = window[window.length - 1];
        return new SystemSample(last.timeMillis(), avg[0], avg[1], avg[2], avg[3], avg[4], avg[5], avg[6],
                last.processors());
    }

    /** Where the figures come from: oshi, jdk, or why there are none. */
    public String status() {
        return status;
    }

    public long sampleCount() {
        return samples;
    }

    /** The average time one sample took, in microseconds, the first one left out; 0 before the second. */
    public double averageSampleMicros() {
        long count = samples - 1;
        return count <= 0 ? 0 : sampleNanos / 1000.0 / count;
    }

    /** How long loading the probe took (OSHI and JNA, or the JDK fallback), in milliseconds. */
    public double probeStartMillis() {
        return openNanos / 1e6;
    }

    public double lastSampleMicros() {
        return lastSampleNanos / 1000.0;
    }

    @Override
    public void close() {
        closed = true;
        firstSample.countDown();
        Probe current = probe;
        if (current != null) {
            try {
                current.resources().close();
            } catch (Exception ignored) {
                // releasing temporary jars; nothing to recover
            }
        }
    }
}
