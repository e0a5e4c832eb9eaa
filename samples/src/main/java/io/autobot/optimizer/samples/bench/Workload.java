package io.autobot.optimizer.samples.bench;

import io.autobot.optimizer.samples.app.Options;
import io.autobot.optimizer.samples.corpus.Corpus;
import io.autobot.optimizer.samples.corpus.ProjectLocator;
import io.autobot.optimizer.samples.pipeline.Pipeline;
import io.autobot.optimizer.samples.pipeline.PipelineResult;
import io.autobot.optimizer.samples.pipeline.WorkCounters;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code workload}: what the benchmark runs in each child JVM. A session of prompts, each run
 * {@code --rounds} times (a user re-running a batch), through the pipeline; it prints the time of
 * each operation summed over the session (start-up, with the index, the registry and the first
 * loading of the compiler and HTTP classes, is measured apart), the work requested and computed, a digest of every
 * result, and the heap in use after a full GC, as {@code key=value} lines.
 */
public final class Workload {

    /** The session's prompts; they pick overlapping components, as related requests do. */
    public static final List<String> PROMPTS = List.of("Create a web scraper", "Build a REST API client with caching",
            "Add a command line interface for configuration", "Create a parallel search service");

    public static final String USAGE = "workload [--corpus DIR] [--prompts N] [--rounds N] [--components N]"
            + " [--results FILE] [--timeline FILE]   (one benchmark run; prints key=value lines)";
    public static final Set<String> VALUED = Set.of("--corpus", "--prompts", "--rounds", "--components", "--results",
            "--timeline");

    private Workload() {
    }

    public static int run(Options options, PrintStream out) throws IOException, InterruptedException {
        Corpus corpus = corpus(options.value("--corpus", null));
        int prompts = options.number("--prompts", PROMPTS.size(), 1, PROMPTS.size());
        int rounds = options.number("--rounds", 2, 1, 100);
        int components = options.number("--components", 12, 1, 10_000);
        String resultsFile = options.value("--results", null);
        String timelineFile = options.value("--timeline", null);
        List<Long> timeline = new ArrayList<>();

        long started = System.nanoTime();
        try (Pipeline pipeline = new Pipeline(corpus, null, components)) {
            pipeline.warmUp();
            long startup = System.nanoTime() - started;
            Map<String, Long> nanos = new LinkedHashMap<>();
            Map<String, Long> firstNanos = null;
            Map<String, long[]> roundNanos = new LinkedHashMap<>(); // per operation, per round: where repeats land
            Map<String, StringBuilder> results = new LinkedHashMap<>();
            long sessionStart = System.nanoTime();
            timeline.add(System.currentTimeMillis());
            for (int round = 1; round <= rounds; round++) {
                for (String prompt : PROMPTS.subList(0, prompts)) {
                    PipelineResult result = pipeline.run(prompt);
                    result.nanos().forEach((operation, time) -> nanos.merge(operation, time, Long::sum));
                    int index = round - 1;
                    result.nanos().forEach((operation, time) -> roundNanos.computeIfAbsent(operation,
                            key -> new long[rounds])[index] += time);
                    if (firstNanos == null) {
                        firstNanos = result.nanos(); // the first prompt: where one-time costs land
                    }
                    result.canonical().forEach((operation, text) -> results.computeIfAbsent(operation,
                            key -> new StringBuilder()).append(prompt).append(" -> ").append(text).append('\n'));
                    timeline.add(System.currentTimeMillis());
                }
            }
            long session = System.nanoTime() - sessionStart;
            out.println("corpus.files=" + corpus.files().size());
            out.println("corpus.id=" + corpus.id());
            out.println("startup.ms=" + millis(startup));
            out.println("total.ms=" + millis(session));
            for (String operation : WorkCounters.OPERATIONS) {
                out.println("op." + operation + ".ms=" + millis(nanos.getOrDefault(operation, 0L)));
                out.println("op." + operation + ".requested=" + pipeline.counters().requested(operation));
                out.println("op." + operation + ".computed=" + pipeline.counters().computed(operation));
                out.println("op." + operation + ".first.ms=" + millis(firstNanos.getOrDefault(operation, 0L)));
                long[] byRound = roundNanos.getOrDefault(operation, new long[rounds]);
                for (int round = 1; round <= rounds; round++) {
                    out.println("op." + operation + ".round." + round + ".ms=" + millis(byRound[round - 1]));
                }
                out.println("digest." + operation + "=" + PipelineResult.digest(results.get(operation).toString()));
            }
            out.println("api.rate_limited=" + pipeline.apiValidator().rateLimitedResponses());
            out.println("api.requests=" + pipeline.registry().requests());
            out.println("search.rate_limited=" + pipeline.searchServer().rejected());
            out.println("search.requests=" + pipeline.searchServer().requests());
            printPolicyTimes(out);
            out.println("heap.used.bytes=" + heapAfterGc());
            if (resultsFile != null) {
                StringBuilder all = new StringBuilder();
                results.forEach((operation, text) -> all.append("== ").append(operation).append('\n').append(text));
                Files.writeString(Path.of(resultsFile), all, StandardCharsets.UTF_8);
            }
            if (timelineFile != null) {
                // wall-clock times (epoch ms) of the session's start and of each prompt's end, so that an
                // outside script can count the work done in a window of its own (discovery's overhead)
                Files.write(Path.of(timelineFile), timeline.stream().map(String::valueOf).toList(),
                        StandardCharsets.UTF_8);
            }
        }
        return 0;
    }

