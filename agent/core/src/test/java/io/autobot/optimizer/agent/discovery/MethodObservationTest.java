package io.autobot.optimizer.agent.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MethodObservationTest {

    private static MethodObservation method() {
        return new MethodObservation(new Sampler.Hot("com.acme.Work", "f", "(I)I", 1));
    }

    /** Calls the method {@code calls} times; each observed call costs {@code body} and {@code probe} ns. */
    private static long run(MethodObservation method, int calls, long body, long probe) {
        long observed = 0;
        for (int i = 0; i < calls; i++) {
            if (method.sample()) {
                observed++;
                method.called(body, false, false);
                method.probeNanos.add(probe);
            }
        }
        return observed;
    }

    @Test
    void observesEveryCallWhileObservingCostsLittle() {
        MethodObservation method = method();
        assertThat(run(method, 10_000, 1_000_000, 2_000)).isEqualTo(10_000);
        assertThat(method.mask).isZero();
    }

    @Test
    void observesFewerCallsOfACheapMethodToStayWithinTheBudget() {
        MethodObservation method = method();
        long observed = run(method, 1_000_000, 100, 1_000);
        // one observed call costs 1000 ns against 100 ns of body: 1000 / (1% of 100) = 1000 calls per observation
        assertThat(method.mask).isEqualTo(1023);
        assertThat(observed).isBetween(MethodObservation.OBSERVED_FIRST + 0L, 3_000L);
        assertThat(method.entries.get()).isEqualTo(1_000_000);
        assertThat(method.scale()).isGreaterThan(300);
    }

    @Test
    void theFirstCallsAreAllObserved() {
        MethodObservation method = method();
        assertThat(run(method, MethodObservation.OBSERVED_FIRST, 100, 1_000_000))
                .isEqualTo(MethodObservation.OBSERVED_FIRST);
    }

    @Test
    void theMedianCostIgnoresAFewCallsStretchedByDescheduling() {
        MethodObservation method = method();
        assertThat(method.medianNanos()).isNaN();
        for (int i = 0; i < 990; i++) {
            method.called(800, false, false);
        }
        for (int i = 0; i < 10; i++) {
            method.called(20_000_000, false, false); // the thread lost its core for 20 ms
        }
        double mean = (double) method.nanos.sum() / method.calls.sum();
        assertThat(mean).isGreaterThan(Verdicts.MIN_COST_NANOS);
        assertThat(method.medianNanos()).isBetween(512.0, 1024.0);
    }
}
