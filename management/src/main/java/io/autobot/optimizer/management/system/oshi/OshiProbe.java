package io.autobot.optimizer.management.system.oshi;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import oshi.SystemInfo;
import oshi.hardware.CentralProcessor;
import oshi.hardware.GlobalMemory;
import oshi.software.os.OSProcess;
import oshi.software.os.OperatingSystem;

/**
 * Reads system and process CPU and memory with OSHI. This class runs in its own class loader
 * together with OSHI and JNA (see {@code OshiLoader}); the agent sees it only through the JDK
 * interface {@link Supplier}, so no OSHI or JNA type ever crosses into the agent or the host.
 * The keys of the map it returns are the constants below; a figure OSHI cannot read is absent.
 * Reading a process costs OSHI several files under {@code /proc}, more than the rest of a sample
 * together, so the resident size is refreshed every {@value #PROCESS_EVERY} samples; the process's
 * CPU load comes from the JVM's own CPU time (see {@code SystemSampler}), which is cheaper.
 */
public final class OshiProbe implements Supplier<Map<String, Double>> {

    public static final String SYSTEM_CPU = "system.cpu";
    static final int PROCESS_EVERY = 10;
    public static final String MEMORY_TOTAL = "memory.total";
    public static final String MEMORY_AVAILABLE = "memory.available";
    public static final String PROCESS_RESIDENT = "process.resident";
    public static final String PROCESSORS = "processors";

    private final CentralProcessor processor;
    private final GlobalMemory memory;
    private final OperatingSystem os;
    private final int pid;
    private final int logicalProcessors;
    private long[] ticks;
    private int samples;
    private double resident = Double.NaN;

    public OshiProbe() {
        SystemInfo info = new SystemInfo();
        processor = info.getHardware().getProcessor();
        memory = info.getHardware().getMemory();
        os = info.getOperatingSystem();
        pid = (int) ProcessHandle.current().pid();
        logicalProcessors = Math.max(1, processor.getLogicalProcessorCount());
        ticks = processor.getSystemCpuLoadTicks();
    }

    /** Loads between this sample and the previous one (the first sample compares with construction). */
    @Override
    public synchronized Map<String, Double> get() {
        Map<String, Double> figures = new HashMap<>();
        long[] now = processor.getSystemCpuLoadTicks();
        // OSHI keeps the ticks it read for 300 ms: a sample soon after the previous one sees no tick
        // elapsed and OSHI then says 0.0, on a busy machine as on an idle one. No tick elapsed is no
        // figure (NaN, left out of the averages), never a load of 0.
        double systemLoad = elapsed(ticks, now) ? processor.getSystemCpuLoadBetweenTicks(ticks) : Double.NaN;
        if (elapsed(ticks, now)) {
            ticks = now;
        }
        putIfValid(figures, SYSTEM_CPU, systemLoad);
        if (samples++ % PROCESS_EVERY == 0) {
            OSProcess process = os.getProcess(pid);
            resident = process == null ? Double.NaN : process.getResidentSetSize();
        }
        putIfValid(figures, PROCESS_RESIDENT, resident);
        putIfValid(figures, MEMORY_TOTAL, memory.getTotal());
        putIfValid(figures, MEMORY_AVAILABLE, memory.getAvailable());
        figures.put(PROCESSORS, (double) logicalProcessors);
        return figures;
    }

    private static boolean elapsed(long[] before, long[] after) {
        long total = 0;
        for (int i = 0; i < before.length && i < after.length; i++) {
            total += after[i] - before[i];
        }
        return total > 0;
    }

    private static void putIfValid(Map<String, Double> figures, String key, double value) {
        if (!Double.isNaN(value) && value >= 0) {
            figures.put(key, value);
        }
    }
}
