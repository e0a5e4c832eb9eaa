package io.autobot.optimizer.samples.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatsTest {

    @Test
    void medianAndRange() {
        Stats odd = Stats.of(List.of(5.0, 1.0, 3.0));
        Stats even = Stats.of(List.of(4.0, 1.0, 3.0, 10.0));

        assertThat(odd.median()).isEqualTo(3.0);
        assertThat(even.median()).isEqualTo(3.5);
        assertThat(even.min()).isEqualTo(1.0);
        assertThat(even.max()).isEqualTo(10.0);
        assertThat(even.samples()).containsExactly(4.0, 1.0, 3.0, 10.0);
    }

    @Test
    void improvementIsTheShareOfTimeSaved() {
        Stats without = Stats.of(List.of(10.0));

        assertThat(Stats.improvementPercent(without, Stats.of(List.of(4.0)))).isEqualTo(60.0);
        assertThat(Stats.improvementPercent(without, Stats.of(List.of(15.0)))).isEqualTo(-50.0);
        assertThat(BenchmarkRunner.improvement(60.4)).isEqualTo("60% faster");
        assertThat(BenchmarkRunner.improvement(-50)).isEqualTo("50% slower");
        assertThat(BenchmarkRunner.improvement(-0.2)).isEqualTo("no change");
        assertThat(BenchmarkRunner.seconds(Stats.of(List.of(1500.0, 1000.0, 2000.0)))).isEqualTo("1.500 s (1.000..2.000)");
    }

    @Test
    void theConfigurationsCoverTheIssue() {
        assertThat(BenchmarkRunner.configurations()).extracting(Configuration::name)
                .containsExactly("without", "basic", "moderate", "aggressive", "memory", "disk", "disk-warm",
                        "hybrid-warm");
        assertThat(BenchmarkRunner.configurations()).filteredOn(configuration -> configuration.name().startsWith("disk"))
                .extracting(Configuration::diskPath).containsOnly("shared");
    }
}
