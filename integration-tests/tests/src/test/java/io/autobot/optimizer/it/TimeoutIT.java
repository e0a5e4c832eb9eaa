package io.autobot.optimizer.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.autobot.optimizer.it.hosts.TimeoutHost;
import io.autobot.optimizer.it.support.ChildJvm;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code @Timeout}, fixed and adaptive, and the profile timeout of {@code @Optimized}, in a child JVM. */
class TimeoutIT {

    private static ChildJvm.Result result;

    @BeforeAll
    static void runHost() throws Exception {
        result = ChildJvm.of(TimeoutHost.class).withAgent("cache=memory,profile.multi_layer_validation.timeout=300ms")
                .run();
    }

    @Test
    void aFixedTimeoutFiresAndInterruptsTheBody() {
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.value("correct")).as(result.toString()).isEqualTo("true");
        assertThat(result.value("fixed.outcome")).isEqualTo("OperationTimeoutException");
        assertThat(Long.parseLong(result.value("fixed.elapsed.ms"))).isBetween(290L, 5_000L);
        assertThat(result.value("fixed.interrupted")).isEqualTo("1");
        assertThat(result.value("fixed.caller.interrupted")).isEqualTo("false");
        assertThat(result.value("fixed.message")).contains("TimeoutHost.fixed").contains("300ms");
    }

    @Test
    void anAdaptiveTimeoutFollowsTheObservedLatency() {
        // the upper bound (5 s) let a 600 ms call pass; after 130 calls of 5 ms the limit is its minimum, 100 ms
        assertThat(result.value("adaptive.outcome")).isEqualTo("OperationTimeoutException");
        assertThat(Long.parseLong(result.value("adaptive.elapsed.ms"))).isBetween(90L, 1_500L);
        assertThat(result.value("adaptive.interrupted")).isEqualTo("1");
        assertThat(result.value("adaptive.message")).contains("adaptive_timeout");
    }

    @Test
    void theOperationProfileTimeoutAppliesToOptimizedMethods() {
        assertThat(result.value("profile.outcome")).isEqualTo("OperationTimeoutException");
        assertThat(Long.parseLong(result.value("profile.elapsed.ms"))).isBetween(290L, 5_000L);
        assertThat(result.value("profile.interrupted")).isEqualTo("1");
    }
}
