package io.autobot.optimizer.agent.call;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * What each policy cost or saved one method, as the policies measure it while the host runs: the
 * time saved (negative: added) by policy name, such as {@code parallel} or {@code disk}, and each
 * policy's verdict in words (whether it applies, and the figures it decided on). The report sums
 * the time per operation; the recommendations read the verdicts. A verdict is put in words when it
 * is read, from the policy's figures then, not on each call: formatting figures costs a call
 * microseconds, and the first one in a JVM the set-up of the formatter's locale data.
 */
public final class PolicyLedger {

    private final ConcurrentHashMap<String, LongAdder> saved = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Supplier<String>> verdicts = new ConcurrentHashMap<>();

    /** The policy saved this much time (negative: it added that much). */
    public void saved(String policy, long nanos) {
        saved.computeIfAbsent(policy, name -> new LongAdder()).add(nanos);
    }

    /**
     * Where the policy's verdict for the method is read from, such as {@code disk: skipped,
     * computing is cheaper (...)}; the supplier gives null while the policy has not decided.
     */
    public void verdict(String policy, Supplier<String> text) {
        verdicts.put(policy, text);
    }

    /** The time saved (negative: added) per policy, by name. */
    public Map<String, Long> savedNanos() {
        Map<String, Long> copy = new TreeMap<>();
        saved.forEach((policy, nanos) -> copy.put(policy, nanos.sum()));
        return copy;
    }

    /** The verdict of each policy that has decided, by name. */
    public Map<String, String> verdicts() {
        Map<String, String> words = new TreeMap<>();
        verdicts.forEach((policy, text) -> {
            String verdict = text.get();
            if (verdict != null) {
                words.put(policy, verdict);
            }
        });
        return words;
    }

    /** Forgets the times (the report's reset); verdicts stay, they describe the method now. */
    public void reset() {
        saved.values().forEach(LongAdder::reset);
    }
}
