package io.autobot.optimizer.management.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.autobot.optimizer.agent.call.OperationStats;
import io.autobot.optimizer.agent.config.RuntimeSettings;
import io.autobot.optimizer.management.alert.Alert;
import io.autobot.optimizer.management.alert.AlertMonitor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The report's figures against what was counted: sums over operations, the first minute, idle alerts, small numbers. */
class FiguresAgainstCountedCallsTest {

    private static OperationStats method(int misses, long missNanos, int fastHits) {
        OperationStats stats = new OperationStats();
        for (int i = 0; i < misses; i++) {
            stats.recordMiss(missNanos);
            stats.recordCall(missNanos, false);
        }
        for (int i = 0; i < fastHits; i++) {
            stats.recordFastHit();
        }
        return stats;
    }

    @Test
    void theSummarysTimeSavedIsTheSumOfTheOperations() {
        Counters slow = Counters.of(method(2, 1_000_000_000L, 10)); // 10 hits of a 1 s body: 10 s saved
        Counters fast = Counters.of(method(20, 1_000_000L, 100)); // 100 hits of a 1 ms body: 0.1 s saved
        assertThat(slow.savedSeconds()).isCloseTo(10.0, within(1e-9));
        assertThat(fast.savedSeconds()).isCloseTo(0.1, within(1e-9));
        Counters total = Counters.ZERO.plus(slow).plus(fast);
        assertThat(total.savedSeconds()).isCloseTo(10.1, within(1e-9));
        double spent = (2 * 1_000_000_000L + 20 * 1_000_000L) / 1e9;
        assertThat(total.effectivenessPercent()).isCloseTo(10.1 / (spent + 10.1) * 100, within(1e-9));
    }

    @Test
    void aBurstBeforeTheFirstTickIsInTheWindow() throws InterruptedException {
        long start = System.nanoTime();
        Timeline timeline = new Timeline(start);
        Thread.sleep(20);
        long now = System.nanoTime();
        double throughput = timeline.throughput(53, now);
        assertThat(throughput).isCloseTo(53 / ((now - start) / 1e9), within(1e-6)).isPositive();
        assertThat(timeline.throughput("op", 53, now)).isPositive();
        assertThat(timeline.window(new Counters(53, 0, 0, 0, 0, 0, 0, 0)).calls()).isEqualTo(53);
    }

    @Test
    void anAlertOfCallsIsClearedWhenTheHostGoesIdle() {
        List<Alert> sent = new ArrayList<>();
        AlertMonitor monitor = new AlertMonitor(RuntimeSettings.defaults(), sent::add);
        monitor.check(new Counters(5, 0, 0, 0, 0, 0, (long) (5 * 12e9), 0), null, 0);
        assertThat(monitor.active()).hasSize(1);
        monitor.check(Counters.ZERO, null, 0); // no calls over the last minute
        assertThat(monitor.active()).isEmpty();
        assertThat(sent).extracting(Alert::notificationType).containsExactly(
                "io.autobot.optimizer.alert.execution_time", "io.autobot.optimizer.alert.execution_time.cleared");
    }

    @Test
    void verificationAndNotCacheableCountsReachTheReport() {
        OperationStats stats = new OperationStats();
        stats.recordVerified();
        stats.recordVerified();
        stats.recordMismatch();
        stats.recordNotCacheable("argument of class java.lang.StringBuilder");
        OperationSummary figures = new OperationFigures(1, Counters.of(stats), 0, 0, 0, 0).summary(Map.of());
        assertThat(figures.verified()).isEqualTo(2);
        assertThat(figures.mismatches()).isEqualTo(1);
        assertThat(figures.not_cacheable()).isEqualTo(1);
        assertThat(figures.time_saved_by_parallel()).isNull(); // nothing split: no figure, not 0
    }
}
