package io.autobot.optimizer.samples.app;

import io.autobot.optimizer.api.AutoBot;
import io.autobot.optimizer.samples.corpus.Corpus;
import io.autobot.optimizer.samples.endpoints.EndpointResult;
import io.autobot.optimizer.samples.layers.QualityReport;
import io.autobot.optimizer.samples.pipeline.Pipeline;
import io.autobot.optimizer.samples.pipeline.PipelineResult;
import io.autobot.optimizer.samples.pipeline.WorkCounters;
import io.autobot.optimizer.samples.search.SearchHit;
import java.io.PrintStream;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code batch "<prompt>"}: the batch run. Picks the components relevant to the prompt,
 * runs the pipeline with progress output and prints a summary, then what the agent did.
 */
final class BatchCommand {

    static final String USAGE = "batch \"<prompt>\" [--enable-optimization] [--optimization-level basic|moderate|aggressive]"
            + " [--repeat N] [--corpus DIR] [--components N]";
    static final Set<String> VALUED = Set.of("--optimization-level", "--repeat", CorpusOption.NAME, "--components");
    static final Set<String> FLAGS = Set.of("--enable-optimization");
    static final int DEFAULT_COMPONENTS = 12;

    private BatchCommand() {
    }

    static int run(Options options, PrintStream out) {
        if (options.words().isEmpty()) {
            throw new IllegalArgumentException("name the prompt: " + USAGE);
        }
        String prompt = String.join(" ", options.words());
        int repeat = options.number("--repeat", 1, 1, 100);
        int components = options.number("--components", DEFAULT_COMPONENTS, 1, 10_000);
        applyOptimizationOptions(options, out);
        Corpus corpus = CorpusOption.load(options);
        out.printf("corpus: %d Java files (%d KB) under %s%n", corpus.files().size(), corpus.characters() / 1024,
                corpus.root());
        try (Pipeline pipeline = new Pipeline(corpus, out, components)) {
            long first = 0;
            for (int round = 1; round <= repeat; round++) {
                out.println();
                out.println("batch \"" + prompt + "\"" + (repeat > 1 ? " (run " + round + " of " + repeat + ")" : ""));
                long start = System.nanoTime();
                PipelineResult result = pipeline.run(prompt);
                long elapsed = System.nanoTime() - start;
                first = round == 1 ? elapsed : first;
                if (round == repeat) {
                    printSummary(result, pipeline, out);
                }
                out.printf("run %d took %.2f s%s%n", round, elapsed / 1e9, round == 1 ? ""
                        : String.format(" (run 1 took %.2f s)", first / 1e9));
            }
            AgentReport.print(pipeline.counters(), out);
        }
        return 0;
    }

    /** {@code --enable-optimization} and {@code --optimization-level}: they need the agent. */
    static void applyOptimizationOptions(Options options, PrintStream out) {
        String level = options.value("--optimization-level", null);
        boolean wanted = options.flag("--enable-optimization") || level != null;
        out.println(AgentReport.status());
        if (!wanted) {
            return;
        }
        if (!AgentReport.agentRunning()) {
            out.println("optimization needs the agent: run with -javaagent:agent/dist/target/autobot-agent.jar"
                    + " (this run goes on unoptimized)");
            return;
        }
        if (level != null) {
            if (!AutoBot.isAttached()) {
                out.println("the level cannot be changed at run time without the agent's management bean;"
                        + " start the agent with level=" + level + " instead (-javaagent:autobot-agent.jar=level="
                        + level + ")");
                return;
            }
            AutoBot.setOptimizationLevel(level);
            out.println("optimization level set to " + AutoBot.optimizationLevel());
        }
    }

    static void printSummary(PipelineResult result, Pipeline pipeline, PrintStream out) {
        out.println();
        out.println("Summary for \"" + result.plan().prompt() + "\"");
        out.println("  components:  " + result.metrics().stream().map(metric -> metric.simpleName()).toList());
        long matched = result.patterns().stream().filter(match -> match.matched()).count();
        out.println("  patterns:    " + matched + " of " + result.patterns().size() + " checks matched");
        List<EndpointResult> invalid = result.endpoints().stream().filter(endpoint -> !endpoint.valid()).toList();
        out.println("  endpoints:   " + (result.endpoints().size() - invalid.size()) + " of " + result.endpoints().size()
                + " valid" + (pipeline.apiValidator().rateLimitedResponses() == 0 ? ""
                        : ", " + pipeline.apiValidator().rateLimitedResponses() + " rate-limited answers (429) retried"));
        for (EndpointResult endpoint : invalid.subList(0, Math.min(5, invalid.size()))) {
            out.println("               " + endpoint.method() + " " + endpoint.path() + ": " + endpoint.problem());
        }
        out.println("  search:      " + result.hits().size() + " unique matching lines");
        for (SearchHit hit : result.hits().subList(0, Math.min(3, result.hits().size()))) {
            out.println("               " + hit.path() + ":" + hit.line() + "  " + hit.text());
        }
        QualityReport worst = result.reports().stream().min(Comparator.comparingInt(QualityReport::score)).orElse(null);
        double average = result.reports().stream().mapToInt(QualityReport::score).average().orElse(0);
        out.printf("  quality:     average score %.0f%s%n", average, worst == null || worst.score() == 100 ? ""
                : ", lowest " + worst.path() + " (" + worst.score() + ", " + worst.status() + ")");
        StringBuilder times = new StringBuilder();
        for (Map.Entry<String, Long> entry : result.nanos().entrySet()) {
            times.append(times.length() == 0 ? "" : ", ").append(entry.getKey()).append(' ')
                    .append(Math.round(entry.getValue() / 1e6)).append(" ms");
        }
        out.println("  time:        " + times);
        out.println("  operations:  " + WorkCounters.OPERATIONS.size() + " run over " + result.plan().components().size()
                + " components, " + result.plan().queries().size() + " queries, " + result.plan().endpoints().size()
                + " endpoints");
    }
}
