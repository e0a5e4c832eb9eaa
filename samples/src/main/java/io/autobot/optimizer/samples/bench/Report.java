package io.autobot.optimizer.samples.bench;

import io.autobot.optimizer.samples.corpus.Corpus;
import io.autobot.optimizer.samples.pipeline.WorkCounters;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The benchmark's measurements, as tables and as JSON. */
final class Report {

    private static final Map<String, String> STRATEGIES = Map.of("memory", "Memory Only", "disk", "Disk Only",
            BenchmarkRunner.WITH, "Hybrid");

    private final List<Configuration> configurations;
    private final Map<String, List<Map<String, String>>> runs;

    Report(List<Configuration> configurations, Map<String, List<Map<String, String>>> runs) {
        this.configurations = configurations;
        this.runs = runs;
    }

    /** The measurements of one value of one configuration, over the repetitions. */
    Stats stats(String configuration, String key) {
        List<Double> values = new ArrayList<>();
        for (Map<String, String> run : runs.get(configuration)) {
            values.add(Double.parseDouble(run.get(key)));
        }
        return Stats.of(values);
    }

    /** Whether every run of every configuration produced the same results. */
    boolean resultsIdentical() {
        return differences().isEmpty();
    }

    /** The configurations and operations whose results differ from the first run without the agent. */
    List<String> differences() {
        Map<String, String> reference = runs.get("without").get(0);
        List<String> differences = new ArrayList<>();
        runs.forEach((configuration, list) -> {
            for (Map<String, String> run : list) {
                for (String operation : WorkCounters.OPERATIONS) {
                    String key = "digest." + operation;
                    if (!reference.get(key).equals(run.get(key)) && !differences.contains(configuration + ": " + operation)) {
                        differences.add(configuration + ": " + operation);
                    }
                }
            }
        });
        return differences;
    }

    void print(PrintStream out) {
        printGuideTable(out);
        out.println();
        printByConfiguration(out);
        out.println();
        printMemory(out);
        out.println();
        printWork(out);
        out.println();
        printPolicyCosts(out);
        out.println();
        List<String> differences = differences();
        out.println(differences.isEmpty()
                ? "Results: identical in every run of every configuration (digests of all five operations' results)."
                : "Results DIFFER from the run without the agent in: " + differences);
    }

    private void printGuideTable(PrintStream out) {
        out.println("Performance (session time per operation: median over the repetitions, range in brackets)");
        out.println();
        out.println("| Operation | Without Optimization | With Optimization | Improvement |");
        out.println("|-----------|----------------------|-------------------|-------------|");
        Map<String, String> rows = new LinkedHashMap<>();
        BenchmarkRunner.OPERATION_LABELS.forEach((operation, label) -> rows.put(opKey(operation), label));
        rows.put("total.ms", "**Whole session**");
        rows.forEach((key, label) -> {
            Stats without = stats("without", key);
            Stats with = stats(BenchmarkRunner.WITH, key);
            out.printf("| %s | %s | %s | %s |%n", label, BenchmarkRunner.seconds(without),
                    BenchmarkRunner.seconds(with), BenchmarkRunner.improvement(Stats.improvementPercent(without, with)));
        });
        out.println();
        out.println("With Optimization = the agent at its default level (moderate, hybrid cache).");
    }

    private void printByConfiguration(PrintStream out) {
        out.println("By configuration (median, and the change against the run without the agent):");
        out.println();
        StringBuilder header = new StringBuilder("| Operation |");
        StringBuilder rule = new StringBuilder("|---|");
        for (Configuration configuration : configurations) {
            header.append(' ').append(configuration.label()).append(" |");
            rule.append("---|");
        }
        out.println(header);
        out.println(rule);
        Map<String, String> rows = new LinkedHashMap<>();
        BenchmarkRunner.OPERATION_LABELS.forEach((operation, label) -> rows.put(opKey(operation), label));
        rows.put("total.ms", "Whole session");
        rows.put("startup.ms", "Start-up (index, registry, first compiler and HTTP use)");
        rows.put("jvm.ms", "Child JVM, start to exit (agent start-up included)");
        rows.forEach((key, label) -> {
            Stats reference = stats("without", key);
            StringBuilder row = new StringBuilder("| " + label + " |");
            for (Configuration configuration : configurations) {
                Stats stats = stats(configuration.name(), key);
                row.append(String.format(Locale.ROOT, " %.3f s", stats.median() / 1000));
                if (configuration.agent()) {
                    row.append(String.format(Locale.ROOT, " (%+.0f%%)", -Stats.improvementPercent(reference, stats)));
                }
                row.append(" |");
            }
            out.println(row);
        });
    }

