package io.autobot.optimizer.samples.pipeline;

import io.autobot.optimizer.samples.analysis.ComponentAnalyzer;
import io.autobot.optimizer.samples.analysis.ComponentMetrics;
import io.autobot.optimizer.samples.corpus.Corpus;
import io.autobot.optimizer.samples.corpus.SourceFile;
import io.autobot.optimizer.samples.endpoints.ApiValidator;
import io.autobot.optimizer.samples.endpoints.EndpointResult;
import io.autobot.optimizer.samples.endpoints.RegistryServer;
import io.autobot.optimizer.samples.layers.MultiLayerValidator;
import io.autobot.optimizer.samples.parse.JavaParser;
import io.autobot.optimizer.samples.layers.QualityReport;
import io.autobot.optimizer.samples.patterns.PatternMatch;
import io.autobot.optimizer.samples.patterns.PatternValidator;
import io.autobot.optimizer.samples.search.SearchHit;
import io.autobot.optimizer.samples.search.SearchIndex;
import io.autobot.optimizer.samples.search.SearchServer;
import io.autobot.optimizer.samples.search.SearchService;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The sample application: for a prompt, it picks the relevant components of the corpus and runs
 * the five operations over them, printing progress as it goes. It owns the registry
 * server it validates endpoints against.
 */
public final class Pipeline implements AutoCloseable {

    private final Corpus corpus;
    private final PrintStream progress;
    private final WorkCounters counters = new WorkCounters();
    private final SearchIndex index;
    private final RegistryServer registry;
    private final SearchServer searchServer;
    private final PromptPlanner planner;
    private final ComponentAnalyzer analyzer = new ComponentAnalyzer(counters);
    private final PatternValidator patterns = new PatternValidator(counters);
    private final ApiValidator api;
    private final SearchService search;
    private final MultiLayerValidator layers = new MultiLayerValidator(counters);

    /**
     * Indexes the corpus and starts the registry.
     *
     * @param progress where progress lines go, or null for none
     * @param maxComponents how many components one prompt picks at most
     */
    public Pipeline(Corpus corpus, PrintStream progress, int maxComponents) {
        this.corpus = corpus;
        this.progress = progress;
        this.index = SearchIndex.build(corpus);
        try {
            this.registry = RegistryServer.start(registeredComponents(corpus));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the local registry server", e);
        }
        try {
            this.searchServer = SearchServer.start(index);
        } catch (IOException e) {
            registry.close();
            throw new UncheckedIOException("cannot start the local search server", e);
        }
        this.planner = new PromptPlanner(index, "registry@" + corpus.id(), maxComponents);
        this.api = new ApiValidator(registry.baseUri(), counters);
        this.search = new SearchService(searchServer.baseUri(), counters);
    }

    public Corpus corpus() {
        return corpus;
    }

    public WorkCounters counters() {
        return counters;
    }

    public RegistryServer registry() {
        return registry;
    }

    public SearchServer searchServer() {
        return searchServer;
    }

    public ApiValidator apiValidator() {
        return api;
    }

