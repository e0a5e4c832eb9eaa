package io.autobot.optimizer.agent.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class PolicyLedgerTest {

    @Test
    void verdictsArePutInWordsWhenReadAndOnlyOnceDecided() {
        PolicyLedger ledger = new PolicyLedger();
        AtomicReference<String> figures = new AtomicReference<>();
        AtomicInteger reads = new AtomicInteger();
        ledger.verdict("parallel", () -> {
            reads.incrementAndGet();
            return figures.get();
        });
        assertThat(reads).as("nothing is formatted until asked").hasValue(0);
        assertThat(ledger.verdicts()).as("not decided yet").isEmpty();

        figures.set("split, it pays: 0.100 ms per element split against 0.300 ms whole");
        assertThat(ledger.verdicts()).containsExactly(
                java.util.Map.entry("parallel", "split, it pays: 0.100 ms per element split against 0.300 ms whole"));
        figures.set("not split, it does not pay: 0.400 ms per element split against 0.300 ms whole");
        assertThat(ledger.verdicts().get("parallel")).as("the figures as they are when read").startsWith("not split");
        assertThat(reads).hasValue(3);
    }

    @Test
    void savedTimeAddsUpPerPolicyAndResetKeepsTheVerdicts() {
        PolicyLedger ledger = new PolicyLedger();
        ledger.saved("disk", 5);
        ledger.saved("disk", -2);
        ledger.saved("parallel", 7);
        ledger.verdict("disk", () -> "disk: stored, reading is cheaper");
        assertThat(ledger.savedNanos()).containsExactly(java.util.Map.entry("disk", 3L),
                java.util.Map.entry("parallel", 7L));
        ledger.reset();
        assertThat(ledger.savedNanos()).containsExactly(java.util.Map.entry("disk", 0L),
                java.util.Map.entry("parallel", 0L));
        assertThat(ledger.verdicts()).containsKey("disk");
    }
}
