package io.autobot.optimizer.management.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.autobot.optimizer.agent.config.RuntimeSettings;
import io.autobot.optimizer.management.report.Counters;
import io.autobot.optimizer.management.system.SystemSample;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertMonitorTest {

    private final RuntimeSettings settings = RuntimeSettings.defaults();
    private final List<Alert> sent = new ArrayList<>();
    private final AlertMonitor monitor = new AlertMonitor(settings, sent::add);

    private static Counters calls(int calls, double seconds) {
        return new Counters(calls, 0, 0, 0, 0, 0, (long) (calls * seconds * 1e9), 0);
    }

    private static SystemSample memory(double percent) {
        return new SystemSample(0, 0.1, 0.01, 100, 100 - percent, 0, 0, 100, 2);
    }

    @Test
    void raisesOnceAndClearsWithAMargin() {
        monitor.check(calls(5, 12), null, 0);
        monitor.check(calls(5, 11), null, 0);
        monitor.check(calls(5, 9.5), null, 0); // below 10 s but within the margin: still raised
        assertThat(sent).extracting(Alert::notificationType).containsExactly("io.autobot.optimizer.alert.execution_time");
        assertThat(monitor.active()).singleElement().asString().contains("12.000 s");
        monitor.check(calls(5, 8), null, 0);
        assertThat(sent).extracting(Alert::notificationType).containsExactly(
                "io.autobot.optimizer.alert.execution_time", "io.autobot.optimizer.alert.execution_time.cleared");
        assertThat(monitor.active()).isEmpty();
    }

    @Test
    void hitRateAndMemoryUseTheGuidesThresholdsAndTheConfiguredOnes() {
        monitor.check(new Counters(200, 60, 60, 140, 0, 0, 1, 1), memory(90), 1);
        assertThat(sent).extracting(Alert::name).containsExactly("cache_hit_rate", "memory");
        assertThat(sent.get(0).value()).isEqualTo(0.3);
        assertThat(sent.get(1).message()).contains("90.0%", "85%");
        sent.clear();
        settings.set("alert.memory", "95");
        monitor.check(new Counters(200, 60, 60, 140, 0, 0, 1, 1), memory(88), 1);
        assertThat(sent).extracting(Alert::notificationType).containsExactly("io.autobot.optimizer.alert.memory.cleared");
    }

    @Test
    void aLowHitRateIsNoAlertWhileTheCacheHasRoom() {
        monitor.check(new Counters(200, 0, 0, 200, 0, 0, 1, 1), null, 0.05);
        assertThat(sent).isEmpty();
        monitor.check(new Counters(200, 0, 0, 200, 0, 0, 1, 1), null, 0.95);
        assertThat(sent).extracting(Alert::name).containsExactly("cache_hit_rate");
    }

    @Test
    void theHitRateAdviceFitsTheStrategy() {
        settings.set("cache", "hybrid");
        monitor.check(new Counters(200, 0, 0, 200, 0, 0, 1, 1), null, 1);
        assertThat(sent.get(0).message()).contains("100% full", "CacheSize, now " + settings.cacheSize())
                .doesNotContain("hybrid");
        settings.set("cache", "memory");
        monitor.check(new Counters(200, 200, 200, 0, 0, 0, 1, 1), null, 1);
        monitor.check(new Counters(200, 0, 0, 200, 0, 0, 1, 1), null, 1);
        assertThat(sent.get(2).message()).contains("CacheStrategy=hybrid");
    }

    @Test
    void saysNothingWithoutEnoughData() {
        monitor.check(new Counters(50, 0, 0, 50, 0, 0, 0, 0), null, 0);
        monitor.check(Counters.ZERO, memory(Double.NaN), 0);
        assertThat(sent).isEmpty();
    }

    @Test
    void cpuAlertIsOffByDefaultAndFollowsItsSetting() {
        SystemSample busy = new SystemSample(0, 0.97, 0.5, 100, 50, 0, 0, 100, 2);
        monitor.check(Counters.ZERO, busy, 0);
        assertThat(sent).isEmpty();
        settings.set("alert.cpu", "90");
        monitor.check(Counters.ZERO, busy, 0);
        assertThat(sent).extracting(Alert::notificationType).containsExactly("io.autobot.optimizer.alert.cpu");
        assertThat(sent.get(0).message()).contains("97.0%", "90%");
        monitor.check(Counters.ZERO, new SystemSample(0, 0.5, 0.1, 100, 50, 0, 0, 100, 2), 0);
        assertThat(sent).extracting(Alert::notificationType).endsWith("io.autobot.optimizer.alert.cpu.cleared");
    }
}
