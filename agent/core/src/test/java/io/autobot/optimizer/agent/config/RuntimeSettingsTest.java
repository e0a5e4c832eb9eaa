package io.autobot.optimizer.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuntimeSettingsTest {

    private final RuntimeSettings settings = RuntimeSettings.defaults();

    @Test
    void changesTakeEffectAndAreAnnouncedOnce() {
        List<String> changes = new ArrayList<>();
        settings.addListener((setting, oldValue, newValue) -> changes.add(setting.key() + ":" + oldValue + "->" + newValue));
        settings.set("OPTIMIZATION_LEVEL", "aggressive");
        settings.set("level", "aggressive");
        settings.set(Setting.CACHE_SIZE, 300);
        assertThat(settings.level()).isEqualTo(Level.AGGRESSIVE);
        assertThat(settings.effectiveCacheSize()).isEqualTo(600);
        assertThat(settings.effectiveWorkers()).isEqualTo(8);
        assertThat(changes).containsExactly("level:MODERATE->AGGRESSIVE", "cache.size:1000->300");
    }

    @Test
    void aBadValueChangesNothing() {
        assertThatThrownBy(() -> settings.set("workers", "-2"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 to 1024");
        assertThatThrownBy(() -> settings.set("level", "turbo"))
                .hasMessageContaining("basic, moderate, aggressive");
        assertThat(settings.maxWorkers()).isEqualTo(4);
        assertThat(settings.level()).isEqualTo(Level.MODERATE);
    }

    @Test
    void startUpOnlySettingsCannotChangeWhileRunning() {
        assertThatThrownBy(() -> settings.set("disk.path", "/elsewhere"))
                .hasMessageContaining("DISK_CACHE_PATH cannot be changed while running");
    }

    @Test
    void levelsGateParallelismAndBatching() {
        settings.set(Setting.LEVEL, Level.BASIC);
        assertThat(settings.parallelActive()).isFalse();
        assertThat(settings.batchingActive()).isFalse();
        settings.set(Setting.LEVEL, Level.MODERATE);
        assertThat(settings.parallelActive()).isTrue();
        settings.set(Setting.PARALLEL, false);
        assertThat(settings.parallelActive()).isFalse();
    }
}
