package io.autobot.optimizer.management.report;

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

    /**
     * The figures as the report shows them.
     *
     * @param policySeconds the time each policy saved the operation's methods, in seconds, by
     *     policy ({@code parallel}, {@code disk}, {@code rate_limit}, {@code batch}); a policy not in it measured nothing
     */
    public OperationSummary summary(Map<String, Double> policySeconds) {
        return new OperationSummary(counters.averageSeconds(), p50, p95, p99, counters.hitRate(), throughput,
                counters.effectivenessPercent(), counters.savedSeconds(), counters.calls(), counters.hits(),
                counters.misses(), counters.errors(), counters.rateLimitErrors(), counters.verified(),
                counters.mismatches(), counters.notCacheable(), methods, policySeconds.get("disk"),
                policySeconds.get("parallel"), policySeconds.get("rate_limit"),
                policySeconds.get("batch"));
    }
}