    private void printMemory(PrintStream out) {
        out.println("Memory and disk per cache strategy (agent at moderate; heap in use after a full GC at the end of"
                + " the session, median; bytes under DISK_CACHE_PATH):");
        out.println();
        out.println("| Cache Strategy | Memory Usage (heap) | vs. no agent | Disk Usage | Session time |");
        out.println("|----------------|---------------------|--------------|------------|--------------|");
        Stats baseline = stats("without", "heap.used.bytes");
        out.printf("| (no agent) | %s | | %s | %s |%n", megabytes(baseline.median()), megabytes(0),
                BenchmarkRunner.seconds(stats("without", "total.ms")));
        for (String configuration : List.of("memory", "disk", BenchmarkRunner.WITH)) {
            if (!runs.containsKey(configuration)) {
                continue; // the quick run has no memory-only configuration
            }
            Stats heap = stats(configuration, "heap.used.bytes");
            out.printf("| %s | %s | %+.1f MB | %s | %s |%n", STRATEGIES.get(configuration), megabytes(heap.median()),
                    (heap.median() - baseline.median()) / (1024 * 1024), megabytes(stats(configuration,
                            "disk.used.bytes").median()), BenchmarkRunner.seconds(stats(configuration, "total.ms")));
        }
    }

    private void printWork(PrintStream out) {
        out.println("Work in one session (results requested by the pipeline; computed = method bodies run):");
        out.println();
        boolean hybridWarm = runs.containsKey("hybrid-warm"); // the quick run has no warm restart at the defaults
        out.println("| Operation | Requested | Computed without agent | Computed with agent (moderate) |"
                + " Computed after warm restart (disk) |" + (hybridWarm ? " Computed after warm restart (moderate) |" : ""));
        out.println("|---|---|---|---|---|" + (hybridWarm ? "---|" : ""));
        for (Map.Entry<String, String> operation : BenchmarkRunner.OPERATION_LABELS.entrySet()) {
            String prefix = "op." + operation.getKey();
            out.printf("| %s | %s | %s | %s | %s |%s%n", operation.getValue(), first("without", prefix + ".requested"),
                    first("without", prefix + ".computed"), first(BenchmarkRunner.WITH, prefix + ".computed"),
                    first("disk-warm", prefix + ".computed"),
                    hybridWarm ? " " + first("hybrid-warm", prefix + ".computed") + " |" : "");
        }
        out.printf("API: %s requests to the registry and %s answers 429 without the agent; %s and %s with it.%n",
                first("without", "api.requests"), first("without", "api.rate_limited"),
                first(BenchmarkRunner.WITH, "api.requests"), first(BenchmarkRunner.WITH, "api.rate_limited"));
        out.printf("Search: %s queries to the search service and %s answers 429 without the agent; %s and %s with it.%n",
                first("without", "search.requests"), first("without", "search.rate_limited"),
                first(BenchmarkRunner.WITH, "search.requests"), first(BenchmarkRunner.WITH, "search.rate_limited"));
    }

    /**
     * The time each policy saved (negative: added) per operation, as the agent's report measured it
     * in the session (median over the repetitions), for the defaults and the disk strategy.
     */
    private void printPolicyCosts(PrintStream out) {
        List<String> policies = List.of("cache", "parallel", "disk", "rate_limit", "batch");
        out.println("Time each policy saved (+) or added (-) per operation, from the agent's report (median, ms):");
        out.println();
        out.println("| Operation | Configuration | " + String.join(" | ", policies) + " |");
        out.println("|---|---|" + "---|".repeat(policies.size()));
        for (String configuration : List.of(BenchmarkRunner.WITH, "disk")) {
            if (!runs.containsKey(configuration)) {
                continue;
            }
            for (Map.Entry<String, String> operation : BenchmarkRunner.OPERATION_LABELS.entrySet()) {
                StringBuilder row = new StringBuilder("| " + operation.getValue() + " | " + configuration + " |");
                for (String policy : policies) {
                    String key = "saved." + operation.getKey() + "." + policy;
                    List<Double> values = new ArrayList<>();
                    runs.get(configuration).stream().filter(run -> run.containsKey(key))
                            .forEach(run -> values.add(Double.parseDouble(run.get(key))));
                    row.append(values.isEmpty() ? " - |"
                            : String.format(Locale.ROOT, " %+.0f |", Stats.of(values).median()));
                }
                out.println(row);
            }
        }
    }

    private String first(String configuration, String key) {
        return runs.get(configuration).get(0).getOrDefault(key, "?");
    }

