package io.autobot.optimizer.management.recommend;

import io.autobot.optimizer.agent.config.CacheStrategy;
import io.autobot.optimizer.agent.config.Durations;
import io.autobot.optimizer.agent.config.Level;
import io.autobot.optimizer.agent.config.RuntimeSettings;
import io.autobot.optimizer.agent.config.Setting;
import io.autobot.optimizer.management.report.Counters;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Troubleshooting rules over measured figures (docs/management.md). Each rule names the figure
 * that triggered it and, where the fix is a setting, carries the change:
 * <ul>
 * <li>cache misses: hit rate under the {@code AUTOBOT_ALERT_HIT_RATE} threshold → a larger cache
 *     when it is full, the hybrid strategy when it is memory-only, else check the cache keys;</li>
 * <li>high memory: system memory or heap over {@code AUTOBOT_ALERT_MEMORY} → a smaller cache, or
 *     the disk strategy;</li>
 * <li>slow operations: an operation's average over {@code AUTOBOT_ALERT_EXECUTION_TIME} → with
 *     the CPU under 50% (or not measured yet), a higher level, parallel processing, more workers;
 *     with a busy CPU, the memory strategy;</li>
 * <li>rate-limit errors → throttling, a lower rate, a longer batch wait;</li>
 * <li>splits that do not pay (a {@code @Parallel} method the splitter measured to be slower split
 *     than whole), or a saturated CPU with more workers than cores → reduce the worker count
 *     ({@link #workers}).</li>
 * </ul>
 */
public final class Advisor {

    /** At or above this system CPU load (percent) the CPU counts as saturated. */
    static final double SATURATED_CPU_PERCENT = 90;
    /** Below this system CPU load (percent) the CPU counts as idle. */
    static final double IDLE_CPU_PERCENT = 50;
    private static final int MIN_CACHE_SIZE = 100;
    private static final Duration MAX_BATCH_WAIT = Duration.ofSeconds(30);

    private final RuntimeSettings settings;

    public Advisor(RuntimeSettings settings) {
        this.settings = settings;
    }

    /** Every recommendation the figures call for, most useful first within each rule. */
    public List<Recommendation> advise(Figures figures) {
        List<Recommendation> advice = new ArrayList<>();
        memory(figures, advice);
        cache(figures, advice);
        slow(figures, advice);
        rateLimits(figures, advice);
        return advice;
    }

    /**
     * One recommendation per method whose calls ran uncached because an argument has no value
     * semantics, naming the class (never a value), and one per method that verification stopped caching.
     */
    public static List<String> valueSemantics(java.util.Collection<io.autobot.optimizer.agent.call.MethodMeta> methods) {
        List<String> advice = new ArrayList<>();
        for (io.autobot.optimizer.agent.call.MethodMeta method : methods) {
            io.autobot.optimizer.agent.call.OperationStats stats = method.stats();
            String reason = stats.notCacheableReason();
            if (stats.notCacheable() > 0 && reason != null && reason.startsWith("argument of class ")) {
                String type = reason.substring("argument of class ".length());
                String simple = type.substring(Math.max(type.lastIndexOf('.'), type.lastIndexOf('$')) + 1);
                String remedy = type.startsWith("java.") || type.startsWith("javax.") || type.startsWith("jdk.")
                        ? "pass a value in its place (its content as a String, a List, a record)"
                        : "give " + simple + " value equality (e.g. make it a record, or implement equals and hashCode)";
                advice.add(String.format(Locale.ROOT, "%s: %d calls were not cacheable: %s has no value equality;"
                        + " %s, or key by identity with @Cached(identityKeys = true)", method.qualifiedName(),
                        stats.notCacheable(), type, remedy));
            }
            if (stats.mismatches() > 0) {
                advice.add(String.format(Locale.ROOT, "%s: verification found %d results that differ from the cached"
                        + " ones; it is no longer cached. Remove its caching: it is not a function of its arguments"
                        + " (a clock, a counter, mutable state)", method.qualifiedName(), stats.mismatches()));
            }
        }
        return advice;
    }

    /**
     * "Reduce the worker count": when the splitter measured that splitting does not pay for some
     * methods (their verdict in the method's ledger), or the CPU is saturated while there are more
     * workers than cores. Halves {@code OPTIMIZATION_MAX_WORKERS}, not below the cores (or 1).
     *
     * @param systemCpu the system CPU load, 0 to 1, or NaN when not measured
     */
    public List<Recommendation> workers(java.util.Collection<io.autobot.optimizer.agent.call.MethodMeta> methods,
            double systemCpu) {
        int workers = settings.maxWorkers();
        int cores = Runtime.getRuntime().availableProcessors();
        List<String> notPaying = new ArrayList<>();
        for (io.autobot.optimizer.agent.call.MethodMeta method : methods) {
            String verdict = method.stats().policies().verdicts().get("parallel");
            if (verdict != null && verdict.startsWith("not split")) {
                notPaying.add(method.displayName() + " (" + verdict.substring(verdict.indexOf(':') + 2) + ")");
            }
        }
        double cpu = systemCpu * 100;
        String because = !notPaying.isEmpty() ? "splitting does not pay for " + String.join(", ", notPaying)
                : cpu >= SATURATED_CPU_PERCENT && workers > cores
                        ? String.format(Locale.ROOT, "the CPU is %.0f%% busy with %d workers on %d cores", cpu, workers,
                                cores)
                        : null;
        int fewer = Math.max(1, notPaying.isEmpty() ? Math.max(cores, workers / 2) : workers / 2);
        if (because == null || fewer >= workers) {
            return List.of();
        }
        return List.of(new Recommendation("workers", "Reduce OPTIMIZATION_MAX_WORKERS from " + workers + " to " + fewer
                + ": " + because, workers, false, Setting.MAX_WORKERS, String.valueOf(fewer)));
    }

    private boolean memoryHigh(Figures figures) {
        double memory = figures.memoryPercent();
        return !Double.isNaN(memory) && memory > settings.get(Setting.ALERT_MEMORY);
    }

    private void memory(Figures figures, List<Recommendation> advice) {
        if (!memoryHigh(figures)) {
            return;
        }
        double memory = figures.memoryPercent();
        String because = String.format(Locale.ROOT, "%s is %.1f%% (above %s%%)", figures.memoryFigure(), memory,
                Setting.ALERT_MEMORY.format(settings.get(Setting.ALERT_MEMORY)));
        int size = settings.cacheSize();
        if (size > MIN_CACHE_SIZE && figures.memoryUtilization() >= 0.5) {
            int smaller = Math.max(MIN_CACHE_SIZE, size / 2);
            advice.add(new Recommendation("memory", "Reduce CACHE_SIZE from " + size + " to " + smaller + ": " + because
                    + " and the memory cache is " + percent(figures.memoryUtilization()) + " full", memory, false,
                    Setting.CACHE_SIZE, String.valueOf(smaller)));
        }
        if (settings.cacheStrategy() != CacheStrategy.DISK) {
            advice.add(new Recommendation("memory", "Use the disk cache strategy (CACHE_STRATEGY=disk) to keep results"
                    + " out of the heap: " + because, memory, false, null, null));
        }
    }

    private void cache(Figures figures, List<Recommendation> advice) {
        double threshold = settings.get(Setting.ALERT_HIT_RATE);
        Counters total = figures.total();
        if (!figures.hitRateMeasured() || total.hitRate() >= threshold) {
            return;
        }
        String because = String.format(Locale.ROOT, "the cache hit rate is %.2f (below %s, over %d lookups)",
                total.hitRate(), Setting.ALERT_HIT_RATE.format(threshold), total.lookups());
        boolean full = figures.memoryUtilization() >= 0.9 || figures.evictions() > 0;
        int size = settings.cacheSize();
        boolean suggested = false;
        if (full && !memoryHigh(figures) && size < 100_000_000) {
            int larger = (int) Math.min(100_000_000L, size * 2L);
            advice.add(new Recommendation("cache", "Increase CACHE_SIZE from " + size + " to " + larger + ": " + because
                    + " and the memory cache is full (utilization " + percent(figures.memoryUtilization()) + ", "
                    + figures.evictions() + " evictions)", total.hitRate(), true, Setting.CACHE_SIZE,
                    String.valueOf(larger)));
            suggested = true;
        }
        if (settings.cacheStrategy() == CacheStrategy.MEMORY) {
            advice.add(new Recommendation("cache", "Use the hybrid cache strategy (CACHE_STRATEGY=hybrid) so that results"
                    + " evicted from memory are still found on disk: " + because, total.hitRate(), true,
                    Setting.CACHE_STRATEGY, CacheStrategy.HYBRID.id()));
            suggested = true;
        }
        if (!suggested) {
            String worst = worstHitRate(figures);
            advice.add(new Recommendation("cache", "Check the cache keys" + (worst == null ? "" : " of " + worst)
                    + ": " + because + " while the cache is not full (utilization "
                    + percent(figures.memoryUtilization()) + "), so the arguments rarely repeat", total.hitRate(), true,
                    null, null));
        }
    }

    private static String worstHitRate(Figures figures) {
        String worst = null;
        double lowest = 2;
        for (Map.Entry<String, Counters> entry : figures.operations().entrySet()) {
            Counters counters = entry.getValue();
            if (counters.lookups() >= Figures.MIN_LOOKUPS && counters.hitRate() < lowest) {
                lowest = counters.hitRate();
                worst = String.format(Locale.ROOT, "%s (hit rate %.2f)", entry.getKey(), lowest);
            }
        }
        return worst;
    }

    private void slow(Figures figures, List<Recommendation> advice) {
        double limit = settings.get(Setting.ALERT_EXECUTION_TIME).toNanos() / 1e9;
        String slowest = null;
        double slowestSeconds = 0;
        for (Map.Entry<String, Counters> entry : figures.operations().entrySet()) {
            double seconds = entry.getValue().averageSeconds();
            if (seconds > limit && seconds > slowestSeconds) {
                slowest = entry.getKey();
                slowestSeconds = seconds;
            }
        }
        if (slowest == null) {
            return;
        }
        double cpu = figures.system().systemCpu() * 100;
        if (cpu >= IDLE_CPU_PERCENT) {
            // more threads would only compete for a busy CPU: the other fix is the fastest tier
            if (settings.cacheStrategy() != CacheStrategy.MEMORY) {
                advice.add(new Recommendation("slow", String.format(Locale.ROOT, "Use the memory cache strategy"
                        + " (CACHE_STRATEGY=memory) for the fastest hits: %s takes %.3f s per call on average (above"
                        + " %s) and the CPU is %.0f%% busy, so more workers would not help", slowest, slowestSeconds,
                        Durations.format(settings.get(Setting.ALERT_EXECUTION_TIME)), cpu), slowestSeconds, false,
                        null, null));
            }
            return;
        }
        String because = String.format(Locale.ROOT, "%s takes %.3f s per call on average (above %s) while the CPU is %s",
                slowest, slowestSeconds, Durations.format(settings.get(Setting.ALERT_EXECUTION_TIME)),
                Double.isNaN(cpu) ? "not measured yet" : String.format(Locale.ROOT, "%.0f%% busy", cpu));
        if (settings.level() != Level.AGGRESSIVE) {
            advice.add(new Recommendation("slow", "Raise OPTIMIZATION_LEVEL from " + settings.level().id()
                    + " to aggressive: " + because, slowestSeconds, false, Setting.LEVEL, Level.AGGRESSIVE.id()));
        }
        if (!settings.parallelEnabled()) {
            advice.add(new Recommendation("slow", "Enable OPTIMIZATION_PARALLEL: " + because, slowestSeconds, false,
                    Setting.PARALLEL, "true"));
        }
        int workers = settings.maxWorkers();
        int cap = Math.min(1024, Math.max(8, 2 * Runtime.getRuntime().availableProcessors()));
        if (workers < cap) {
            int more = Math.min(cap, workers * 2);
            advice.add(new Recommendation("slow", "Raise OPTIMIZATION_MAX_WORKERS from " + workers + " to " + more + ": "
                    + because, slowestSeconds, false, Setting.MAX_WORKERS, String.valueOf(more)));
        }
    }

    private void rateLimits(Figures figures, List<Recommendation> advice) {
        long errors = figures.total().rateLimitErrors();
        if (errors == 0) {
            return;
        }
        String because = errors + " calls failed with rate-limit errors";
        if (!settings.requestThrottling()) {
            advice.add(new Recommendation("rate_limit", "Enable REQUEST_THROTTLING: " + because, errors, false,
                    Setting.REQUEST_THROTTLING, "true"));
        } else {
            double rate = settings.maxRequestsPerSecond();
            double lower = Math.max(1, Math.floor(rate / 2));
            if (lower < rate) {
                advice.add(new Recommendation("rate_limit", "Lower MAX_REQUESTS_PER_SECOND from "
                        + Setting.MAX_REQUESTS_PER_SECOND.format(rate) + " to "
                        + Setting.MAX_REQUESTS_PER_SECOND.format(lower) + ": " + because, errors, false,
                        Setting.MAX_REQUESTS_PER_SECOND, Setting.MAX_REQUESTS_PER_SECOND.format(lower)));
            }
        }
        Duration wait = settings.maxBatchWaitTime();
        if (settings.batchingActive() && wait.compareTo(MAX_BATCH_WAIT) < 0) {
            Duration longer = wait.multipliedBy(2).compareTo(MAX_BATCH_WAIT) > 0 ? MAX_BATCH_WAIT : wait.multipliedBy(2);
            advice.add(new Recommendation("rate_limit", "Raise MAX_BATCH_WAIT_TIME from " + Durations.format(wait)
                    + " to " + Durations.format(longer) + " so that more calls share a batch: " + because, errors, false,
                    Setting.MAX_BATCH_WAIT_TIME, Durations.format(longer)));
        }
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.0f%%", fraction * 100);
    }
}
