package io.autobot.optimizer.agent.policy.batch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BatchPayoffTest {

    private static final long WAIT = 1_000_000;

    private final BatchPayoff payoff = new BatchPayoff();

    @Test
    void batchesUntilItsBatchesHaveOneCallSeveralTimesInARow() {
        assertThat(payoff.verdict()).isNull();
        for (int lone = 1; lone < BatchPayoff.LONE_BEFORE_ASIDE; lone++) {
            assertThat(payoff.opensBatch(WAIT)).isTrue();
            assertThat(payoff.sent(1)).isFalse();
        }
        assertThat(payoff.sent(3)).as("a batch of three ends the row").isFalse();
        for (int lone = 1; lone < BatchPayoff.LONE_BEFORE_ASIDE; lone++) {
            payoff.sent(1);
        }
        assertThat(payoff.aside()).isFalse();
        assertThat(payoff.sent(1)).as("the row's last batch of one changes the verdict").isTrue();
        assertThat(payoff.aside()).isTrue();
        assertThat(payoff.opensBatch(WAIT)).isFalse();
        assertThat(payoff.verdict()).isEqualTo("not batched, it does not pay: its last 4 batches had one call each");
    }

    @Test
    void asideACallOpensABatchOnceThePlainCallsTookTwentyWaitsAndAJoinerResumesBatching() {
        for (int lone = 0; lone < BatchPayoff.LONE_BEFORE_ASIDE; lone++) {
            payoff.sent(1);
        }
        payoff.ranAlone(BatchPayoff.PROBE_AFTER_WAITS * WAIT - 1);
        assertThat(payoff.opensBatch(WAIT)).isFalse();
        payoff.ranAlone(1);
        assertThat(payoff.opensBatch(WAIT)).as("the probe").isTrue();
        assertThat(payoff.opensBatch(WAIT)).as("the plain calls' time counts again from the probe").isFalse();

        assertThat(payoff.sent(1)).as("a probe nobody joined").isFalse();
        assertThat(payoff.aside()).isTrue();
        payoff.ranAlone(BatchPayoff.PROBE_AFTER_WAITS * WAIT);
        assertThat(payoff.opensBatch(WAIT)).isTrue();
        assertThat(payoff.sent(2)).as("a probe another call joined").isTrue();
        assertThat(payoff.aside()).isFalse();
        assertThat(payoff.opensBatch(WAIT)).isTrue();
        assertThat(payoff.verdict()).isEqualTo("batched: 1.2 calls per batch");
    }
}
