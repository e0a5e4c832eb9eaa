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
        // 3 s at 10/s, plus at most one permit per thread reserved before the end: no starvation, no excess
        assertThat(Integer.parseInt(result.value("rate.calls"))).isBetween(27, 30 + 16 + 2);
    }

    @Test
    void throttledOperationsRunAtMaxRequestsPerSecond() {
        assertThat(Integer.parseInt(result.value("operation.max.per.second"))).isBetween(8, 11);
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
        assertThat(Long.parseLong(result.value("tight.wait.ms"))).isLessThan(1_000);
    }
}
