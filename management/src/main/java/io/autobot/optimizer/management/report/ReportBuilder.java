package io.autobot.optimizer.management.report;

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
        Map<String, OperationSummary> perOperation = new LinkedHashMap<>();
        List<MethodMeta> all = new ArrayList<>();
        for (Map.Entry<String, List<MethodMeta>> entry : operations.byName().entrySet()) {
            all.addAll(entry.getValue());
            perOperation.put(entry.getKey(),
                    figures(entry.getKey(), entry.getValue(), now).summary(PolicyTimes.of(entry.getValue())));
        }
        OperationFigures total = Operations.figures(all, 0);
        Counters counters = total.counters();
        double throughput = timeline.throughput(counters.calls(), now);
        SystemSample system = sampler.average();
        ReportSummary summary = new ReportSummary(counters.averageSeconds(), counters.hitRate(),
                system.memoryUsagePercent(), system.systemCpu() * 100, throughput, counters.effectivenessPercent(),
                counters.savedSeconds(), total.p50(), total.p95(), total.p99(), counters.calls(), counters.hits(),
                counters.misses(), counters.errors(), counters.rateLimitErrors(), counters.verified(),
                counters.mismatches(), counters.notCacheable(), system.processCpu() * 100, system.heapUsagePercent(),
                perOperation.size(), (now - startNanos) / 1e9);
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
     * The cache statistics (docs/management.md): each open tier's figures and the single flight's:
     * callers that waited for another caller's run of their key.
     */
    public CacheStatistics cacheStatistics() {
        return CacheStatistics.of(engine.cache().statistics(), engine.cache().flightStatistics());
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
