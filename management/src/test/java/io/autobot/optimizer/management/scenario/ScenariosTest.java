package io.autobot.optimizer.management.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autobot.optimizer.agent.config.CacheStrategy;
import io.autobot.optimizer.agent.config.Level;
import io.autobot.optimizer.agent.config.RuntimeSettings;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScenariosTest {

    private final RuntimeSettings settings = RuntimeSettings.defaults();

    @Test
    void largeRepositoryAnalysis() {
        settings.set("level", "basic");
        settings.set("parallel", "false");
        settings.set("batching", "false");
        Scenarios.apply("large_repository_analysis", settings);
        assertThat(settings.level()).isEqualTo(Level.AGGRESSIVE);
        assertThat(settings.cacheStrategy()).isEqualTo(CacheStrategy.HYBRID);
        assertThat(settings.parallelEnabled()).isTrue();
        assertThat(settings.batchProcessing()).isTrue();
    }

    @Test
    void realTimeValidation() {
        settings.set("throttling", "false");
        Scenarios.apply("real_time_validation", settings);
        assertThat(settings.level()).isEqualTo(Level.MODERATE);
        assertThat(settings.cacheStrategy()).isEqualTo(CacheStrategy.MEMORY);
        assertThat(settings.requestThrottling()).isTrue();
    }

    @Test
    void batchProcessing() {
        settings.set("batching", "false");
        Scenarios.apply("batch_processing", settings);
        assertThat(settings.level()).isEqualTo(Level.BASIC);
        assertThat(settings.cacheStrategy()).isEqualTo(CacheStrategy.DISK);
        assertThat(settings.batchProcessing()).isTrue();
    }

    @Test
    void apiHeavyWorkloadSaysConnectionPoolingIsTheHostsConcern() {
        settings.set("throttling", "false");
        settings.set("batching", "false");
        String applied = Scenarios.apply("API_HEAVY_WORKLOAD", settings);
        assertThat(settings.requestThrottling()).isTrue();
        assertThat(settings.batchProcessing()).isTrue();
        assertThat(settings.level()).isEqualTo(Level.MODERATE);
        assertThat(applied).contains("REQUEST_THROTTLING=true", "BATCH_PROCESSING=true", "connection pooling");
    }

    @Test
    void anUnknownNameListsTheAcceptedOnesAndChangesNothing() {
        List<String> changes = new ArrayList<>();
        settings.addListener((setting, old, now) -> changes.add(setting.key()));
        assertThatThrownBy(() -> Scenarios.apply("warp", settings)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown scenario 'warp': expected one of large_repository_analysis, real_time_validation,"
                        + " batch_processing, api_heavy_workload");
        assertThat(changes).isEmpty();
    }
}
