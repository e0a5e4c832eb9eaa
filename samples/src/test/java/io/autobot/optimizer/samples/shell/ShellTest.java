package io.autobot.optimizer.samples.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShellTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private final FakeControl control = new FakeControl();
    private final List<String> generated = new ArrayList<>();
    private final Shell shell = new Shell(control, out).command("generate", "generate <prompt>",
            (prompt, printer) -> generated.add(prompt));

    @Test
    void runsTheGuidesSession() throws Exception {
        shell.run(new BufferedReader(new StringReader("""
                optimize level aggressive
                optimize cache hybrid
                generate Create a web scraper with optimization
                exit
                optimize level basic
                """)));

        assertThat(control.level).isEqualTo("aggressive");
        assertThat(control.strategy).isEqualTo("hybrid");
        assertThat(generated).containsExactly("Create a web scraper with optimization");
        assertThat(output()).contains("AutoBot> optimization level: aggressive")
                .contains("AutoBot> cache strategy: hybrid");
    }

    @Test
    void theDebugCommandsPrintWhatTheBackEndKnows() {
        shell.execute("optimize status");
        shell.execute("optimize report");
        shell.execute("optimize recommendations");
        shell.execute("optimize clear-cache");
        shell.execute("optimize scenario batch_processing");
        shell.execute("optimize export perf.json");

        assertThat(output()).contains("optimization level: moderate").contains("memory:\n  hits: 3")
                .contains("summary:\n  avg_execution_time: 0.2500").contains("- raise CACHE_SIZE")
                .contains("every cache tier is empty").contains("scenario batch_processing applied")
                .contains("written to /exports/perf.json");
        assertThat(control.cleared).isTrue();
    }

    @Test
    void saysWhatIsWrongInOneLineAndGoesOn() {
        assertThat(shell.execute("optimize level fastest")).isTrue();
        assertThat(shell.execute("frobnicate")).isTrue();
        assertThat(shell.execute("optimize")).isTrue();
        assertThat(shell.execute("optimize scenario")).isTrue();

        assertThat(output().lines()).containsExactly(
                "error: OPTIMIZATION_LEVEL='fastest' is not accepted: expected one of basic, moderate, aggressive",
                "unknown command 'frobnicate'; type 'help' for the commands",
                "usage: optimize level|cache|status|report|recommendations|clear-cache|scenario|export",
                "error: name a scenario: one of [large_repository_analysis, real_time_validation, batch_processing,"
                        + " api_heavy_workload]");
    }

    @Test
    void endsAtEndOfInputAndListsItsCommands() throws Exception {
        shell.run(new BufferedReader(new StringReader("help\n")));

        assertThat(output()).contains("generate <prompt>").contains("optimize level [basic|moderate|aggressive]")
                .contains("exit");
        assertThat(shell.execute("quit")).isFalse();
    }

    private String output() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** A back end that records what the shell asked. */
    private static final class FakeControl implements OptimizerControl {
        String level = "moderate";
        String strategy = "memory";
        boolean cleared;

        @Override
        public String target() {
            return "a fake agent";
        }

        @Override
        public String optimizationLevel() {
            return level;
        }

        @Override
        public void setOptimizationLevel(String newLevel) {
            if (!List.of("basic", "moderate", "aggressive").contains(newLevel)) {
                throw new IllegalArgumentException("OPTIMIZATION_LEVEL='" + newLevel
                        + "' is not accepted: expected one of basic, moderate, aggressive");
            }
            level = newLevel;
        }

        @Override
        public String cacheStrategy() {
            return strategy;
        }

        @Override
        public void setCacheStrategy(String newStrategy) {
            strategy = newStrategy;
        }

        @Override
        public Map<String, Object> performanceReport() {
            return Map.of("summary", Map.of("avg_execution_time", 0.25));
        }

        @Override
        public Map<String, Object> cacheStatistics() {
            Map<String, Object> memory = new LinkedHashMap<>();
            memory.put("hits", 3L);
            return Map.of("memory", memory);
        }

        @Override
        public List<String> recommendations() {
            return List.of("raise CACHE_SIZE");
        }

        @Override
        public void clearCache() {
            cleared = true;
        }

        @Override
        public void applyScenario(String scenario) {
            level = "basic";
            strategy = "disk";
        }

        @Override
        public String exportPerformanceData(String fileName) {
            return "/exports/" + fileName;
        }
    }
}