    /**
     * Loads what the first call of each operation would otherwise load (the JDK compiler, the HTTP
     * clients) without computing any result: the benchmark calls it so that its session measures the
     * operations, and start-up is measured apart. It computes nothing the session asks for, so no
     * cache entry comes from it.
     */
    public void warmUp() {
        JavaParser.parse(new SourceFile("WarmUp.java", "/** warm-up */ class WarmUp { int x() { return 1; } }"));
        try {
            api.send(java.net.http.HttpRequest.newBuilder(registry.baseUri().resolve("/api/v1/health")).build());
            search.send(java.net.http.HttpRequest.newBuilder(searchServer.baseUri().resolve("/health")).build());
        } catch (IOException e) {
            throw new UncheckedIOException("a local server does not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The ticket of the last run: not part of any result (see {@link #ticket}). */
    private volatile long lastTicket;

    /**
     * An impure method, planted for discovery (docs/discovery.md): a run's ticket mixes the prompt
     * with the clock, so two calls with the same prompt return different values. Discovery must
     * report it as not cacheable; it is not annotated, and its value is in no result.
     */
    public long ticket(String prompt) {
        long hash = prompt.hashCode();
        for (int i = 0; i < 40_000_000; i++) {
            hash = hash * 31 + (hash >>> 17) + i;
        }
        return hash ^ System.nanoTime();
    }

    /** Runs the five operations for a prompt. */
    public PipelineResult run(String prompt) {
        lastTicket = ticket(prompt);
        Plan plan = planner.plan(prompt);
        List<SourceFile> files = plan.components();
        Map<String, Long> nanos = new LinkedHashMap<>();

        counters.recordRequested(WorkCounters.COMPONENT_ANALYSIS, files.size());
        List<ComponentMetrics> metrics = stage(1, "component analysis", files.size() + " files",
                WorkCounters.COMPONENT_ANALYSIS, nanos, () -> analyzer.analyzeAll(files), Pipeline::describeMetrics);

        counters.recordRequested(WorkCounters.PATTERN_VALIDATION, (long) files.size() * plan.patterns().size());
        List<PatternMatch> matches = stage(2, "pattern validation",
                files.size() + " files x " + plan.patterns().size() + " patterns", WorkCounters.PATTERN_VALIDATION,
                nanos, () -> patterns.validateAll(files, plan.patterns()), Pipeline::describeMatches);

        counters.recordRequested(WorkCounters.API_VALIDATION, plan.endpoints().size());
        List<EndpointResult> endpoints = stage(3, "API validation", plan.endpoints().size() + " endpoints",
                WorkCounters.API_VALIDATION, nanos, () -> api.validateAll(plan.endpoints()), Pipeline::describeEndpoints);

        counters.recordRequested(WorkCounters.SEARCH, plan.queries().size());
        List<SearchHit> hits = stage(4, "search", plan.queries().size() + " queries", WorkCounters.SEARCH, nanos,
                () -> SearchService.deduplicate(search.searchAll(corpus.id(), plan.queries())),
                Pipeline::describeHits);

        counters.recordRequested(WorkCounters.MULTI_LAYER_VALIDATION,
                (long) files.size() * MultiLayerValidator.layerNames().size());
        List<QualityReport> reports = stage(5, "multi-layer validation",
                files.size() + " files x " + MultiLayerValidator.layerNames().size() + " layers",
                WorkCounters.MULTI_LAYER_VALIDATION, nanos, () -> layers.validateAll(files), Pipeline::describeReports);

        return new PipelineResult(plan, metrics, matches, endpoints, hits, reports, nanos);
    }

    private <T> T stage(int number, String name, String input, String operation, Map<String, Long> nanos,
            Supplier<T> work, java.util.function.Function<T, String> describe) {
        if (progress != null) {
            progress.printf("[%d/5] %s: %s ...%n", number, name, input);
            progress.flush();
        }
        long start = System.nanoTime();
        T result = work.get();
        long elapsed = System.nanoTime() - start;
        nanos.put(operation, elapsed);
        if (progress != null) {
            progress.printf("      %s (%.0f ms)%n", describe.apply(result), elapsed / 1e6);
        }
        return result;
    }

    static String describeMetrics(List<ComponentMetrics> metrics) {
        int lines = metrics.stream().mapToInt(ComponentMetrics::lines).sum();
        int methods = metrics.stream().mapToInt(ComponentMetrics::methods).sum();
        ComponentMetrics hardest = metrics.stream()
                .max(java.util.Comparator.comparingInt(ComponentMetrics::maxComplexity)).orElse(null);
        long invalid = metrics.stream().filter(metric -> !metric.valid()).count();
        return metrics.size() + " components, " + lines + " code lines, " + methods + " methods"
                + (hardest == null ? "" : ", most complex: " + hardest.simpleName() + " (" + hardest.maxComplexity() + ")")
                + (invalid == 0 ? "" : ", " + invalid + " not parseable");
    }

    static String describeMatches(List<PatternMatch> matches) {
        long matched = matches.stream().filter(PatternMatch::matched).count();
        Set<String> invalid = new LinkedHashSet<>();
        Map<String, Integer> byPattern = new LinkedHashMap<>();
        for (PatternMatch match : matches) {
            if (match.pattern().equals(PatternValidator.SYNTAX)) {
                invalid.add(match.component());
            } else if (match.matched()) {
                byPattern.merge(match.pattern(), 1, Integer::sum);
            }
        }
        return matched + " matches " + byPattern + (invalid.isEmpty() ? "" : ", " + invalid.size() + " invalid files");
    }

    static String describeEndpoints(List<EndpointResult> endpoints) {
        long valid = endpoints.stream().filter(EndpointResult::valid).count();
        return valid + " valid, " + (endpoints.size() - valid) + " invalid";
    }

    static String describeHits(List<SearchHit> hits) {
        long files = hits.stream().map(SearchHit::path).distinct().count();
        return hits.size() + " unique lines in " + files + " files";
    }

    static String describeReports(List<QualityReport> reports) {
        Map<String, Integer> byStatus = new LinkedHashMap<>();
        for (QualityReport report : reports) {
            byStatus.merge(report.status(), 1, Integer::sum);
        }
        long stopped = reports.stream().filter(report -> !report.skipped().isEmpty()).count();
        double score = reports.stream().mapToInt(QualityReport::score).average().orElse(0);
        return byStatus + ", " + stopped + " stopped early, average score " + Math.round(score);
    }

    /** The components the registry knows: the corpus's non-test files. */
    private static Set<String> registeredComponents(Corpus corpus) {
        Set<String> names = new LinkedHashSet<>();
        for (SourceFile file : corpus.files()) {
            if (!file.path().contains("/test/") && !file.path().startsWith("test/")) {
                names.add(file.baseName());
            }
        }
        return names;
    }

    @Override
    public void close() {
        api.close();
        registry.close();
        searchServer.close();
    }
}