    Map<String, Object> toJson(boolean quick, int repetitions, Corpus corpus, List<String> workloadArgs) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("benchmark", "autobot-samples");
        json.put("quick", quick);
        json.put("repetitions", repetitions);
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("java", System.getProperty("java.version"));
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        json.put("machine", machine);
        Map<String, Object> workload = new LinkedHashMap<>();
        workload.put("corpus_root", corpus.root().toString());
        workload.put("corpus_files", corpus.files().size());
        workload.put("corpus_id", corpus.id());
        workload.put("arguments", workloadArgs.subList(2, workloadArgs.size()));
        json.put("workload", workload);
        json.put("table", table());
        json.put("configurations", configurationsJson());
        json.put("memory", memoryJson());
        json.put("results_identical", resultsIdentical());
        json.put("differences", differences());
        return json;
    }

    private List<Object> table() {
        List<Object> rows = new ArrayList<>();
        for (Map.Entry<String, String> operation : BenchmarkRunner.OPERATION_LABELS.entrySet()) {
            Stats without = stats("without", opKey(operation.getKey()));
            Stats with = stats(BenchmarkRunner.WITH, opKey(operation.getKey()));
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("operation", operation.getValue());
            row.put("key", operation.getKey());
            row.put("without_ms", without.toMap());
            row.put("with_ms", with.toMap());
            row.put("improvement_percent", Stats.round(Stats.improvementPercent(without, with)));
            Map<String, Object> byConfiguration = new LinkedHashMap<>();
            for (Configuration configuration : configurations) {
                Stats stats = stats(configuration.name(), opKey(operation.getKey()));
                byConfiguration.put(configuration.name(), Stats.round(Stats.improvementPercent(without, stats)));
            }
            row.put("improvement_percent_by_configuration", byConfiguration);
            rows.add(row);
        }
        return rows;
    }

    private Map<String, Object> configurationsJson() {
        Map<String, Object> all = new LinkedHashMap<>();
        for (Configuration configuration : configurations) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("label", configuration.label());
            entry.put("agent", configuration.agent());
            entry.put("env", configuration.env());
            entry.put("warm_restart", configuration.name().endsWith("-warm"));
            Map<String, Object> operations = new LinkedHashMap<>();
            for (String operation : WorkCounters.OPERATIONS) {
                operations.put(operation, stats(configuration.name(), opKey(operation)).toMap());
            }
            entry.put("operations_ms", operations);
            entry.put("session_ms", stats(configuration.name(), "total.ms").toMap());
            entry.put("startup_ms", stats(configuration.name(), "startup.ms").toMap());
            entry.put("jvm_ms", stats(configuration.name(), "jvm.ms").toMap());
            entry.put("heap_used_bytes", stats(configuration.name(), "heap.used.bytes").toMap());
            entry.put("disk_used_bytes", stats(configuration.name(), "disk.used.bytes").toMap());
            Map<String, Object> work = new LinkedHashMap<>();
            for (String operation : WorkCounters.OPERATIONS) {
                Map<String, Object> counts = new LinkedHashMap<>();
                counts.put("requested", Long.parseLong(first(configuration.name(), "op." + operation + ".requested")));
                counts.put("computed", Long.parseLong(first(configuration.name(), "op." + operation + ".computed")));
                work.put(operation, counts);
            }
            entry.put("work_first_run", work);
            entry.put("digests_first_run", digests(configuration.name()));
            all.put(configuration.name(), entry);
        }
        return all;
    }

    private Map<String, Object> digests(String configuration) {
        Map<String, Object> digests = new LinkedHashMap<>();
        for (String operation : WorkCounters.OPERATIONS) {
            digests.put(operation, first(configuration, "digest." + operation));
        }
        return digests;
    }

    private List<Object> memoryJson() {
        List<Object> rows = new ArrayList<>();
        for (String configuration : List.of("without", "memory", "disk", BenchmarkRunner.WITH)) {
            if (!runs.containsKey(configuration)) {
                continue; // the quick run has no memory-only configuration
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("strategy", configuration.equals("without") ? "none" : STRATEGIES.get(configuration));
            row.put("configuration", configuration);
            row.put("heap_used_bytes", stats(configuration, "heap.used.bytes").toMap());
            row.put("disk_used_bytes", stats(configuration, "disk.used.bytes").toMap());
            row.put("session_ms", stats(configuration, "total.ms").toMap());
            rows.add(row);
        }
        return rows;
    }

    private static String opKey(String operation) {
        return "op." + operation + ".ms";
    }

    private static String megabytes(double bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024 * 1024));
    }
}
