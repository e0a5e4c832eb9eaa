package io.autobot.optimizer.samples.search;

import io.autobot.optimizer.annotations.Cached;
import io.autobot.optimizer.annotations.Optimized;
import io.autobot.optimizer.annotations.Parallel;
import io.autobot.optimizer.annotations.RateLimited;
import io.autobot.optimizer.samples.json.Json;
import io.autobot.optimizer.samples.pipeline.WorkCounters;
import io.autobot.optimizer.samples.remote.RemoteCalls;
import io.autobot.optimizer.samples.remote.TooManyRequestsException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Search ({@code optimize_sourcegraph_search}): sends each query to the code-search service
 * ({@link SearchServer}, remote and rate limited), then merges the results.
 *
 * <p>The code is correct on its own: the queries go one after the other and a {@code 429} is
 * retried after the wait the service asks for. With the agent, {@link #searchAll} runs its
 * queries on worker threads, each query's result is memoized (profile {@code search}), and the
 * queries are throttled below the service's limit so that 429s become rare.
 */
public class SearchService {

    private final URI base;
    private final WorkCounters counters;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    public SearchService(URI base, WorkCounters counters) {
        this.base = base;
        this.counters = counters;
    }

    /**
     * The results of each query, in the given order.
     *
     * @param corpusId the fingerprint of the searched corpus: results depend on it, so it is part of
     *        the call (and of any memo key)
     */
    @Optimized(operation = "search")
    // the result depends on the arguments only, as search's does: keyed without the receiver, so on disk too
    @Cached(scope = Cached.Scope.ARGUMENTS)
    @Parallel(argument = "queries")
    public List<QueryResult> searchAll(String corpusId, List<String> queries) {
        List<QueryResult> results = new ArrayList<>();
        for (String query : queries) {
            results.add(search(corpusId, query));
        }
        return results;
    }

    /** The lines that match one query, in the best files, as the service answers them. */
    @Optimized(operation = "search")
    // the result depends on the arguments only: the service is named by its corpus, not by its port
    @Cached(ttl = "30m", scope = Cached.Scope.ARGUMENTS)
    public QueryResult search(String corpusId, String query) {
        counters.recordComputed(WorkCounters.SEARCH);
        URI uri = base.resolve(SearchServer.PATH + "?corpus=" + URLEncoder.encode(corpusId, StandardCharsets.UTF_8)
                + "&q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
        HttpResponse<String> response = RemoteCalls.exchange(
                HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(), this::send);
        if (response.statusCode() == 404) {
            throw new IllegalArgumentException("the search service does not hold corpus " + corpusId);
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("the search service answered " + response.statusCode() + " to " + uri);
        }
        return fromJson((Map<?, ?>) Json.parse(response.body()));
    }

    /**
     * Sends one query, once. A 429 is thrown as {@link TooManyRequestsException}; with the agent
     * the queries are throttled below the service's limit and a 429 is retried with backoff.
     */
    @RateLimited(name = "search", perSecond = SearchServer.REQUESTS_PER_SECOND * 0.9, maxWait = "30s",
            retryOn = TooManyRequestsException.class, maxRetries = 5, backoff = "20ms")
    public HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return RemoteCalls.refuseTooMany(client.send(request, HttpResponse.BodyHandlers.ofString()));
    }

    /**
     * Merges the results of several queries: each line once, with its best score, best first
     * (ties by path and line).
     */
    public static List<SearchHit> deduplicate(List<QueryResult> results) {
        Map<String, SearchHit> unique = new LinkedHashMap<>();
        for (QueryResult result : results) {
            for (SearchHit hit : result.hits()) {
                unique.merge(hit.path() + ":" + hit.line(), hit,
                        (kept, other) -> other.score() > kept.score() ? other : kept);
            }
        }
        List<SearchHit> merged = new ArrayList<>(unique.values());
        merged.sort(Comparator.comparingDouble(SearchHit::score).reversed()
                .thenComparing(SearchHit::path).thenComparingInt(SearchHit::line));
        return merged;
    }

    private static QueryResult fromJson(Map<?, ?> json) {
        List<SearchHit> hits = new ArrayList<>();
        for (Object item : (List<?>) json.get("hits")) {
            Map<?, ?> hit = (Map<?, ?>) item;
            hits.add(new SearchHit((String) hit.get("path"), ((Number) hit.get("line")).intValue(),
                    (String) hit.get("text"), ((Number) hit.get("score")).doubleValue()));
        }
        return new QueryResult((String) json.get("query"), List.copyOf(hits));
    }
}
