package io.autobot.optimizer.samples.pipeline;

import io.autobot.optimizer.samples.corpus.SourceFile;
import io.autobot.optimizer.samples.endpoints.EndpointSpec;
import io.autobot.optimizer.samples.patterns.PatternCatalog;
import io.autobot.optimizer.samples.search.SearchIndex;
import io.autobot.optimizer.samples.search.Tokenizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a prompt such as "Create a web scraper" into a {@link Plan}: the prompt's words, widened
 * with related terms of the domain, rank the corpus's files (the components most relevant to the
 * prompt); they also choose the searches and the API endpoints the generated project would use.
 */
public final class PromptPlanner {

    /** Related terms per prompt word: what a project of that kind is made of. */
    private static final Map<String, List<String>> RELATED = Map.ofEntries(
            Map.entry("scraper", List.of("http request response", "parse url", "retry timeout")),
            Map.entry("web", List.of("http request response", "server handler")),
            Map.entry("api", List.of("http request response", "client endpoint")),
            Map.entry("rest", List.of("http request response", "client endpoint")),
            Map.entry("client", List.of("client endpoint", "connection pool")),
            Map.entry("cache", List.of("cache entry ttl", "memory disk tier")),
            Map.entry("caching", List.of("cache entry ttl", "memory disk tier")),
            Map.entry("cli", List.of("command argument", "shell prompt")),
            Map.entry("command", List.of("command argument", "shell prompt")),
            Map.entry("config", List.of("setting value parse", "environment variable")),
            Map.entry("configuration", List.of("setting value parse", "environment variable")),
            Map.entry("validator", List.of("validate rule check", "pattern layer")),
            Map.entry("validation", List.of("validate rule check", "pattern layer")),
            Map.entry("parallel", List.of("thread executor worker", "split chunk")),
            Map.entry("concurrent", List.of("thread executor worker", "lock atomic")),
            Map.entry("search", List.of("search index query", "rank score")),
            Map.entry("monitor", List.of("statistic report metric", "time measure")),
            Map.entry("benchmark", List.of("statistic report metric", "time measure")));

    /** Endpoints a project of that kind calls, per prompt word. */
    private static final Map<String, List<String>> ENDPOINTS = Map.of(
            "scraper", List.of("GET /api/v1/pages", "GET /api/v1/robots", "POST /api/v1/links"),
            "web", List.of("GET /api/v1/pages", "GET /api/v1/health"),
            "api", List.of("GET /api/v1/users/1", "POST /api/v1/users"),
            "rest", List.of("GET /api/v1/users/1", "POST /api/v1/users"),
            "shop", List.of("GET /api/v1/products", "POST /api/v1/orders"),
            "search", List.of("GET /api/v1/patterns", "POST /api/v1/patterns"),
            "cli", List.of("GET /api/v1/health"));

    /** The example endpoints, checked for every prompt. */
    private static final List<String> GUIDE_ENDPOINTS = List.of("GET /api/v1/users", "POST /api/v1/posts");

    private final SearchIndex index;
    private final String service;
    private final int maxComponents;

    /**
     * @param index the corpus's index
     * @param service the registry's identity, stamped on every endpoint
     * @param maxComponents how many components a prompt picks at most
     */
    public PromptPlanner(SearchIndex index, String service, int maxComponents) {
        this.index = index;
        this.service = service;
        this.maxComponents = maxComponents;
    }

    public Plan plan(String prompt) {
        List<String> words = Tokenizer.terms(prompt);
        List<String> terms = new ArrayList<>(words);
        Set<String> queries = new LinkedHashSet<>();
        if (!words.isEmpty()) {
            queries.add(String.join(" ", words));
        }
        for (String word : words) {
            for (String related : RELATED.getOrDefault(word, List.of())) {
                queries.add(related);
                terms.addAll(Tokenizer.terms(related));
            }
        }
        List<SourceFile> components = new ArrayList<>();
        for (SearchIndex.Ranked ranked : index.rank(terms, maxComponents)) {
            components.add(ranked.file());
        }
        if (components.isEmpty()) {
            components.addAll(index.corpus().files().subList(0, Math.min(maxComponents, index.corpus().files().size())));
        }
        for (SourceFile component : components.subList(0, Math.min(3, components.size()))) {
            queries.add(String.join(" ", Tokenizer.terms(component.baseName())));
        }
        queries.remove("");
        return new Plan(prompt, List.copyOf(components), PatternCatalog.names(), endpoints(words, components),
                List.copyOf(queries));
    }

    private List<EndpointSpec> endpoints(List<String> words, List<SourceFile> components) {
        Set<String> requests = new LinkedHashSet<>(GUIDE_ENDPOINTS);
        for (String word : words) {
            requests.addAll(ENDPOINTS.getOrDefault(word, List.of()));
        }
        for (SourceFile component : components) {
            requests.add("GET /api/v1/components/" + component.baseName());
        }
        List<EndpointSpec> specs = new ArrayList<>();
        for (String request : requests) {
            int space = request.indexOf(' ');
            specs.add(new EndpointSpec(service, request.substring(0, space), request.substring(space + 1)));
        }
        return specs;
    }
}
