package io.autobot.optimizer.management.report;

import static io.autobot.optimizer.protocol.html.DocumentValues.list;
import static io.autobot.optimizer.protocol.html.DocumentValues.map;
import static io.autobot.optimizer.protocol.html.DocumentValues.number;
import static io.autobot.optimizer.protocol.html.DocumentValues.strings;
import static io.autobot.optimizer.protocol.html.DocumentValues.text;

import io.autobot.optimizer.protocol.html.BarChart;
import io.autobot.optimizer.protocol.html.HtmlPage;
import io.autobot.optimizer.protocol.html.TimeChart;
import io.autobot.optimizer.protocol.html.Units;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The export document (the map the JSON export writes) as a page to look at: key figures, the
 * alerts and recommendations, per-operation latency percentiles and time saved, calls and hit rate
 * per minute over the last hour, CPU and memory, the cache tiers and the settings. It reads only
 * the document, so the page and the JSON never disagree; a figure missing or not measured reads
 * "n/a".
 */
public final class HtmlReport {

    private static final List<String> PERCENTILES = List.of("p50", "p95", "p99");

    private HtmlReport() {
    }

    /** The page of {@code document} (keys as {@code ManagementPlane.exportDocument} writes them). */
    public static String render(Map<String, ?> document) {
        Map<String, ?> summary = map(document.get("summary"));
        Map<String, ?> operations = map(document.get("operations"));
        HtmlPage page = new HtmlPage("AutoBot Optimizer report");
        page.subtitle("Generated " + time(document.get("generated_at")) + " by AutoBot Optimizer "
                + text(document.get("version")) + ", over " + Units.duration(number(summary.get("period")))
                + " of measurements.");
        page.tiles(keyFigures(summary));
        page.heading("Alerts");
        page.list(strings(document.get("active_alerts")), "alerts", "No active alerts.");
        page.heading("Recommendations");
        page.list(strings(document.get("recommendations")), "items", "No recommendations.");
        operations(page, operations);
        lastHour(page, list(document.get("last_hour")));
        system(page, summary, map(document.get("system")));
        caches(page, map(document.get("cache_statistics")));
        settings(page, map(document.get("settings")));
        page.footer("Written from the same document as the JSON export. Durations are per call; "
                + "a figure that could not be measured reads " + Units.NOT_AVAILABLE + ".");
        return page.render();
    }

    private static Map<String, String> keyFigures(Map<String, ?> summary) {
        Map<String, String> tiles = new LinkedHashMap<>();
        tiles.put("Calls", Units.count(number(summary.get("total_calls"))));
        tiles.put("Cache hit rate", Units.percent(number(summary.get("overall_cache_hit_rate")) * 100));
        tiles.put("Time saved", Units.duration(number(summary.get("time_saved"))));
        tiles.put("Average call", Units.duration(number(summary.get("avg_execution_time"))));
        tiles.put("95th percentile", Units.duration(number(summary.get("p95_execution_time"))));
        double throughput = number(summary.get("throughput"));
        tiles.put("Throughput (last minute)", Double.isFinite(throughput)
                ? String.format(Locale.ROOT, "%.1f calls/s", throughput) : Units.NOT_AVAILABLE);
        tiles.put("Errors", Units.count(number(summary.get("errors"))));
        tiles.put("Operations", Units.count(number(summary.get("operations"))));
        return tiles;
    }

    private static void operations(HtmlPage page, Map<String, ?> operations) {
        page.heading("Operations");
        BarChart latency = new BarChart("Latency per operation: 50th, 95th and 99th percentile", PERCENTILES,
                Units::duration);
        BarChart saved = new BarChart("Time saved per operation (negative: added)", List.of("time saved"),
                Units::duration);
        List<List<String>> rows = new ArrayList<>();
        List<String> notCalled = new ArrayList<>();
        operations.forEach((name, value) -> {
            Map<String, ?> figures = map(value);
            if (number(figures.get("calls")) == 0) {
                notCalled.add(name); // no call, no latency: a bar of zero would say it is instant
            } else {
                latency.row(name, number(figures.get("p50_execution_time")),
                        number(figures.get("p95_execution_time")), number(figures.get("p99_execution_time")));
                saved.row(name, number(figures.get("time_saved")));
            }
            boolean called = number(figures.get("calls")) != 0;
            rows.add(List.of(name, Units.count(number(figures.get("calls"))),
                    called ? Units.percent(number(figures.get("cache_hit_rate")) * 100) : "-",
                    called ? Units.duration(number(figures.get("avg_execution_time"))) : "-",
                    called ? Units.duration(number(figures.get("p99_execution_time"))) : "-",
                    Units.duration(number(figures.get("time_saved"))), Units.count(number(figures.get("errors")))));
        });
        if (operations.isEmpty()) {
            page.paragraph("No optimized operation has been called yet.");
        }
        page.chart(latency).chart(saved);
        if (!notCalled.isEmpty()) {
            page.note("Not called yet, so not in the charts: " + String.join(", ", notCalled) + ".");
        }
        page.table(List.of("Operation", "Calls", "Hit rate", "Average", "p99", "Time saved", "Errors"), rows);
    }

