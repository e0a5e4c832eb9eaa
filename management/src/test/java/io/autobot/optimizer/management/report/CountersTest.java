package io.autobot.optimizer.management.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CountersTest {

    // 10 calls: 1 miss whose body took 100 ms, 9 fast hits (not timed)
    private final Counters counters = new Counters(10, 9, 9, 1, 0, 0, 100_000_000L, 100_000_000L);

    @Test
    void hitRateAndAverageCountEveryCall() {
        assertThat(counters.hitRate()).isEqualTo(0.9);
        assertThat(counters.averageSeconds()).isCloseTo(0.01, within(1e-9));
    }

    @Test
    void effectivenessIsTheTimeSavedAgainstTheCostWithoutTheAgent() {
        assertThat(counters.savedSeconds()).isCloseTo(0.9, within(1e-9));
        // without the agent: 10 x 100 ms = 1 s; with it: 100 ms; saved 90%
        assertThat(counters.effectivenessPercent()).isCloseTo(90.0, within(1e-9));
    }

    @Test
    void nothingMeasuredMeansZeroNotNaN() {
        assertThat(Counters.ZERO.hitRate()).isZero();
        assertThat(Counters.ZERO.averageSeconds()).isZero();
        assertThat(Counters.ZERO.effectivenessPercent()).isZero();
    }

    @Test
    void theDifferenceOfTwoReadingsIsThePeriodBetweenThem() {
        Counters later = counters.plus(new Counters(5, 0, 0, 5, 1, 1, 50, 50));
        Counters period = later.minus(counters);
        assertThat(period.calls()).isEqualTo(5);
        assertThat(period.misses()).isEqualTo(5);
        assertThat(period.rateLimitErrors()).isEqualTo(1);
        assertThat(Counters.ZERO.minus(counters)).as("after a reset").isEqualTo(Counters.ZERO);
    }
}
