package io.autobot.optimizer.samples.bench;

import io.autobot.optimizer.samples.app.Options;
import io.autobot.optimizer.samples.corpus.Corpus;
import io.autobot.optimizer.samples.corpus.ProjectLocator;
import io.autobot.optimizer.samples.json.Json;
import io.autobot.optimizer.samples.pipeline.WorkCounters;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code benchmark [--quick]}: runs the same workload side by side in child JVMs, without the
 * agent and with it at each level, under each cache strategy, and restarted warm on a disk cache;
 * several repetitions each, interleaved so that a slow moment of the machine hits every
 * configuration alike. Prints the comparison tables (medians, with the range) and writes them as JSON.
 */
public final class BenchmarkRunner {

    public static final String USAGE = "benchmark [--quick] [--repetitions N] [--agent JAR] [--json FILE]"
            + " [--corpus DIR] [--prompts N] [--rounds N] [--components N]";
    public static final Set<String> VALUED = Set.of("--repetitions", "--agent", "--json", "--corpus", "--prompts",
            "--rounds", "--components");
    public static final Set<String> FLAGS = Set.of("--quick");

    /** The display names of the five operations, by the sample's operation names. */
    static final Map<String, String> OPERATION_LABELS = labels();
    /** The configuration the "With Optimization" column shows: the default level. */
    static final String WITH = "moderate";
    /**
     * Repetitions of each configuration, the quick run's too: the gate's shortest rows (component
     * analysis, about 0.2 s) spread by a quarter between repetitions, and a median of five absorbs
     * two disturbed ones where a median of three absorbed one.
     */
    static final int REPETITIONS = 5;

    private BenchmarkRunner() {
    }

    public static int run(Options options, PrintStream out) throws IOException, InterruptedException {
        boolean quick = options.flag("--quick");
        int repetitions = options.number("--repetitions", REPETITIONS, 1, 100);
        Path agentJar = agentJar(options.value("--agent", null));
        Path json = jsonFile(options.value("--json", "autobot-benchmark.json"));
        Corpus corpus = corpus(options.value("--corpus", null));
        List<Configuration> configurations = quick ? quickConfigurations() : configurations();
        Path workDir = Files.createTempDirectory("autobot-benchmark");
        Map<String, List<Map<String, String>>> runs;
        List<String> workloadArgs;
        try {
            workloadArgs = workloadArguments(options, quick, snapshot(corpus, workDir.resolve("corpus")));
            out.printf("AutoBot sample benchmark%s: %d configurations x %d repetitions, in child JVMs%n",
                    quick ? " (quick)" : "", configurations.size(), repetitions);
            out.printf("corpus: %d Java files (%d KB) under %s%nworkload: %s%nagent: %s%n", corpus.files().size(),
                    corpus.characters() / 1024, corpus.root(), workloadArgs.subList(2, workloadArgs.size()), agentJar);
            runs = measure(configurations, repetitions, agentJar, workloadArgs, workDir, quick ? 300 : 1200, out);
        } finally {
            deleteTree(workDir);
        }
        Report report = new Report(configurations, runs);
        out.println();
        report.print(out);
        Map<String, Object> document = report.toJson(quick, repetitions, corpus, workloadArgs);
        Files.writeString(json, Json.write(document), StandardCharsets.UTF_8);
        Path html = page(json);
        Files.writeString(html, BenchmarkPage.render(document), StandardCharsets.UTF_8);
        out.println();
        out.println("JSON written to " + json);
        out.println("Page written to " + html);
        if (!report.resultsIdentical()) {
            return 1;
        }
        List<String> slower = quick ? NeverSlower.slowerRows(report, configurations) : List.of();
        slower.forEach(row -> out.println("SLOWER with the agent: " + row));
        if (quick && slower.isEmpty()) {
            out.println("No row is slower with the agent than without it.");
        }
        return slower.isEmpty() ? 0 : 3;
    }

    private static List<String> workloadArguments(Options options, boolean quick, Path corpus) {
        return List.of("--corpus", corpus.toString(),
                "--prompts", String.valueOf(options.number("--prompts", quick ? 2 : Workload.PROMPTS.size(), 1,
                        Workload.PROMPTS.size())),
                "--rounds", String.valueOf(options.number("--rounds", quick ? 2 : 3, 1, 100)),
                "--components", String.valueOf(options.number("--components", quick ? 6 : 12, 1, 10_000)));
    }

    /**
     * Runs every configuration once per repetition, configurations interleaved. Within a
     * repetition, configurations with the same disk-path key share one {@code DISK_CACHE_PATH}
     * (the warm restart reads what the run before it wrote); every other one gets a fresh one.
     */
    private static Map<String, List<Map<String, String>>> measure(List<Configuration> configurations,
            int repetitions, Path agentJar, List<String> workloadArgs, Path workDir, long timeoutSeconds,
            PrintStream out) throws IOException, InterruptedException {
        Map<String, List<Map<String, String>>> runs = new LinkedHashMap<>();
        int step = 0;
        for (int repetition = 1; repetition <= repetitions; repetition++) {
            Map<String, Path> diskPaths = new LinkedHashMap<>();
            for (Configuration configuration : configurations) {
                out.printf("[%2d/%d] %-12s repetition %d/%d ... ", ++step, repetitions * configurations.size(),
                        configuration.name(), repetition, repetitions);
                out.flush();
                long start = System.nanoTime();
                Map<String, String> env = new LinkedHashMap<>(configuration.env());
                Path diskPath = null;
                if (configuration.agent()) {
                    diskPath = configuration.diskPath() == null ? tempDir(workDir)
                            : diskPaths.computeIfAbsent(configuration.diskPath(), key -> tempDir(workDir));
                    env.put("DISK_CACHE_PATH", diskPath.toString());
                }
                Map<String, String> values = ChildRun.run(configuration.agent() ? agentJar : null, env, workloadArgs,
                        workDir, timeoutSeconds);
                double jvmMillis = (System.nanoTime() - start) / 1e6;
                values.put("disk.used.bytes", String.valueOf(diskPath == null ? 0 : directorySize(diskPath)));
                values.put("jvm.ms", String.valueOf(jvmMillis));
                runs.computeIfAbsent(configuration.name(), key -> new ArrayList<>()).add(values);
                out.printf("session %.2f s (JVM %.1f s)%n", Double.parseDouble(values.get("total.ms")) / 1000,
                        jvmMillis / 1000);
            }
        }
        return runs;
    }

