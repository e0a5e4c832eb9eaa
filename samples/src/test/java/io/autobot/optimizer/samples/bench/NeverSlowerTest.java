package io.autobot.optimizer.samples.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.autobot.optimizer.samples.pipeline.WorkCounters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NeverSlowerTest {

    private final List<Configuration> configurations = BenchmarkRunner.quickConfigurations();

    /** Three runs of a configuration, every operation taking the given milliseconds (and the session their sum). */
    private static List<Map<String, String>> runs(double... searchMillis) {
        List<Map<String, String>> runs = new ArrayList<>();
        for (double search : searchMillis) {
            Map<String, String> run = new LinkedHashMap<>();
            double total = 0;
            for (String operation : WorkCounters.OPERATIONS) {
                double millis = operation.equals(WorkCounters.SEARCH) ? search : 1000;
                run.put("op." + operation + ".ms", String.valueOf(millis));
                total += millis;
            }
            run.put("total.ms", String.valueOf(total));
            runs.add(run);
        }
        return runs;
    }

    private Report report(double... agentSearchMillis) {
        Map<String, List<Map<String, String>>> runs = new LinkedHashMap<>();
        runs.put("without", runs(1000, 1000, 1000));
        for (Configuration configuration : configurations) {
            if (configuration.agent()) {
                runs.put(configuration.name(), runs(agentSearchMillis));
            }
        }
        return new Report(configurations, runs);
    }

    @Test
    void aRowWithinTheNoiseOfTheRunsWithoutTheAgentPasses() {
        // the median 1120 ms is within 10% + 30 ms of 1000 ms; one slow repetition does not count
        assertThat(NeverSlower.slowerRows(report(900, 1120, 5000), configurations)).isEmpty();
    }

    @Test
    void aRowWhoseMedianIsSlowerThanTheNoiseAllowsFailsNamingTheConfigurationAndTheRow() {
        List<String> slower = NeverSlower.slowerRows(report(1200, 1200, 900), configurations);

        assertThat(slower).hasSize(3).first().asString()
                .isEqualTo("moderate, Search: 1200 ms with the agent against 1000 ms without");
    }
}
