package io.autobot.optimizer.management.report;

import io.autobot.optimizer.agent.call.MethodMeta;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The time each policy saved (negative: added) for an operation, summed over its methods' ledgers,
 * in seconds by policy, which the report shows as {@code time_saved_by_<policy>}: {@code parallel} (a split call
 * against the method's whole calls per element), {@code disk} (a disk hit against computing, less
 * the encoding of every stored result), {@code rate_limit} (the time callers waited for permits and
 * backed off before retries: never a saving, as a rate limit's worth, the errors it spares the
 * service, is not time), {@code batch} (the time callers waited for their batch to be sent: never a
 * saving, as the single calls a batch replaces never run, so what they would have cost is not
 * known). The cache's own saving is {@code time_saved}.
 */
final class PolicyTimes {

    private PolicyTimes() {
    }

    static Map<String, Double> of(List<MethodMeta> methods) {
        Map<String, Long> nanos = new TreeMap<>();
        for (MethodMeta method : methods) {
            method.stats().policies().savedNanos().forEach((policy, saved) -> nanos.merge(policy, saved, Long::sum));
        }
        Map<String, Double> seconds = new TreeMap<>();
        nanos.forEach((policy, saved) -> seconds.put(policy, saved / 1e9));
        return seconds;
    }
}
