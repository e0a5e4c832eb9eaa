package io.autobot.optimizer.agent.policy.parallel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SplitPayoffTest {

    private static final long MS = 1_000_000;

    @Test
    void splitsAfterTheFirstWholeCallWhileSplittingCostsLessPerElement() {
        SplitPayoff payoff = new SplitPayoff();
        payoff.whole(40 * MS, 40);
        assertThat(payoff.splitNow()).isTrue();
        payoff.split(12 * MS, 40);

        int split = 0;
        for (int i = 0; i < 4 * SplitPayoff.PROBE_EVERY; i++) {
            split += payoff.splitNow() ? 1 : 0;
        }
        assertThat(split).as("all but one probe in %d", SplitPayoff.PROBE_EVERY).isEqualTo(3 * SplitPayoff.PROBE_EVERY + 4);
        assertThat(payoff.verdict()).isEqualTo("split, it pays: 0.300 ms per element split against 1.000 ms whole");
        assertThat(payoff.wholeEstimate(10)).isEqualTo(10 * MS);
    }

    @Test
    void stopsSplittingWhenTheSplitCostsMoreThanItSavesAndProbesItNowAndThen() {
        SplitPayoff payoff = new SplitPayoff();
        payoff.whole(MS, 100);
        for (int i = 1; i < SplitPayoff.SPLITS_BEFORE_VERDICT; i++) {
            payoff.split(5 * MS, 100);
            assertThat(payoff.splitting()).as("no verdict on the first splits").isTrue();
        }
        payoff.split(5 * MS, 100);

        assertThat(payoff.doesNotPay()).isTrue();
        int split = 0;
        for (int i = 0; i < 4 * SplitPayoff.PROBE_EVERY; i++) {
            split += payoff.splitNow() ? 1 : 0;
        }
        assertThat(split).isEqualTo(4);
        assertThat(payoff.verdict()).startsWith("not split, it does not pay");
    }

    @Test
    void changesItsPreferenceOnlyPastTheMargin() {
        SplitPayoff payoff = new SplitPayoff();
        payoff.whole(10 * MS, 10);
        payoff.split(5 * MS, 10);
        assertThat(payoff.splitting()).isTrue();

        for (int i = 0; i < 20; i++) {
            payoff.split(10 * MS, 10); // as costly as whole: inside the margin
        }
        assertThat(payoff.splitting()).isTrue();
        for (int i = 0; i < 20; i++) {
            payoff.split(20 * MS, 10);
        }
        assertThat(payoff.splitting()).isFalse();
    }

    @Test
    void callsNotWeighedKeepTheOrderOfSplitAndWholeButGiveNoFigures() {
        SplitPayoff payoff = new SplitPayoff();
        assertThat(payoff.splitNow()).as("nothing split yet").isTrue();
        payoff.splitNotWeighed();
        assertThat(payoff.splitNow()).as("nothing run whole yet").isFalse();
        payoff.wholeNotWeighed();
        int split = 0;
        for (int i = 0; i < 2 * SplitPayoff.PROBE_EVERY; i++) {
            split += payoff.splitNow() ? 1 : 0;
        }
        assertThat(split).as("split but for the probes").isEqualTo(2 * SplitPayoff.PROBE_EVERY - 2);
        assertThat(payoff.verdict()).isNull();
        assertThat(payoff.wholeEstimate(10)).isZero();
        assertThat(payoff.doesNotPay()).isFalse();
    }
}
