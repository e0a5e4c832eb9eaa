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
            assertThat(payoff.opensBatch(WAIT, 10)).isPositive();
            assertThat(payoff.sent(1, lone == 1)).isFalse();
        }
        assertThat(payoff.sent(3, true)).as("a batch of three ends the row").isFalse();
        for (int lone = 1; lone < BatchPayoff.LONE_BEFORE_ASIDE; lone++) {
            payoff.sent(1, true);
        }
        assertThat(payoff.aside()).isFalse();
        assertThat(payoff.sent(1, true)).as("the row's last batch of one changes the verdict").isTrue();
        assertThat(payoff.aside()).isTrue();
        assertThat(payoff.opensBatch(WAIT, 10)).isZero();
        assertThat(payoff.verdict()).isEqualTo("not batched, it does not pay: its last 4 batches had one call each");
    }

    @Test
    void asideACallOpensABatchOnceThePlainCallsTookTwentyWaitsAndAJoinerResumesBatching() {
        for (int lone = 0; lone < BatchPayoff.LONE_BEFORE_ASIDE; lone++) {
            payoff.sent(1, true);
        }
        payoff.ranAlone(BatchPayoff.PROBE_AFTER_WAITS * WAIT - 1);
        assertThat(payoff.opensBatch(WAIT, 10)).isZero();
        payoff.ranAlone(1);
        assertThat(payoff.opensBatch(WAIT, 10)).as("the probe waits for the declared size").isEqualTo(10);
        assertThat(payoff.opensBatch(WAIT, 10)).as("the plain calls' time counts again from the probe").isZero();

        assertThat(payoff.sent(1, true)).as("a probe nobody joined").isFalse();
        assertThat(payoff.aside()).isTrue();
        payoff.ranAlone(BatchPayoff.PROBE_AFTER_WAITS * WAIT);
        assertThat(payoff.opensBatch(WAIT, 10)).isEqualTo(10);
        assertThat(payoff.sent(2, true)).as("a probe another call joined").isTrue();
        assertThat(payoff.aside()).isFalse();
        assertThat(payoff.opensBatch(WAIT, 10)).as("as many as the probe gathered").isEqualTo(2);
        assertThat(payoff.verdict()).isEqualTo("batched: 1.2 calls per batch, sent once 2 wait");
    }

    @Test
    void aBatchWaitsForAsManyCallsAsTheRecentBatchesSentByTheirWaitTimeHeldAndOneInEightForTheDeclaredSize() {
        assertThat(payoff.opensBatch(WAIT, 10)).as("nothing learnt").isEqualTo(10);
        payoff.sent(7, false);
        assertThat(payoff.opensBatch(WAIT, 10)).as("a batch that filled, or that an interrupt sent, says nothing").isEqualTo(10);
        payoff.sent(4, true);
        payoff.sent(3, true);
        for (int batch = 1; batch < BatchPayoff.FILL_PROBE_EVERY; batch++) {
            assertThat(payoff.opensBatch(WAIT, 10)).as("the most of the recent ones").isEqualTo(4);
        }
        assertThat(payoff.opensBatch(WAIT, 10)).as("a batch that learns whether more calls come").isEqualTo(10);
        assertThat(payoff.opensBatch(WAIT, 2)).as("never more than declared").isEqualTo(2);

        for (int batch = 0; batch < BatchPayoff.RECENT; batch++) {
            payoff.sent(2, true);
        }
        assertThat(payoff.opensBatch(WAIT, 10)).as("the 4 has left the recent ones").isEqualTo(2);
    }
}
