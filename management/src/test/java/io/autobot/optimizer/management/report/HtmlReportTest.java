package io.autobot.optimizer.management.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlReportTest {

    private static final String HOSTILE = "Evil.<script>alert('x')</script>&\"q\"";

    @Test
    void namesFromTheHostAreEscapedEverywhere() {
        Map<String, Object> document = document(Map.of(HOSTILE, figures(0.002, 0.010, 0.020, 1.5)),
                List.of("Raise <b>CACHE_SIZE</b> & see"), List.of("<img src=x onerror=alert(1)>"));
        String page = HtmlReport.render(document);
        assertThat(page).doesNotContain("<script").doesNotContain("<b>").doesNotContain("<img")
                .contains("Evil.&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;&quot;q&quot;")
                .contains("Raise &lt;b&gt;CACHE_SIZE&lt;/b&gt; &amp; see")
                .contains("&lt;img src=x onerror=alert(1)&gt;");
    }

    @Test
    void anEmptyDocumentIsAPageThatSaysNothingWasMeasured() {
        String page = HtmlReport.render(Map.of());
        assertThat(page).startsWith("<!DOCTYPE html>").endsWith("</html>\n")
                .contains("No optimized operation has been called yet", "No active alerts", "No recommendations",
                        "Nothing measured yet", "No readings yet");
        assertThat(count(page, "<svg ")).isEqualTo(5);
        assertThat(page).doesNotContain("NaN").doesNotContain("Infinity");
    }

    @Test
    void figuresNotMeasuredReadNotAvailableNeverNaN() {
        Map<String, Object> document = document(Map.of("Service.slow", figures(Double.NaN, Double.NaN, 0.5,
                Double.NaN)), List.of(), List.of());
        Map<String, Object> hour = new LinkedHashMap<>();
        hour.put("minute", "2026-12-03T17:00:00Z");
        hour.put("calls", 12L);
        hour.put("cache_hit_rate", Double.NaN);
        hour.put("cpu_usage", null);
        document.put("last_hour", List.of(hour));
        String page = HtmlReport.render(document);
        assertThat(page).doesNotContain("NaN").doesNotContain("Infinity").contains("n/a").contains("500.0 ms");
        assertThat(page).containsPattern("<rect[^>]*><title>calls: 12</title>");
    }

    @Test
    void chartsNameTheOperationsWithTheirFiguresAsText() throws Exception {
        Map<String, Object> operations = new LinkedHashMap<>();
        operations.put("CatalogService.lookup", figures(0.0004, 0.0021, 0.0150, 12.4));
        operations.put("PriceService.quote", figures(0.120, 0.340, 0.910, -0.2));
        Map<String, Object> document = document(operations, List.of("Consider a larger cache"),
                List.of("Low cache hit rate 0.16"));
        String page = HtmlReport.render(document);
        String charts = String.join("\n", between(page, "<svg ", "</svg>"));
        assertThat(charts).contains("CatalogService.lookup", "PriceService.quote", "400 µs", "910.0 ms", "12.40 s",
                "-200.0 ms");
        assertThat(page).contains("<li>Consider a larger cache</li>", "Low cache hit rate 0.16");
        assertThat(page).doesNotContainPattern("(src|href)\\s*=").doesNotContain("http://").doesNotContain("https://");
        Path sample = Path.of("target", "html-report", "sample.html");
        Files.createDirectories(sample.getParent());
        Files.writeString(sample, page); // to open in a browser and look at
    }

    @Test
    void operationsNotCalledAreNamedButNotCharted() {
        Map<String, Object> idle = figures(0, 0, 0, 0);
        idle.put("calls", 0L);
        Map<String, Object> operations = new LinkedHashMap<>();
        operations.put("Busy.work", figures(0.001, 0.002, 0.003, 0.5));
        operations.put("Idle.never", idle);
        String page = HtmlReport.render(document(operations, List.of(), List.of()));
        String charts = String.join("\n", between(page, "<svg ", "</svg>"));
        assertThat(charts).contains(">Busy.work</text>").doesNotContain("Idle.never");
        assertThat(page).contains("Not called yet, so not in the charts: Idle.never.")
                .contains("<tr><td>Idle.never</td><td>0</td><td>-</td><td>-</td><td>-</td>");
    }

    private static Map<String, Object> document(Map<String, ?> operations, List<String> recommendations,
            List<String> alerts) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("agent", "AutoBot Optimizer");
        document.put("version", "0.1.0-test");
        document.put("generated_at", "2026-12-03T18:00:00Z");
        document.put("settings", Map.of("CACHE_STRATEGY", "hybrid", "CACHE_SIZE", "1000"));
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("avg_execution_time", 0.0123);
        summary.put("overall_cache_hit_rate", 0.8);
        summary.put("avg_memory_usage", 41.5);
        summary.put("avg_cpu_usage", 23.0);
        summary.put("throughput", 17.25);
        summary.put("time_saved", 12.2);
        summary.put("p95_execution_time", 0.3);
        summary.put("total_calls", 1234L);
        summary.put("errors", 0L);
        summary.put("operations", (double) operations.size());
        summary.put("period", 95.0);
        document.put("summary", summary);
        document.put("operations", operations);
        Map<String, Object> memory = new LinkedHashMap<>();
        memory.put("entries", 10L);
        memory.put("capacity", 1000L);
        memory.put("utilization", 0.01);
        memory.put("hits", 80L);
        memory.put("misses", 20L);
        memory.put("hit_rate", 0.8);
        memory.put("evictions", 0L);
        memory.put("bytes_on_disk", -1L);
        document.put("cache_statistics", Map.of("memory_cache", memory, "single_flight", Map.of("waits", 3L,
                "waits_timed_out", 0L, "waits_interrupted", 0L)));
        document.put("system", Map.of("source", "oshi", "system_cpu_usage", 31.0, "process_cpu_usage", 4.0,
                "memory_total", 8.0e9, "memory_usage", 40.0, "heap_usage", 12.0));
        document.put("recommendations", recommendations);
        document.put("active_alerts", alerts);
        List<Map<String, Object>> hour = new ArrayList<>();
        for (int minute = 0; minute < 25; minute++) {
            Map<String, Object> reading = new LinkedHashMap<>();
            reading.put("minute", "2026-12-03T17:" + (10 + minute) + ":00Z");
            reading.put("calls", 40L + minute * 3);
            reading.put("cache_hit_rate", Math.min(0.95, 0.2 + minute * 0.03));
            reading.put("cpu_usage", 20.0 + minute % 5);
            reading.put("process_cpu_usage", 3.0 + minute % 3);
            reading.put("memory_usage", 40.0);
            reading.put("heap_usage", 10.0 + minute);
            hour.add(reading);
        }
        document.put("last_hour", hour);
        return document;
    }

    private static Map<String, Object> figures(double p50, double p95, double p99, double saved) {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("avg_execution_time", p50);
        figures.put("p50_execution_time", p50);
        figures.put("p95_execution_time", p95);
        figures.put("p99_execution_time", p99);
        figures.put("cache_hit_rate", 0.75);
        figures.put("time_saved", saved);
        figures.put("calls", 100.0);
        figures.put("errors", 0.0);
        return figures;
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }

    private static List<String> between(String text, String start, String end) {
        List<String> parts = new ArrayList<>();
        Matcher matcher = Pattern.compile(Pattern.quote(start) + "(.*?)" + Pattern.quote(end), Pattern.DOTALL)
                .matcher(text);
        while (matcher.find()) {
            parts.add(matcher.group(1));
        }
        return parts;
    }
}