    private static Corpus corpus(String dir) {
        if (dir != null) {
            return Corpus.load(Path.of(dir));
        }
        return Corpus.load(ProjectLocator.projectRoot().orElseThrow(() -> new IllegalArgumentException(
                "no corpus: run from inside the AutoBot Optimizer checkout or pass --corpus DIR")));
    }

    /**
     * The methods that send an operation's requests to its service: {@code @RateLimited} without
     * {@code @Optimized}, so the report has them under an operation of their own, where their rate
     * limit's waits are.
     */
    private static final Map<String, String> SENDERS = Map.of("search", "SearchService.send",
            "api_validation", "ApiValidator.send");

    /**
     * With the agent, the time each policy saved (negative: added) per operation, from its report:
     * {@code saved.<operation>.<policy>=<ms>} for {@code cache} (its {@code time_saved}) and every
     * {@code time_saved_by_<policy>}, the operation's sender's {@code time_saved_by_rate_limit}
     * included ({@link #SENDERS}).
     */
    @SuppressWarnings("unchecked")
    private static void printPolicyTimes(PrintStream out) {
        if (!io.autobot.optimizer.api.AutoBot.isAttached()) {
            return;
        }
        Map<String, Object> operations = (Map<String, Object>) io.autobot.optimizer.api.AutoBot.performanceReport()
                .get("operations");
        for (String operation : WorkCounters.OPERATIONS) {
            Map<String, Object> figures = new TreeMap<>((Map<String, Object>) operations.getOrDefault(operation, Map.of()));
            String senderName = SENDERS.get(operation);
            Map<String, Object> sender = senderName == null ? Map.of()
                    : (Map<String, Object>) operations.getOrDefault(senderName, Map.of());
            if (sender.get("time_saved_by_rate_limit") != null) {
                figures.merge("time_saved_by_rate_limit", sender.get("time_saved_by_rate_limit"),
                        (own, sent) -> ((Number) own).doubleValue() + ((Number) sent).doubleValue());
            }
            figures.forEach((key, value) -> {
                String policy = key.equals("time_saved") ? "cache"
                        : key.startsWith("time_saved_by_") ? key.substring("time_saved_by_".length()) : null;
                if (policy != null && value != null) {
                    out.println("saved." + operation + "." + policy + "="
                            + millis((long) (((Number) value).doubleValue() * 1e9)));
                }
            });
        }
    }

    /** The heap in use after full collections: what stays reachable, caches included. */
    private static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static String millis(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.3f", nanos / 1e6);
    }
}