    private static void lastHour(HtmlPage page, List<?> readings) {
        page.heading("The last hour");
        double[] calls = slots(readings, "calls", 1);
        double[] hitRate = slots(readings, "cache_hit_rate", 100);
        page.chart(new TimeChart("Calls and cache hit rate per minute", "60 min ago", "now")
                .bars("calls", calls, Units::count).line("hit rate", hitRate));
        page.chart(new TimeChart("CPU and memory per minute", "60 min ago", "now")
                .line("CPU (machine)", slots(readings, "cpu_usage", 1))
                .line("CPU (this JVM)", slots(readings, "process_cpu_usage", 1))
                .line("memory", slots(readings, "memory_usage", 1))
                .line("heap", slots(readings, "heap_usage", 1)));
        page.note("One reading per minute, the minute in progress at the right; gaps are minutes the agent"
                + " did not run or could not measure.");
    }

    /** The readings' {@code key} times {@code scale} in the hour's 60 slots, the latest rightmost, NaN where none. */
    private static double[] slots(List<?> readings, String key, double scale) {
        double[] slots = new double[History.MINUTES];
        Arrays.fill(slots, Double.NaN);
        int first = Math.max(0, readings.size() - slots.length);
        for (int i = first; i < readings.size(); i++) {
            slots[slots.length - (readings.size() - i)] = number(map(readings.get(i)).get(key)) * scale;
        }
        return slots;
    }

    private static void system(HtmlPage page, Map<String, ?> summary, Map<String, ?> system) {
        page.heading("CPU and memory");
        BarChart usage = new BarChart("CPU and memory now and on average (percent)", List.of("now", "average"),
                Units::percent);
        usage.row("CPU (machine)", number(system.get("system_cpu_usage")), number(summary.get("avg_cpu_usage")));
        usage.row("CPU (this JVM)", number(system.get("process_cpu_usage")),
                number(summary.get("avg_process_cpu_usage")));
        usage.row("memory", number(system.get("memory_usage")), number(summary.get("avg_memory_usage")));
        usage.row("heap", number(system.get("heap_usage")), number(summary.get("avg_heap_usage")));
        page.chart(usage);
        page.note("Physical memory " + Units.bytes(number(system.get("memory_total"))) + "; figures read with "
                + text(system.get("source")) + ".");
    }

    private static void caches(HtmlPage page, Map<String, ?> statistics) {
        page.heading("Cache");
        List<List<String>> rows = new ArrayList<>();
        statistics.forEach((tier, value) -> {
            Map<String, ?> figures = map(value);
            if (figures.containsKey("hit_rate")) {
                rows.add(List.of(tier, Units.count(number(figures.get("entries"))),
                        capacity(number(figures.get("capacity"))),
                        Units.percent(number(figures.get("utilization")) * 100),
                        Units.count(number(figures.get("hits"))), Units.count(number(figures.get("misses"))),
                        Units.percent(number(figures.get("hit_rate")) * 100),
                        Units.count(number(figures.get("evictions"))),
                        onDisk(number(figures.get("bytes_on_disk")))));
            }
        });
        page.table(List.of("Tier", "Entries", "Capacity", "Used", "Hits", "Misses", "Hit rate", "Evictions",
                "On disk"), rows);
        Map<String, ?> flights = map(statistics.get("single_flight"));
        if (!flights.isEmpty()) {
            page.note("Callers that waited for another caller's run of their key: "
                    + Units.count(number(flights.get("waits"))) + " (timed out "
                    + Units.count(number(flights.get("waits_timed_out"))) + ", interrupted "
                    + Units.count(number(flights.get("waits_interrupted"))) + ").");
        }
    }

    private static void settings(HtmlPage page, Map<String, ?> settings) {
        page.heading("Settings");
        List<List<String>> rows = new ArrayList<>();
        settings.forEach((name, value) -> rows.add(List.of(name, text(value))));
        page.folded(settings.size() + " settings in force", List.of("Setting", "Value"), rows);
    }

    /** A tier's capacity; -1 is an unbounded tier's. */
    private static String capacity(double count) {
        return count < 0 ? "unbounded" : Units.count(count);
    }

    /** An ISO-8601 instant to the second, in UTC: {@code 2026-12-03 18:11:50 UTC}. */
    private static String time(Object instant) {
        try {
            return java.time.Instant.parse(String.valueOf(instant)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                    .toString().replace('T', ' ').replace("Z", " UTC");
        } catch (java.time.format.DateTimeParseException notAnInstant) {
            return text(instant);
        }
    }

    /** A tier's bytes on disk; a negative count is the memory tier's "not on disk". */
    private static String onDisk(double bytes) {
        return bytes < 0 ? "-" : Units.bytes(bytes);
    }
}
