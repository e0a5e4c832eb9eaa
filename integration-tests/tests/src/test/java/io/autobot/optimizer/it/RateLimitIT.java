package io.autobot.optimizer.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.autobot.optimizer.it.hosts.RateLimitHost;
import io.autobot.optimizer.it.support.ChildJvm;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code @RateLimited}, throttled operations and backoff retries in a child JVM. */
class RateLimitIT {

    private static ChildJvm.Result result;

    @BeforeAll
    static void runHost() throws Exception {
        result = ChildJvm.of(RateLimitHost.class).withAgent("cache=memory,rate=10").run();
    }

    @Test
    void sixteenThreadsNeverExceedTheRateByMoreThanOnePermitPerSecond() {
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(Integer.parseInt(result.value("rate.max.per.second"))).as(result.toString())
                .isLessThanOrEqualTo(RateLimitHost.RATE + 1);
        // 32 calls at 10/s wait 3.2 s at most, well within their 30 s: every one runs, none starves
        assertThat(result.value("rate.refused")).as(result.toString()).isEqualTo("0");
        assertThat(Integer.parseInt(result.value("rate.calls"))).isEqualTo(16 * RateLimitHost.CALLS_PER_THREAD);
    }

    @Test
    void throttledOperationsRunAtMostAtMaxRequestsPerSecond() {
        // 16 calls at 10/s: each runs or, on a machine too loaded to grant its slot in 5 s, is refused
        int calls = Integer.parseInt(result.value("operation.calls"));
        assertThat(calls + Integer.parseInt(result.value("operation.refused"))).as(result.toString())
                .isEqualTo(8 * RateLimitHost.CALLS_PER_THREAD);
        assertThat(calls).as(result.toString()).isPositive();
        assertThat(Integer.parseInt(result.value("operation.max.per.second"))).as(result.toString())
                .isLessThanOrEqualTo(RateLimitHost.RATE + 1);
    }

    @Test
    void retriesTheNamedExceptionsWithGrowingBackoff() {
        assertThat(result.value("retry.result")).isEqualTo("value-of-k");
        assertThat(result.value("retry.attempts")).isEqualTo("3");
        // 40 ms then 80 ms, each at least half of it (equal jitter)
        assertThat(Long.parseLong(result.value("retry.first.gap.ms"))).isGreaterThanOrEqualTo(20);
        assertThat(Long.parseLong(result.value("retry.second.gap.ms"))).isGreaterThanOrEqualTo(40);
    }

    @Test
    void otherExceptionsAreNeverRetriedAndTheLastOneReachesTheCallerUnchanged() {
        assertThat(result.value("other.runs")).isEqualTo("1");
        assertThat(result.value("other.same.instance")).isEqualTo("true");
        assertThat(result.value("down.runs")).isEqualTo("3");
        assertThat(result.value("down.same.instance")).isEqualTo("true");
    }

    @Test
    void aCallerWithoutAPermitInTimeGetsRateLimitExceeded() {
        assertThat(result.value("tight.second")).isEqualTo("RateLimitExceededException");
        assertThat(result.value("tight.message.names.limiter")).isEqualTo("true");
    }
}
