package io.autobot.optimizer.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.autobot.optimizer.it.hosts.ThrottledSplitHost;
import io.autobot.optimizer.it.support.ChildJvm;
import org.junit.jupiter.api.Test;

/**
 * The splitter's report on a method whose elements wait on a rate limit: such calls are as fast
 * as the limit lets them be, split or not, so the report claims no time saved or added by
 * splitting them, while a method that computes has its figure; the time the rate limit added is
 * the limited method's own figure.
 */
class ParallelThrottledIT {

    @Test
    void callsHeldBackByARateLimitAreNotCountedAsSavedOrAddedBySplitting() throws Exception {
        ChildJvm.Result run = ChildJvm.of(ThrottledSplitHost.class).withAgent("cache=memory,workers=4").run();
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.value("correct")).as(run.toString()).isEqualTo("true");

        assertThat(run.value("ThrottledSplitHost.lookUpAll.calls")).as(run.toString()).isEqualTo("12");
        assertThat(run.value("ThrottledSplitHost.lookUpAll.saved_by_parallel")).as(run.toString()).isEqualTo("null");
        assertThat(run.value("ThrottledSplitHost.sums.calls")).isEqualTo("6");
        assertThat(run.value("ThrottledSplitHost.sums.saved_by_parallel")).as("a figure, of either sign")
                .matches("-?[0-9.E-]+");

        // 96 permits at 100 a second, taken by up to 4 threads at once: the waits add up to more than 0.5 s
        double added = Double.parseDouble(run.value("ThrottledSplitHost.lookUp.saved_by_rate_limit"));
        assertThat(added).as("the time the rate limit added, as a negative saving").isLessThan(-0.5);
        assertThat(run.value("ThrottledSplitHost.sums.saved_by_rate_limit")).as("not rate limited").isEqualTo("null");
    }
}
