package io.autobot.optimizer.management.recommend;

import io.autobot.optimizer.management.report.Counters;
import io.autobot.optimizer.management.system.SystemSample;
import java.util.Map;

/**
 * What the recommendation rules look at: the counters of a period (the whole run, or the last
 * auto-tuning interval), the system averages and the memory tier's state.
 *
 * @param total every operation together
 * @param operations operation name to its counters
 * @param system averages of the recent samples (NaN where not measured)
 * @param memoryUtilization entries over capacity of the memory tier
 * @param evictions entries the memory tier evicted in the period
 */
public record Figures(Counters total, Map<String, Counters> operations, SystemSample system,
        double memoryUtilization, long evictions) {

    /** Fewer cache lookups than this say nothing about the hit rate. */
    public static final long MIN_LOOKUPS = 100;

    /** Whether enough lookups happened for the hit rate to mean something. */
    public boolean hitRateMeasured() {
        return total.lookups() >= MIN_LOOKUPS;
    }

    /** Of the memory figures, the one most above its limit: system memory or heap, in percent. */
    public double memoryPercent() {
        double systemMemory = system.memoryUsagePercent();
        double heap = system.heapUsagePercent();
        if (Double.isNaN(systemMemory)) {
            return heap;
        }
        return Double.isNaN(heap) ? systemMemory : Math.max(systemMemory, heap);
    }

    /** The name of {@link #memoryPercent()}'s figure. */
    public String memoryFigure() {
        double systemMemory = system.memoryUsagePercent();
        double heap = system.heapUsagePercent();
        return Double.isNaN(systemMemory) || (!Double.isNaN(heap) && heap > systemMemory)
                ? "heap usage" : "memory usage";
    }
}
