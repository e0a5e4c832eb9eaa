package io.autobot.optimizer.management.report;

import io.autobot.optimizer.agent.cache.FlightStatistics;
import io.autobot.optimizer.agent.cache.TierStatistics;
import io.autobot.optimizer.agent.call.MethodMeta;
import io.autobot.optimizer.agent.engine.Engine;
import io.autobot.optimizer.management.system.SystemSample;
import io.autobot.optimizer.management.system.SystemSampler;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the performance report and the cache statistics from the engine's counters and the samples. */
public final class ReportBuilder {

    private final Engine engine;
    private final Operations operations;
    private final Timeline timeline;
    private final SystemSampler sampler;
    private volatile long startNanos = System.nanoTime();

    public ReportBuilder(Engine engine, Timeline timeline, SystemSampler sampler) {
        this.engine = engine;
        this.operations = new Operations(engine);
        this.timeline = timeline;
        this.sampler = sampler;
    }

    public Operations operations() {
        return operations;
    }

    /** The report as of now; starts system sampling if it was not running. */
    public PerformanceReport build() {
        sampler.ensureStarted();
        long now = System.nanoTime();
        Map<String, Map<String, Double>> perOperation = new LinkedHashMap<>();
        List<MethodMeta> all = new ArrayList<>();
        for (Map.Entry<String, List<MethodMeta>> entry : operations.byName().entrySet()) {
            all.addAll(entry.getValue());
            Map<String, Double> figures = figures(entry.getKey(), entry.getValue(), now).toMap();
            figures.putAll(PolicyTimes.of(entry.getValue()));
            perOperation.put(entry.getKey(), figures);
        }
        OperationFigures total = Operations.figures(all, 0);
        double throughput = timeline.throughput(total.counters().calls(), now);
        SystemSample system = sampler.average();

        Map<String, Double> summary = new LinkedHashMap<>();
        summary.put("avg_execution_time", total.counters().averageSeconds());
        summary.put("overall_cache_hit_rate", total.counters().hitRate());
        summary.put("avg_memory_usage", system.memoryUsagePercent());
        summary.put("avg_cpu_usage", system.systemCpu() * 100);
        summary.put("throughput", throughput);
        summary.put("optimization_effectiveness", total.counters().effectivenessPercent());
        summary.put("time_saved", total.counters().savedSeconds());
        summary.put("p50_execution_time", total.p50());
        summary.put("p95_execution_time", total.p95());
        summary.put("p99_execution_time", total.p99());
        summary.put("total_calls", (double) total.counters().calls());
        summary.put("cache_hits", (double) total.counters().hits());
        summary.put("cache_misses", (double) total.counters().misses());
        summary.put("errors", (double) total.counters().errors());
        summary.put("rate_limit_errors", (double) total.counters().rateLimitErrors());
        summary.put("verified", (double) total.counters().verified());
        summary.put("mismatches", (double) total.counters().mismatches());
        summary.put("not_cacheable", (double) total.counters().notCacheable());
        summary.put("avg_process_cpu_usage", system.processCpu() * 100);
        summary.put("avg_heap_usage", system.heapUsagePercent());
        summary.put("operations", (double) perOperation.size());
        summary.put("period", (now - startNanos) / 1e9);
        return new PerformanceReport(summary, perOperation, Instant.now().toString());
    }

    /** The figures of one operation as of now. */
    public OperationFigures figures(String operation) {
        return figures(operation, operations.methodsOf(operation), System.nanoTime());
    }

    private OperationFigures figures(String operation, List<MethodMeta> methods, long now) {
        long calls = Operations.counters(methods).calls();
        return Operations.figures(methods, timeline.throughput(operation, calls, now));
    }

    /**
     * The cache statistics (docs/management.md): {@code memory_cache}, {@code disk_cache} to their
     * figures, and {@code single_flight}: callers that waited for another caller's run of their key.
     */
    public Map<String, Map<String, Double>> cacheStatistics() {
        Map<String, Map<String, Double>> tiers = new LinkedHashMap<>();
        for (TierStatistics tier : engine.cache().statistics()) {
            tiers.put(tier.tier() + "_cache", tierFigures(tier));
        }
        tiers.put("single_flight", flightFigures(engine.cache().flightStatistics()));
        return tiers;
    }

    private static Map<String, Double> flightFigures(FlightStatistics flights) {
        Map<String, Double> map = new LinkedHashMap<>();
        map.put("waits", (double) flights.waits());
        map.put("waits_timed_out", (double) flights.timedOut());
        map.put("waits_interrupted", (double) flights.interrupted());
        return map;
    }

    /** One tier's figures under the report's keys. */
    public static Map<String, Double> tierFigures(TierStatistics tier) {
        Map<String, Double> map = new LinkedHashMap<>();
        map.put("entries", (double) tier.entries());
        map.put("capacity", (double) tier.capacity());
        map.put("utilization", tier.utilization());
        map.put("hits", (double) tier.hits());
        map.put("misses", (double) tier.misses());
        map.put("hit_rate", tier.hitRate());
        map.put("evictions", (double) tier.evictions());
        map.put("bytes_on_disk", (double) tier.bytesOnDisk());
        map.put("load_time", tier.loadTimeNanos() / 1e9);
        return map;
    }

    /** Counts the statistics from now: every method's counters and the throughput window. */
    public void reset() {
        for (MethodMeta method : engine.registry().all()) {
            method.stats().reset();
        }
        timeline.clear();
        startNanos = System.nanoTime();
    }
}
