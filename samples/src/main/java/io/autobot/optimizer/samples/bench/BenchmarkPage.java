package io.autobot.optimizer.samples.bench;

import static io.autobot.optimizer.protocol.html.DocumentValues.list;
import static io.autobot.optimizer.protocol.html.DocumentValues.map;
import static io.autobot.optimizer.protocol.html.DocumentValues.number;
import static io.autobot.optimizer.protocol.html.DocumentValues.strings;
import static io.autobot.optimizer.protocol.html.DocumentValues.text;

import io.autobot.optimizer.protocol.html.BarChart;
import io.autobot.optimizer.protocol.html.HtmlPage;
import io.autobot.optimizer.protocol.html.Units;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The benchmark's tables as one self-contained HTML page with SVG charts, written beside its JSON
 * and rendered from the same document ({@link Report#toJson}), with the page writer the agent's
 * {@code export --format html} uses: session time per operation with and without the agent, the
 * change per configuration, memory and disk per cache strategy, and whether the results agreed.
 */
final class BenchmarkPage {

    private BenchmarkPage() {
    }

    /** The page of the benchmark's JSON document. */
    static String render(Map<String, ?> document) {
        Map<String, ?> machine = map(document.get("machine"));
        Map<String, ?> workload = map(document.get("workload"));
        HtmlPage page = new HtmlPage("AutoBot sample benchmark");
        page.subtitle((Boolean.TRUE.equals(document.get("quick")) ? "Quick run, " : "") + text(document.get("repetitions"))
                + " repetitions per configuration, each in a child JVM; " + text(machine.get("cores")) + " cores, Java "
                + text(machine.get("java")) + ", " + text(machine.get("os")) + "; corpus of "
                + text(workload.get("corpus_files")) + " Java files.");
        List<?> table = list(document.get("table"));
        guide(page, table);
        byConfiguration(page, table, map(document.get("configurations")));
        memory(page, list(document.get("memory")));
        page.heading("Results");
        List<String> differences = strings(document.get("differences"));
        page.paragraph(Boolean.TRUE.equals(document.get("results_identical"))
                ? "Identical in every run of every configuration (digests of all five operations' results)."
                : "Results differ from the run without the agent in:");
        if (!differences.isEmpty() || !Boolean.TRUE.equals(document.get("results_identical"))) {
            page.list(differences, "alerts", "No result compared.");
        }
        page.footer("Written from the same document as the benchmark's JSON file. Times are medians over the"
                + " repetitions; the range is in the JSON file.");
        return page.render();
    }

    private static void guide(HtmlPage page, List<?> table) {
        page.heading("Session time per operation");
        BarChart chart = new BarChart("Session time per operation, median: without and with the agent (moderate)",
                List.of("without the agent", "with the agent"), Units::duration);
        List<List<String>> rows = new ArrayList<>();
        for (Object item : table) {
            Map<String, ?> row = map(item);
            double without = median(row.get("without_ms")) / 1000;
            double with = median(row.get("with_ms")) / 1000;
            chart.row(text(row.get("operation")), without, with);
            rows.add(List.of(text(row.get("operation")), Units.duration(without), Units.duration(with),
                    change(number(row.get("improvement_percent")))));
        }
        page.chart(chart);
        page.table(List.of("Operation", "Without optimization", "With optimization", "Improvement"), rows);
    }

    private static void byConfiguration(HtmlPage page, List<?> table, Map<String, ?> configurations) {
        List<String> names = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        configurations.forEach((name, value) -> {
            if (Boolean.TRUE.equals(map(value).get("agent"))) {
                names.add(name);
                labels.add(text(map(value).get("label")));
            }
        });
        if (names.isEmpty()) {
            return;
        }
        page.heading("By configuration");
        BarChart chart = new BarChart("Time saved per operation against the run without the agent (percent)",
                labels, BenchmarkPage::change);
        for (Object item : table) {
            Map<String, ?> improvement = map(map(item).get("improvement_percent_by_configuration"));
            double[] values = new double[names.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = number(improvement.get(names.get(i)));
            }
            chart.row(text(map(item).get("operation")), values);
        }
        page.chart(chart);
        page.note("Positive: faster than without the agent; negative: slower.");
    }

    private static void memory(HtmlPage page, List<?> memory) {
        page.heading("Memory and disk per cache strategy");
        BarChart chart = new BarChart("Heap in use after a full GC at the end of the session, and bytes on disk",
                List.of("heap", "disk"), Units::bytes);
        List<List<String>> rows = new ArrayList<>();
        for (Object item : memory) {
            Map<String, ?> row = map(item);
            double heap = median(row.get("heap_used_bytes"));
            double disk = median(row.get("disk_used_bytes"));
            String strategy = "none".equals(row.get("strategy")) ? "(no agent)" : text(row.get("strategy"));
            chart.row(strategy, heap, disk);
            rows.add(List.of(strategy, Units.bytes(heap), Units.bytes(disk),
                    Units.duration(median(row.get("session_ms")) / 1000)));
        }
        page.chart(chart);
        page.table(List.of("Cache strategy", "Heap in use", "Disk", "Session time"), rows);
    }

    /** A change in percent with its sign: {@code +42 %}, {@code -3 %}. */
    private static String change(double percent) {
        return Double.isFinite(percent) ? String.format(Locale.ROOT, "%+.0f %%", percent) : Units.NOT_AVAILABLE;
    }

    private static double median(Object stats) {
        return number(map(stats).get("median"));
    }
}
