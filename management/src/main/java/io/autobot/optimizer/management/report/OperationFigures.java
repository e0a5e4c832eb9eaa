package io.autobot.optimizer.management.report;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The figures of one operation (or of all of them) as the report, the beans and the JSON export
 * show them. Times are in seconds, rates in calls per second.
 *
 * @param methods how many instrumented methods report under this operation
 * @param counters the counters since the statistics started
 * @param p50 median call time
 * @param p95 95th percentile call time
 * @param p99 99th percentile call time
 * @param throughput calls per second over the last minute
 */
public record OperationFigures(int methods, Counters counters, double p50, double p95, double p99,
        double throughput) {

    /** The figures under the report's keys. */
    public Map<String, Double> toMap() {
        Map<String, Double> map = new LinkedHashMap<>();
        map.put("avg_execution_time", counters.averageSeconds());
        map.put("p50_execution_time", p50);
        map.put("p95_execution_time", p95);
        map.put("p99_execution_time", p99);
        map.put("cache_hit_rate", counters.hitRate());
        map.put("throughput", throughput);
        map.put("optimization_effectiveness", counters.effectivenessPercent());
        map.put("time_saved", counters.savedSeconds());
        map.put("calls", (double) counters.calls());
        map.put("cache_hits", (double) counters.hits());
        map.put("cache_misses", (double) counters.misses());
        map.put("errors", (double) counters.errors());
        map.put("rate_limit_errors", (double) counters.rateLimitErrors());
        map.put("verified", (double) counters.verified());
        map.put("mismatches", (double) counters.mismatches());
        map.put("not_cacheable", (double) counters.notCacheable());
        map.put("methods", (double) methods);
        return map;
    }
}