    /**
     * Without the agent; each level (default cache strategy); each cache strategy; a warm restart
     * on the disk strategy and one at the defaults (hybrid, on the directory the defaults' run wrote).
     */
    static List<Configuration> configurations() {
        return List.of(Configuration.without(),
                Configuration.agent("basic", "basic", "basic", "hybrid", null),
                Configuration.agent(WITH, "moderate", "moderate", "hybrid", "defaults"),
                Configuration.agent("aggressive", "aggressive", "aggressive", "hybrid", null),
                Configuration.agent("memory", "moderate, memory cache", "moderate", "memory", null),
                Configuration.agent("disk", "moderate, disk cache", "moderate", "disk", "shared"),
                Configuration.agent("disk-warm", "disk cache, warm restart", "moderate", "disk", "shared"),
                Configuration.agent("hybrid-warm", "moderate, warm restart", "moderate", "hybrid", "defaults"));
    }

    /** The quick run's: without the agent, the defaults, and the disk strategy cold and warm. */
    static List<Configuration> quickConfigurations() {
        List<Configuration> all = configurations();
        return List.of(all.get(0), all.get(2), all.get(5), all.get(6));
    }

    private static Path agentJar(String option) {
        Path jar = option != null ? Path.of(option) : ProjectLocator.agentJar().orElseThrow(() ->
                new IllegalArgumentException("the agent jar was not found at agent/dist/target/autobot-agent.jar of"
                        + " the checkout: build it (mvn -B -q package -DskipTests) or name it with --agent JAR"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException("--agent " + option + ": no such file");
        }
        return jar.toAbsolutePath().normalize();
    }

    private static Corpus corpus(String dir) {
        if (dir != null) {
            return Corpus.load(Path.of(dir));
        }
        return Corpus.load(ProjectLocator.projectRoot().orElseThrow(() -> new IllegalArgumentException(
                "no corpus: run from inside the AutoBot Optimizer checkout or pass --corpus DIR")));
    }

    /**
     * Copies the corpus's files, so that every child JVM reads the same ones even if the checkout
     * changes while the benchmark runs.
     */
    private static Path snapshot(Corpus corpus, Path dir) throws IOException {
        for (var file : corpus.files()) {
            Path target = dir.resolve(file.path());
            Files.createDirectories(target.getParent());
            Files.writeString(target, file.content(), StandardCharsets.UTF_8);
        }
        return dir;
    }

    private static Path tempDir(Path parent) {
        try {
            return Files.createTempDirectory(parent, "disk");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static long directorySize(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> {
                try {
                    return Files.size(file);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static Map<String, String> labels() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(WorkCounters.COMPONENT_ANALYSIS, "Component Analysis");
        labels.put(WorkCounters.PATTERN_VALIDATION, "Pattern Validation");
        labels.put(WorkCounters.API_VALIDATION, "API Validation");
        labels.put(WorkCounters.SEARCH, "Search");
        labels.put(WorkCounters.MULTI_LAYER_VALIDATION, "Multi-Layer Validation");
        return labels;
    }

    /** A median in seconds with its range: {@code 1.234 s (1.100..1.400)}. */
    /**
     * The JSON file to write, its directory created now: a directory that cannot be made fails
     * before the minutes of measuring, not after them.
     *
     * @throws IllegalArgumentException naming {@code --json} when its directory cannot be created
     */
    static Path jsonFile(String option) {
        Path json = Path.of(option).toAbsolutePath().normalize();
        Path parent = json.getParent();
        try {
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("--json " + option + ": its directory cannot be created ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        }
        return json;
    }

    /** The page beside the JSON file: its name with {@code .html} for {@code .json} (or added). */
    static Path page(Path json) {
        String name = json.getFileName().toString();
        String base = name.toLowerCase(Locale.ROOT).endsWith(".json") ? name.substring(0, name.length() - 5) : name;
        return json.resolveSibling(base + ".html");
    }

    static String seconds(Stats stats) {
        return String.format(Locale.ROOT, "%.3f s (%.3f..%.3f)", stats.median() / 1000, stats.min() / 1000,
                stats.max() / 1000);
    }

    static String improvement(double percent) {
        if (Math.round(percent) == 0) {
            return "no change";
        }
        return percent > 0 ? String.format(Locale.ROOT, "%.0f%% faster", percent)
                : String.format(Locale.ROOT, "%.0f%% slower", -percent);
    }
}
