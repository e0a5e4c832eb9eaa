package io.autobot.optimizer.cli.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.autobot.optimizer.api.AgentNotAttachedException;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommandShellTest {

    /** A back end that keeps its settings in a map and records the operations called. */
    static final class MapBackend implements OptimizerBackend {
        final Map<String, Object> settings = new LinkedHashMap<>();
        final List<String> calls = new ArrayList<>();
        boolean attached = true;
        boolean gone;

        MapBackend() {
            settings.put("OptimizationLevel", "moderate");
            settings.put("CacheStrategy", "hybrid");
            settings.put("MaxWorkers", 4);
            settings.put("MaxRequestsPerSecond", 100.0);
        }

        private void check() {
            if (gone) {
                throw new TargetUnavailableException("gone", null);
            }
            if (!attached) {
                throw new AgentNotAttachedException("agent not attached to process 7");
            }
        }

        @Override
        public String target() {
            return "process 7";
        }

        @Override
        public Map<String, Object> settings() {
            check();
            return settings;
        }

        @Override
        public void set(String attribute, String value) {
            check();
            if (attribute.equals("OptimizationLevel") && !List.of("basic", "moderate", "aggressive").contains(value)) {
                throw new IllegalArgumentException("OPTIMIZATION_LEVEL='" + value + "' is not accepted");
            }
            settings.put(attribute, value);
        }

        @Override
        public Map<String, Object> performanceReport() {
            check();
            return Map.of("summary", Map.of("total_calls", 12L, "hit_rate", 0.75));
        }

        @Override
        public Map<String, Object> cacheStatistics() {
            check();
            return Map.of("memory", Map.of("size", 3L));
        }

        @Override
        public List<String> recommendations() {
            check();
            return List.of("raise CACHE_SIZE: the hit rate is 20%");
        }

        @Override
        public void clearCache() {
            check();
            calls.add("clearCache");
        }

        @Override
        public void applyScenario(String scenario) {
            check();
            calls.add("applyScenario " + scenario);
        }

        @Override
        public String exportPerformanceData(String file, String format) {
            check();
            calls.add("export " + file + (format == null ? "" : " as " + format));
            return "/exports/" + file;
        }

        @Override
        public String applyToFleet(String attribute, String value) {
            set(attribute, value);
            calls.add("fleet " + attribute + "=" + value);
            return attribute + " = " + value + " here and published";
        }

        @Override
        public String clearFleetCache() {
            check();
            calls.add("fleet clearCache");
            return "cleared here and published";
        }

        @Override
        public List<Map<String, Object>> fleet() {
            check();
            return List.of(Map.of("host", "b", "pid", "12", "version", "1", "level", "basic", "strategy", "memory",
                    "hitRate", "0.5", "callsPerSecond", "3", "lastSeen", "0"),
                    Map.of("host", "a", "pid", "7", "version", "1", "level", "basic", "strategy", "memory",
                    "hitRate", "0.25", "callsPerSecond", "1.5", "lastSeen", "0"));
        }
    }

    private final MapBackend backend = new MapBackend();
    private final StringWriter output = new StringWriter();
    private final CommandShell shell = new CommandShell(backend, new PrintWriter(output));

    private String run(String input) throws Exception {
        int status = shell.run(new BufferedReader(new StringReader(input)));
        assertThat(status).isEqualTo(backend.gone ? 1 : 0);
        return output.toString();
    }

    @Test
    void runsTheGuidesCommands() throws Exception {
        String text = run("optimize level aggressive\noptimize cache memory\noptimize status\noptimize report\n"
                + "optimize recommendations\noptimize clear-cache\nexit\n");
        assertThat(text).startsWith(CommandShell.PROMPT)
                .contains("OptimizationLevel = aggressive")
                .contains("CacheStrategy = memory")
                .contains("AutoBot Optimizer in process 7")
                .containsPattern("OptimizationLevel\\s+aggressive")
                .contains("MaxRequestsPerSecond  100")
                .contains("Performance report of process 7")
                .contains("    total_calls: 12")
                .contains("    hit_rate: 0.75")
                .contains("1. raise CACHE_SIZE: the hit rate is 20%")
                .contains("Every cache tier is empty.");
        assertThat(backend.calls).containsExactly("clearCache");
        assertThat(text.split(CommandShell.PROMPT, -1)).hasSize(8); // one prompt per line read
    }

    @Test
    void takesTheRestWithOrWithoutTheOptimizeWord() throws Exception {
        String text = run("workers 8\noptimize rate 50\nscenario batch_processing\nexport perf.json\n"
                + "set batchsize 20\nquit\n");
        assertThat(backend.settings).containsEntry("MaxWorkers", "8").containsEntry("MaxRequestsPerSecond", "50")
                .containsEntry("BatchSize", "20");
        assertThat(backend.calls).containsExactly("applyScenario batch_processing", "export perf.json");
        assertThat(text).contains("Scenario batch_processing applied:")
                .contains("Performance data written to /exports/perf.json");
    }

    @Test
    void exportTakesAFormatAfterTheFileAndRefusesOneItDoesNotKnow() throws Exception {
        String text = run("export perf.html --format HTML\nexport --format json perf.json\nexport page.html\n"
                + "export perf.xml --format xml\nexport perf.json --format\n");
        assertThat(backend.calls).containsExactly("export perf.html as html", "export perf.json as json",
                "export page.html");
        assertThat(text).contains("--format 'xml' is not a format: expected json or html")
                .contains("--format needs a value: <json|html>");
    }

    @Test
    void fleetSendsTheChangeThroughTheTargetsFleetOperationsAndListsTheFleet() throws Exception {
        String text = run("level aggressive --fleet\nclear-cache --FLEET\nlevel basic\nstatus --fleet\nfleet\n");
        assertThat(backend.calls).containsExactly("fleet OptimizationLevel=aggressive", "fleet clearCache");
        assertThat(backend.settings).containsEntry("OptimizationLevel", "basic");
        assertThat(text).contains("Fleet: OptimizationLevel = aggressive here and published\n")
                .contains("Fleet: cleared here and published\n")
                .contains("usage: optimize status"); // status changes nothing: no --fleet
        assertThat(text.indexOf("a     7")).as(text).isPositive().isLessThan(text.indexOf("b     12"));
        assertThat(text).contains("25.0%").contains("HOST  PID");
    }

    @Test
    void reportsBadInputOnOneLineAndGoesOn() throws Exception {
        String text = run("optimize level turbo\noptimize level\nfrobnicate now\n\nhelp level\noptimize status\n");
        assertThat(text).contains("error: OPTIMIZATION_LEVEL='turbo' is not accepted\n")
                .contains("usage: optimize level <basic|moderate|aggressive> [--fleet]\n")
                .contains("unknown command 'frobnicate now': type help for the list\n")
                .contains("optimize level <basic|moderate|aggressive> [--fleet]\n  set the optimization level\n")
                .contains("AutoBot Optimizer in process 7");
    }

    @Test
    void saysWhenTheAgentIsNotAttached() throws Exception {
        backend.attached = false;
        assertThat(run("optimize status\n")).contains("error: agent not attached to process 7");
    }

    @Test
    void endsWhenTheTargetIsGone() throws Exception {
        backend.gone = true;
        String text = run("optimize status\noptimize report\n");
        assertThat(text).contains("process 7 has exited or cannot be reached any more; the shell ends")
                .doesNotContain("Performance report");
        assertThat(shell.targetGone()).isTrue();
    }

    @Test
    void listsEveryCommandInHelp() throws Exception {
        String text = run("help\n");
        for (String command : List.of("status", "report", "recommendations", "level", "cache", "workers", "rate",
                "scenario", "clear-cache", "export", "set")) {
            assertThat(text).contains("optimize " + command);
        }
        assertThat(text).contains("exit | quit");
    }

    @Test
    void completesCommandsAndValues() {
        assertThat(shell.complete(List.of())).contains("optimize", "help", "exit", "level", "clear-cache");
        assertThat(shell.complete(List.of("optimize"))).contains("level", "cache", "scenario").doesNotContain("optimize");
        assertThat(shell.complete(List.of("optimize", "level"))).containsExactly("basic", "moderate", "aggressive");
        assertThat(shell.complete(List.of("cache"))).containsExactly("memory", "disk", "hybrid", "distributed");
        assertThat(shell.complete(List.of("optimize", "scenario"))).contains("api_heavy_workload");
        assertThat(shell.complete(List.of("optimize", "level", "basic"))).isEmpty();
    }
}
