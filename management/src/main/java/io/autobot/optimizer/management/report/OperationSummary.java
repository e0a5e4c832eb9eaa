package io.autobot.optimizer.management.report;

import io.autobot.optimizer.management.opendata.Composites;
import io.autobot.optimizer.management.opendata.Figure;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.CompositeDataView;
import javax.management.openmbean.CompositeType;

/**
 * One operation's figures in the report, named as the report's keys (see {@link ReportSummary}).
 * {@code time_saved_by_disk}, {@code time_saved_by_parallel}, {@code time_saved_by_rate_limit}
 * and {@code time_saved_by_batch} are null until that policy measured something for the operation:
 * the export and the API then leave them out.
 */
public record OperationSummary(
        @Figure(value = "Time per call, all calls; cache hits answered at once count as 0", units = "seconds")
        double avg_execution_time,
        @Figure(value = "Median time of a timed call (about 6% accurate)", units = "seconds")
        double p50_execution_time,
        @Figure(value = "95th percentile of a timed call (about 6% accurate)", units = "seconds")
        double p95_execution_time,
        @Figure(value = "99th percentile of a timed call (about 6% accurate)", units = "seconds")
        double p99_execution_time,
        @Figure(value = "Cache hits / lookups, 0 before the first lookup", units = "ratio")
        double cache_hit_rate,
        @Figure(value = "Calls per second over the last minute", units = "calls/second")
        double throughput,
        @Figure(value = "Time saved / (time spent + time saved)", units = "percent")
        double optimization_effectiveness,
        @Figure(value = "Time the cache hits saved, at the measured cost of a miss", units = "seconds")
        double time_saved,
        @Figure(value = "Every call, cache hits included", units = "calls")
        long calls,
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
        @Figure(value = "Instrumented methods of the operation", units = "methods")
        long methods,
        @Figure(value = "Time the disk tier saved (negative: added); empty until it was measured", units = "seconds")
        Double time_saved_by_disk,
        @Figure(value = "Time the splitter saved (negative: added); empty until a split was measured", units = "seconds")
        Double time_saved_by_parallel,
        @Figure(value = "Time the rate limits added (negative): waits for permits and backoffs before retries; empty until a call waited", units = "seconds")
        Double time_saved_by_rate_limit,
        @Figure(value = "Time batching added (negative): callers' waits for their batch to be sent; empty until a batch was sent", units = "seconds")
        Double time_saved_by_batch) implements CompositeDataView {

    @Override
    public CompositeData toCompositeData(CompositeType type) {
        return Composites.of(this, type);
    }
}
