package io.autobot.optimizer.management.report;

import io.autobot.optimizer.management.opendata.Composites;
import io.autobot.optimizer.management.opendata.Figure;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.CompositeDataView;
import javax.management.openmbean.CompositeType;

/**
 * The report's summary: the whole JVM's figures. The components are named as the report's keys
 * (docs/management.md), because the MXBean mapping makes them the items JMX clients see, and the
 * export and the API read them under the same names. Counts are whole numbers, times seconds.
 */
public record ReportSummary(
        @Figure(value = "Time per call, all calls; cache hits answered at once count as 0", units = "seconds")
        double avg_execution_time,
        @Figure(value = "Cache hits / lookups, 0 before the first lookup", units = "ratio")
        double overall_cache_hit_rate,
        @Figure(value = "System memory in use, average of the recent samples", units = "percent")
        double avg_memory_usage,
        @Figure(value = "System CPU, average of the recent samples", units = "percent")
        double avg_cpu_usage,
        @Figure(value = "Calls per second over the last minute", units = "calls/second")
        double throughput,
        @Figure(value = "Time saved / (time spent + time saved)", units = "percent")
        double optimization_effectiveness,
        @Figure(value = "Time the cache hits saved, at the measured cost of a miss of their method", units = "seconds")
        double time_saved,
        @Figure(value = "Median time of a timed call (about 6% accurate)", units = "seconds")
        double p50_execution_time,
        @Figure(value = "95th percentile of a timed call (about 6% accurate)", units = "seconds")
        double p95_execution_time,
        @Figure(value = "99th percentile of a timed call (about 6% accurate)", units = "seconds")
        double p99_execution_time,
        @Figure(value = "Every call, cache hits included", units = "calls")
        long total_calls,
        @Figure(value = "Calls answered from the cache", units = "calls")
        long cache_hits,
        @Figure(value = "Cache lookups that ran the method", units = "calls")
        long cache_misses,
        @Figure(value = "Calls that threw to their caller", units = "calls")
        long errors,
        @Figure(value = "Errors that said a rate limit was hit", units = "calls")
        long rate_limit_errors,
        @Figure(value = "Hits whose body ran again and gave the stored result", units = "calls")
        long verified,
        @Figure(value = "Hits whose body ran again and gave another result", units = "calls")
        long mismatches,
        @Figure(value = "Calls that ran uncached because their key could not say what the method sees", units = "calls")
        long not_cacheable,
        @Figure(value = "This JVM's CPU, average of the recent samples, of the whole machine", units = "percent")
        double avg_process_cpu_usage,
        @Figure(value = "Heap in use / the largest heap, average of the recent samples", units = "percent")
        double avg_heap_usage,
        @Figure(value = "Operations reported", units = "operations")
        long operations,
        @Figure(value = "Time since the statistics started (or resetStatistics)", units = "seconds")
        double period) implements CompositeDataView {

    @Override
    public CompositeData toCompositeData(CompositeType type) {
        return Composites.of(this, type);
    }
}
