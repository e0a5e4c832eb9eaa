package io.autobot.optimizer.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.autobot.optimizer.it.support.ChildJvm;
import io.autobot.optimizer.samples.app.Launcher;
import io.autobot.optimizer.samples.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample application in child JVMs: its pipeline gives the same results with and without the
 * agent (a differential test on a small corpus, the sample's own sources), and
 * {@code benchmark --quick} prints its tables and writes its JSON (shape only, never speed).
 */
class SampleAppIT {

    private static final List<String> OPERATIONS = List.of("component_analysis", "pattern_validation",
            "api_validation", "search", "multi_layer_validation");

    @TempDir
    static Path workDir;

    private static Path corpus;
    private static ChildJvm.Result without;
    private static ChildJvm.Result with;
    private static ChildJvm.Result benchmark;
    private static ChildJvm.Result mainJob;

    @BeforeAll
    static void runTheSample() throws Exception {
        corpus = Path.of("../../samples/src/main/java").toAbsolutePath().normalize();
        without = workload(ChildJvm.of(Launcher.class), "without.txt");
        with = workload(ChildJvm.of(Launcher.class).withAgent("level=aggressive,cache=memory"), "with.txt");
        // the README's main job: the sample with the agent, no arguments, printing the agent's report
        mainJob = ChildJvm.of(Launcher.class).withAgent().env("DISK_CACHE_PATH", workDir.resolve("cache").toString())
                .workDir(workDir).run();
        benchmark = ChildJvm.of(Launcher.class).workDir(workDir).timeoutSeconds(600)
                .args("benchmark", "--quick", "--repetitions", "1", "--corpus", corpus.toString(), "--agent",
                        ChildJvm.agentJar().toString(),
                        "--json", workDir.resolve("benchmark.json").toString())
                .run();
    }

    private static ChildJvm.Result workload(ChildJvm jvm, String resultsFile) throws Exception {
        return jvm.workDir(workDir).args("workload", "--corpus", corpus.toString(), "--prompts", "2", "--rounds", "2",
                "--components", "5", "--results", workDir.resolve(resultsFile).toString()).run();
    }

    @Test
    void thePipelineGivesTheSameResultsWithAndWithoutTheAgent() throws Exception {
        assertThat(without.exitCode()).as(without.toString()).isZero();
        assertThat(with.exitCode()).as(with.toString()).isZero();
        String expected = Files.readString(workDir.resolve("without.txt"));
        assertThat(expected).contains("== component_analysis").contains("== multi_layer_validation");
        assertThat(Files.readString(workDir.resolve("with.txt"))).isEqualTo(expected);
        for (String operation : OPERATIONS) {
            assertThat(with.value("digest." + operation)).isEqualTo(without.value("digest." + operation));
        }
    }

    @Test
    void theAgentReallyRanAndAnsweredRepeatsFromItsCache() {
        assertThat(with.stderr()).contains("AutoBot Optimizer").contains("level=aggressive");
        for (String operation : OPERATIONS) {
            long requested = Long.parseLong(with.value("op." + operation + ".requested"));
            assertThat(without.value("op." + operation + ".computed")).as(operation).isEqualTo(String.valueOf(requested));
            assertThat(Long.parseLong(with.value("op." + operation + ".computed"))).as(operation)
                    .isPositive().isLessThanOrEqualTo(requested / 2); // every prompt ran twice
        }
    }

    @Test
    void theRoundsTimesAddUpToEachOperationsTime() {
        for (ChildJvm.Result run : List.of(without, with)) {
            for (String operation : OPERATIONS) {
                double rounds = Double.parseDouble(run.value("op." + operation + ".round.1.ms"))
                        + Double.parseDouble(run.value("op." + operation + ".round.2.ms"));
                assertThat(rounds).as(operation).isCloseTo(Double.parseDouble(run.value("op." + operation + ".ms")),
                        org.assertj.core.data.Offset.offset(0.01));
            }
        }
    }

    @Test
    void theMainJobPrintsTheAgentsReportWithSystemFigures() {
        assertThat(mainJob.exitCode()).as(mainJob.toString()).isZero();
        assertThat(mainJob.stdout()).contains("agent_attached: true").contains("overall_cache_hit_rate");
        // the first read of the report waits for the first system sample: numbers, not NaN
        assertThat(mainJob.stdout()).containsPattern("avg_memory_usage: \\d")
                .containsPattern("avg_cpu_usage: \\d").doesNotContain("NaN");
    }

    @Test
    void theMainJobSaysOnceWhereItWritesAndNothingPerMethodNorAMisleadingAlert() {
        List<String> agentLines = mainJob.stderr().lines().filter(line -> line.contains("io.autobot.optimizer"))
                .toList();
        assertThat(agentLines).as(mainJob.toString()).filteredOn(line -> line.contains("started (premain"))
                .singleElement().asString().contains("writes its disk cache to " + workDir.resolve("cache"))
                .contains("exports to " + workDir.resolve("exports"));
        // a receiver that cannot be serialized (none of the sample's cached methods is keyed by one): one line for all
        assertThat(agentLines).as(mainJob.toString()).noneMatch(line -> line.contains("cached in memory only"))
                .filteredOn(line -> line.contains("cannot be serialized")).hasSizeLessThanOrEqualTo(1);
        assertThat(agentLines).filteredOn(line -> line.startsWith("INFO")).hasSizeLessThanOrEqualTo(2);
        // a few dozen results in a cache of 1000: a low hit rate is no reason for a larger cache
        assertThat(mainJob.stderr()).doesNotContain("Low cache hit rate").doesNotContain("the hybrid strategy");
    }

    @Test
    void benchmarkPrintsTheGuidesTables() {
        // 3: a row was slower with the agent; one repetition is too few for that gate (the CI runs five)
        assertThat(benchmark.exitCode()).as(benchmark.toString()).isIn(0, 3);
        String out = benchmark.stdout();
        assertThat(out).contains("[ 1/4] without").contains("[ 4/4] disk-warm");
        assertThat(out).contains("| Operation | Without Optimization | With Optimization | Improvement |");
        for (String label : List.of("Component Analysis", "Pattern Validation", "API Validation", "Search",
                "Multi-Layer Validation")) {
            assertThat(out).containsPattern("\\| " + label
                    + " \\| \\d+\\.\\d{3} s \\(\\d+\\.\\d{3}\\.\\.\\d+\\.\\d{3}\\) \\| \\d+\\.\\d{3} s \\(.+\\) \\| (\\d+% (faster|slower)|no change) \\|");
        }
        assertThat(out).contains("| Cache Strategy | Memory Usage (heap) |").containsPattern("\\| Disk Only \\| \\d+\\.\\d MB")
                .containsPattern("\\| Hybrid \\| ");
        assertThat(out).contains("| Operation | Configuration | cache | parallel | disk |");
        assertThat(out).contains("Results: identical in every run of every configuration");
    }

    @Test
    void benchmarkWritesItsMeasurementsAsJson() throws Exception {
        Map<String, Object> json = map(Json.parse(Files.readString(workDir.resolve("benchmark.json"))));

        assertThat(json.get("quick")).isEqualTo(true);
        assertThat(json.get("results_identical")).isEqualTo(true);
        List<Object> table = list(json.get("table"));
        assertThat(table).extracting(row -> map(row).get("key")).containsExactlyElementsOf(OPERATIONS);
        for (Object row : table) {
            assertThat(map(map(row).get("without_ms")).get("median")).isInstanceOf(Double.class);
            assertThat((Double) map(map(row).get("with_ms")).get("median")).isPositive();
            assertThat(map(row).get("improvement_percent")).isInstanceOf(Double.class);
        }
        Map<String, Object> configurations = map(json.get("configurations"));
        assertThat(configurations.keySet()).containsExactly("without", "moderate", "disk", "disk-warm");
        Map<String, Object> warm = map(configurations.get("disk-warm"));
        assertThat(warm.get("warm_restart")).isEqualTo(true);
        assertThat(map(warm.get("env")).get("CACHE_STRATEGY")).isEqualTo("disk");
        assertThat(map(warm.get("operations_ms")).keySet()).containsExactlyElementsOf(OPERATIONS);
        List<Object> memory = list(json.get("memory"));
        assertThat(memory).extracting(row -> map(row).get("configuration"))
                .containsExactly("without", "disk", "moderate");
        assertThat(memory).allSatisfy(row -> assertThat((Double) map(map(row).get("heap_used_bytes")).get("median"))
                .isPositive());
    }

    @Test
    void benchmarkWritesItsTablesAsAPageBesideTheJson() throws Exception {
        Path page = workDir.resolve("benchmark.html");
        assertThat(benchmark.stdout()).contains("Page written to " + page);
        String html = Files.readString(page);
        assertThat(html).startsWith("<!DOCTYPE html>").doesNotContain("<script").doesNotContain("http://")
                .doesNotContain("https://");
        assertThat(html.split("<svg ", -1)).hasSizeGreaterThanOrEqualTo(4); // three charts at least
        for (Object row : list(map(Json.parse(Files.readString(workDir.resolve("benchmark.json")))).get("table"))) {
            assertThat(html).contains(">" + map(row).get("operation") + "</text>");
        }
        assertThat(html).contains("Identical in every run of every configuration");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        assertThat(value).isInstanceOf(List.class);
        return (List<Object>) value;
    }
}
