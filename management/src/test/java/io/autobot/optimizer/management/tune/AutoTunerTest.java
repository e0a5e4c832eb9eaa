package io.autobot.optimizer.management.tune;

import static org.assertj.core.api.Assertions.assertThat;

import io.autobot.optimizer.agent.config.RuntimeSettings;
import io.autobot.optimizer.agent.config.Setting;
import io.autobot.optimizer.management.recommend.Advisor;
import io.autobot.optimizer.management.recommend.Figures;
import io.autobot.optimizer.management.report.Counters;
import io.autobot.optimizer.management.system.SystemSample;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AutoTunerTest {

    private final RuntimeSettings settings = RuntimeSettings.defaults();
    private final List<String> changes = new ArrayList<>();
    private Counters total = Counters.ZERO;
    private double memoryPercent = 40;
    private long evictions;

    AutoTunerTest() {
        settings.set("autotune", "true");
        settings.set("cache.size", "100");
        settings.addListener((setting, old, now) -> changes.add(setting.key() + "=" + now));
    }

    /** Another interval of traffic: {@code lookups} with the given hit rate, the cache full. */
    private void traffic(int lookups, double hitRate) {
        long hits = Math.round(lookups * hitRate);
        total = total.plus(new Counters(lookups, hits, hits, lookups - hits, 0, 0, 1000, 1000));
        evictions += lookups - hits;
    }

    private Figures figures() {
        return new Figures(total, Map.of("search", total),
                new SystemSample(0, 0.2, 0.01, 100, 100 - memoryPercent, 0, 10, 100, 2), 1.0, evictions);
    }

    @Test
    void changesASettingOnceWhenTheChangeDoesNotHelpAndNeverBack() {
        AutoTuner tuner = new AutoTuner(settings, new Advisor(settings), this::figures);
        tuner.step(); // opens the first interval
        for (int interval = 0; interval < 10; interval++) {
            traffic(1000, 0.2); // keys that never repeat enough: a larger cache cannot help
            if (interval == 5) {
                memoryPercent = 95; // would ask for a smaller cache: it must not go back
            }
            tuner.step();
        }
        assertThat(changes).containsExactly("cache.size=200");
        assertThat(settings.cacheSize()).isEqualTo(200);
    }

    @Test
    void growsAgainOnlyWhileEachGrowthRaisesTheHitRate() {
        AutoTuner tuner = new AutoTuner(settings, new Advisor(settings), this::figures);
        tuner.step();
        double[] hitRates = {0.2, 0.2, 0.35, 0.35, 0.36, 0.36, 0.36};
        for (double hitRate : hitRates) {
            traffic(1000, hitRate);
            tuner.step();
        }
        // 0.20 -> grow; settle; 0.35 > 0.20 -> grow; settle; 0.36 > 0.35 -> grow; settle; 0.36 = 0.36 -> stop
        assertThat(changes).containsExactly("cache.size=200", "cache.size=400", "cache.size=800");
    }

    @Test
    void doesNothingWhileSwitchedOff() {
        settings.set("autotune", "false");
        changes.clear();
        AutoTuner tuner = new AutoTuner(settings, new Advisor(settings), this::figures);
        for (int i = 0; i < 5; i++) {
            traffic(1000, 0.1);
            tuner.tick(i * 120_000_000_000L);
        }
        assertThat(changes).isEmpty();
        assertThat(settings.get(Setting.CACHE_SIZE)).isEqualTo(100);
    }
}
