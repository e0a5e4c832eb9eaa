package io.autobot.optimizer.management.alert;

import io.autobot.optimizer.agent.config.CacheStrategy;
import io.autobot.optimizer.agent.config.Durations;
import io.autobot.optimizer.agent.config.RuntimeSettings;
import io.autobot.optimizer.agent.config.Setting;
import io.autobot.optimizer.management.recommend.Figures;
import io.autobot.optimizer.management.report.Counters;
import io.autobot.optimizer.management.system.SystemSample;
import io.autobot.optimizer.protocol.settings.Catalogue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The performance alerts (docs/management.md), checked every tick over the last minute's figures: average
 * execution time over {@code AUTOBOT_ALERT_EXECUTION_TIME} (10 s), cache hit rate under
 * {@code AUTOBOT_ALERT_HIT_RATE} (0.5, after {@value Figures#MIN_LOOKUPS} lookups and only while the
 * memory cache is at least {@value #FULL} full: a cache with room misses calls it never saw, which
 * no setting changes), memory usage
 * over {@code AUTOBOT_ALERT_MEMORY} (85%, once system sampling runs), the machine's CPU use over
 * {@code AUTOBOT_ALERT_CPU} (off by default: 100%). An alert is sent when its
 * figure crosses the threshold and a "cleared" one when it is back with a margin (10% of the time
 * threshold, 0.05 of hit rate, 5 points of memory), so a figure hovering at the threshold does
 * not flood the listeners.
 */
public final class AlertMonitor {

    private static final Logger LOG = LoggerFactory.getLogger("io.autobot.optimizer");
    private static final Setting<Double> CPU = Setting.of(Catalogue.ALERT_CPU, Double.class);
    /** How full the memory cache must be for a low hit rate to be its size's fault. */
    static final double FULL = 0.9;

    private final RuntimeSettings settings;
    private final Consumer<Alert> sink;
    private final ConcurrentHashMap<String, Alert> active = new ConcurrentHashMap<>();

    public AlertMonitor(RuntimeSettings settings, Consumer<Alert> sink) {
        this.settings = settings;
        this.sink = sink;
    }

    /**
     * Checks the thresholds.
     *
     * @param window the counters of the last minute
     * @param system the recent system averages, or null while sampling is off
     * @param cacheUtilization how full the memory cache is, 0 to 1
     */
    public void check(Counters window, SystemSample system, double cacheUtilization) {
        if (window.calls() > 0) {
            double limit = settings.get(Setting.ALERT_EXECUTION_TIME).toNanos() / 1e9;
            double average = window.averageSeconds();
            update("execution_time", "avg_execution_time", average, limit, average > limit, average < 0.9 * limit,
                    String.format(Locale.ROOT, "High average execution time: %.3f s over the last minute (threshold %s)",
                            average, Durations.format(settings.get(Setting.ALERT_EXECUTION_TIME))));
        } else {
            idle("execution_time", "avg_execution_time", settings.get(Setting.ALERT_EXECUTION_TIME).toNanos() / 1e9);
        }
        if (window.lookups() >= Figures.MIN_LOOKUPS) {
            double limit = settings.get(Setting.ALERT_HIT_RATE);
            double rate = window.hitRate();
            update("cache_hit_rate", "overall_cache_hit_rate", rate, limit, rate < limit && cacheUtilization >= FULL,
                    rate > limit + 0.05, String.format(Locale.ROOT, "Low cache hit rate: %.2f over the last minute"
                            + " (threshold %s) while the memory cache is %.0f%% full - %s", rate,
                            Setting.ALERT_HIT_RATE.format(limit), cacheUtilization * 100, hitRateAdvice()));
        } else {
            idle("cache_hit_rate", "overall_cache_hit_rate", settings.get(Setting.ALERT_HIT_RATE));
        }
        if (system != null && !Double.isNaN(system.memoryUsagePercent())) {
            double limit = settings.get(Setting.ALERT_MEMORY);
            double memory = system.memoryUsagePercent();
            update("memory", "avg_memory_usage", memory, limit, memory > limit, memory < limit - 5,
                    String.format(Locale.ROOT, "High memory usage: %.1f%% (threshold %s%%) - consider the disk cache"
                            + " strategy", memory, Setting.ALERT_MEMORY.format(limit)));
        }
        if (system != null && !Double.isNaN(system.systemCpu())) {
            double limit = settings.get(CPU);
            double cpu = system.systemCpu() * 100;
            update("cpu", "avg_cpu_usage", cpu, limit, cpu > limit, cpu < limit - 5,
                    String.format(Locale.ROOT, "High CPU usage: %.1f%% (threshold %s%%) - consider fewer workers"
                            + " (OPTIMIZATION_MAX_WORKERS) or a lower level", cpu, CPU.format(limit)));
        }
    }

    /** What would help, as the settings stand: a larger cache, and disk behind memory when there is none. */
    private String hitRateAdvice() {
        String larger = "consider a larger cache (CacheSize, now " + settings.cacheSize() + ")";
        return settings.cacheStrategy() == CacheStrategy.MEMORY
                ? larger + " or the hybrid strategy (CacheStrategy=hybrid), which keeps what memory evicts on disk"
                : larger;
    }

    private void update(String name, String figure, double value, double threshold, boolean breached, boolean clear,
            String message) {
        if (breached && !active.containsKey(name)) {
            Alert alert = new Alert(name, true, figure, value, threshold, message);
            active.put(name, alert);
            LOG.warn("ALERT: {}", message);
            sink.accept(alert);
        } else if (clear && active.remove(name) != null) {
            Alert cleared = new Alert(name, false, figure, value, threshold,
                    String.format(Locale.ROOT, "Cleared: %s is back to %.3f (threshold %s)", figure, value,
                            String.format(Locale.ROOT, "%.3f", threshold)));
            LOG.info("{}", cleared.message());
            sink.accept(cleared);
        }
    }

    /**
     * A figure of the calls has no value over the last minute (the host is idle, or made too few
     * lookups): what was wrong with it is no longer so, and an alert of it is cleared.
     */
    private void idle(String name, String figure, double threshold) {
        if (active.remove(name) != null) {
            Alert cleared = new Alert(name, false, figure, Double.NaN, threshold,
                    String.format(Locale.ROOT, "Cleared: %s has no value over the last minute (too few calls)", figure));
            LOG.info("{}", cleared.message());
            sink.accept(cleared);
        }
    }

    /** The alerts raised and not cleared, as messages. */
    public List<String> active() {
        List<String> messages = new ArrayList<>();
        active.values().forEach(alert -> messages.add(alert.message()));
        return messages;
    }
}
