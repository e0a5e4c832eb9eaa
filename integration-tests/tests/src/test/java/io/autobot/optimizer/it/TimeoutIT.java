package io.autobot.optimizer.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.autobot.optimizer.it.hosts.TimeoutHost;
import io.autobot.optimizer.it.support.ChildJvm;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code @Timeout}, fixed and adaptive, and the profile timeout of {@code @Optimized}, in a child JVM. */
class TimeoutIT {

    private static ChildJvm.Result result;

    @BeforeAll
    static void runHost() throws Exception {
        result = ChildJvm.of(TimeoutHost.class).withAgent("cache=memory,profile.multi_layer_validation.timeout=1s")
                .run();
    }

    @Test
    void aFixedTimeoutFiresAndInterruptsTheBody() {
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.value("correct")).as(result.toString()).isEqualTo("true");
        assertThat(result.value("fixed.outcome")).isEqualTo("OperationTimeoutException");
        assertThat(result.value("fixed.interrupted")).isEqualTo("1");
        assertThat(result.value("fixed.caller.interrupted")).isEqualTo("false");
        assertThat(result.value("fixed.message")).contains("TimeoutHost.fixed").contains("timeout_of_1s;");
    }

    @Test
    void anAdaptiveTimeoutFollowsTheObservedLatency() {
        // the upper bound (30 s) let a 600 ms call pass; after 130 calls of 5 ms the limit is its
        // minimum, 1 s (twice the slowest of those calls, should one have taken over half a second)
        assertThat(result.value("adaptive.outcome")).isEqualTo("OperationTimeoutException");
        assertThat(adaptiveLimitMillis()).as(result.toString()).isBetween(1_000L, 29_999L);
        assertThat(result.value("adaptive.interrupted")).isEqualTo("1");
        assertThat(result.value("adaptive.message")).contains("adaptive_timeout");
    }

    @Test
    void theOperationProfileTimeoutAppliesToOptimizedMethods() {
        assertThat(result.value("profile.outcome")).isEqualTo("OperationTimeoutException");
        assertThat(result.value("profile.message")).contains("timeout_of_1s;");
        assertThat(result.value("profile.interrupted")).isEqualTo("1");
    }

    /** The limit the adaptive call's exception names ("... adaptive timeout of 1s; ..."), in milliseconds. */
    private static long adaptiveLimitMillis() {
        Matcher limit = Pattern.compile("adaptive_timeout_of_(\\d+)(ms|s);").matcher(result.value("adaptive.message"));
        assertThat(limit.find()).as(result.value("adaptive.message")).isTrue();
        long value = Long.parseLong(limit.group(1));
        return limit.group(2).equals("s") ? value * 1000 : value;
    }
}
