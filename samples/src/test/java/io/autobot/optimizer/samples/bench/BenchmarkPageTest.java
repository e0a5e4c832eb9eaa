package io.autobot.optimizer.samples.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchmarkPageTest {

    @Test
    void drawsTheTablesOfTheJsonDocumentAsCharts() throws Exception {
        String page = BenchmarkPage.render(document(true, List.of()));
        assertThat(page).startsWith("<!DOCTYPE html>").contains("<svg ").doesNotContain("<script")
                .doesNotContain("http://").doesNotContain("https://");
        assertThat(page).contains("Component analysis", "4.50 s", "10.0 ms", "+100 %", "+97 %", "Hybrid", "64.0 MB",
                "Identical in every run");
        Path sample = Path.of("target", "benchmark-page", "sample.html");
        Files.createDirectories(sample.getParent());
        Files.writeString(sample, page); // to open in a browser and look at
    }

    @Test
    void differencesAreListedAndEscaped() {
        String page = BenchmarkPage.render(document(false, List.of("moderate: <pattern> & co")));
        assertThat(page).contains("Results differ from the run without the agent in:")
                .contains("<li>moderate: &lt;pattern&gt; &amp; co</li>");
    }

    @Test
    void aDocumentWithoutFiguresIsStillAPage() {
        assertThat(BenchmarkPage.render(Map.of())).contains("</html>").contains("n/a").doesNotContain("NaN");
    }

    @Test
    void thePageIsNamedAfterTheJsonFile() {
        assertThat(BenchmarkRunner.page(Path.of("target", "bench.json"))).isEqualTo(Path.of("target", "bench.html"));
        assertThat(BenchmarkRunner.page(Path.of("out"))).isEqualTo(Path.of("out.html"));
    }

    private static Map<String, Object> document(boolean identical, List<String> differences) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("benchmark", "autobot-samples");
        document.put("quick", true);
        document.put("repetitions", 3);
        document.put("machine", Map.of("cores", 2, "java", "17.0.12", "os", "Linux amd64"));
        document.put("workload", Map.of("corpus_files", 212));
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("operation", "Component analysis");
        row.put("key", "component_analysis");
        row.put("without_ms", Map.of("median", 4500.0));
        row.put("with_ms", Map.of("median", 10.0));
        row.put("improvement_percent", 99.8);
        row.put("improvement_percent_by_configuration", Map.of("moderate", 99.8, "disk", 97.0));
        document.put("table", List.of(row));
        Map<String, Object> configurations = new LinkedHashMap<>();
        configurations.put("without", Map.of("label", "Without", "agent", false));
        configurations.put("moderate", Map.of("label", "Moderate (hybrid)", "agent", true));
        configurations.put("disk", Map.of("label", "Disk only", "agent", true));
        document.put("configurations", configurations);
        document.put("memory", List.of(
                Map.of("strategy", "none", "heap_used_bytes", Map.of("median", 60.0 * 1024 * 1024),
                        "disk_used_bytes", Map.of("median", 0), "session_ms", Map.of("median", 9000)),
                Map.of("strategy", "Hybrid", "heap_used_bytes", Map.of("median", 64.0 * 1024 * 1024),
                        "disk_used_bytes", Map.of("median", 2.0 * 1024 * 1024), "session_ms", Map.of("median", 100))));
        document.put("results_identical", identical);
        document.put("differences", differences);
        return document;
    }
}
