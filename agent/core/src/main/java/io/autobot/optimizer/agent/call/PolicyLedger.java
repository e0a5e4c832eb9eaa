package io.autobot.optimizer.agent.call;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What each policy cost or saved one method, as the policies measure it while the host runs: the
 * time saved (negative: added) by policy name, such as {@code parallel} or {@code disk}, and each
 * policy's latest verdict in words (whether it applies, and the figures it decided on). The report
 * sums the time per operation; the recommendations read the verdicts.
 */
public final class PolicyLedger {

    private final ConcurrentHashMap<String, LongAdder> saved = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, String> verdicts = new ConcurrentHashMap<>();

    /** The policy saved this much time (negative: it added that much). */
    public void saved(String policy, long nanos) {
        saved.computeIfAbsent(policy, name -> new LongAdder()).add(nanos);
    }

    /** The policy's verdict for the method now, such as {@code disk: skipped, computing is cheaper (...)}. */
    public void verdict(String policy, String text) {
        if (text != null) {
            verdicts.put(policy, text);
        }
    }

    /** The time saved (negative: added) per policy, by name. */
    public Map<String, Long> savedNanos() {
        Map<String, Long> copy = new TreeMap<>();
        saved.forEach((policy, nanos) -> copy.put(policy, nanos.sum()));
        return copy;
    }

    /** The latest verdict per policy, by name. */
    public Map<String, String> verdicts() {
        return new TreeMap<>(verdicts);
    }

    /** Forgets the times (the report's reset); verdicts stay, they describe the method now. */
    public void reset() {
        saved.values().forEach(LongAdder::reset);
    }
}
