package io.autobot.optimizer.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.autobot.optimizer.it.hosts.BatchingHost;
import io.autobot.optimizer.it.support.ChildJvm;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code @Batched} in a child JVM, with batching on and with {@code BATCH_PROCESSING=false}. */
class BatchingIT {

    private static ChildJvm.Result on;
    private static ChildJvm.Result off;

    @BeforeAll
    static void runHost() throws Exception {
        on = ChildJvm.of(BatchingHost.class).withAgent("cache=memory").run();
        off = ChildJvm.of(BatchingHost.class).withAgent("cache=memory").env("BATCH_PROCESSING", "false").run();
    }

    @Test
    void concurrentCallersShareBatchesOfTheBatchSize() {
        assertThat(on.exitCode()).as(on.toString()).isZero();
        assertThat(on.value("correct")).as(on.toString()).isEqualTo("true");
        assertThat(on.value("validate.batched.calls")).isEqualTo("40");
        // 40 callers, batches of 5: 8 batch calls, a few more only if the wait time sent one early
        assertThat(Integer.parseInt(on.value("validate.batches"))).isBetween(8, 10);
        assertThat(on.value("validate.single.runs")).isEqualTo("0");
    }

    @Test
    void eachCallerGetsItsOwnResultOrItsOwnException() {
        assertThat(on.value("validate.own.results")).isEqualTo("true");
        assertThat(off.value("validate.own.results")).isEqualTo("true");
    }

    @Test
    void aBatchThatFailsFailsEveryCallerInItAndNoOther() {
        assertThat(on.value("send.batches")).isEqualTo("2");
        assertThat(on.value("send.rejected")).isEqualTo("4");
    }

    @Test
    void whenTheHostCancelsTheCallThatSendsABatchTheOtherCallersGetTheirResults() {
        assertThat(on.value("cancelled.others")).as(on.toString()).isEqualTo("true");
        assertThat(on.value("cancelled.sender")).as("the sender alone got the interrupt").isEqualTo("interrupted");
        assertThat(off.value("cancelled.others")).isEqualTo("true");
    }

    @Test
    void theWaitTimeSendsABatchThatDoesNotFill() {
        // the batch of 100 never fills: only the wait time sends what the three callers put in it
        assertThat(on.value("lookup.batched.items")).as(on.toString()).isEqualTo("3");
    }

    @Test
    void aBatchIsSentOnceAsManyCallsWaitAsTheWaitTimeGatheredBefore() {
        // the second batch's wait time is an hour: the host's 30 s bound on each call fails it
        // unless the batch is sent at its third call
        assertThat(on.value("price.batch.sizes")).as(on.toString()).isEqualTo("3,3");
        assertThat(off.value("price.batch.sizes")).isEmpty();
    }

    @Test
    void callsThatComeOneAtATimeStopWaitingForABatchAndTheReportShowsTheWaits() {
        // four batches of one: the first waits the whole 100 ms, the next are sent at their one
        // call (no other came within the wait); then the calls run plain
        assertThat(on.value("tag.batch.sizes")).as(on.toString()).isEqualTo("1,1,1,1");
        assertThat(on.value("tag.single.runs")).isEqualTo("8");
        assertThat(Double.parseDouble(on.value("tag.saved_by_batch"))).as("the time added, as a negative saving")
                .isLessThanOrEqualTo(-0.1);
        assertThat(off.value("tag.batch.sizes")).isEmpty();
        assertThat(off.value("tag.saved_by_batch")).isEqualTo("null");
    }

    @Test
    void batchProcessingOffRunsEveryCallOnItsOwn() {
        assertThat(off.exitCode()).as(off.toString()).isZero();
        assertThat(off.value("correct")).isEqualTo("true");
        assertThat(off.value("validate.batches")).isEqualTo("0");
        assertThat(off.value("validate.single.runs")).isEqualTo("40");
        assertThat(off.value("send.rejected")).isEqualTo("0");
        assertThat(off.value("lookup.batches")).isEqualTo("[]");
    }
}
