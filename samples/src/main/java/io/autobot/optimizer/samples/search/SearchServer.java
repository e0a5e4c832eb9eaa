package io.autobot.optimizer.samples.search;

import io.autobot.optimizer.samples.json.Json;
import io.autobot.optimizer.samples.remote.SimulatedServer;
import io.autobot.optimizer.samples.remote.SimulatedService;
import io.autobot.optimizer.samples.remote.SimulatedService.Reply;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The code-search service the sample's search calls, started on 127.0.0.1 (an ephemeral port). It
 * stands in for a remote, rate-limited code-search service (such as SourceGraph), so it behaves like
 * one ({@link SimulatedService}): every query waits a <b>simulated latency</b> of {@link #LATENCY}
 * before it is answered, and more than {@link #REQUESTS_PER_SECOND} queries a second (bursts of
 * {@link #BURST}) are answered {@code 429}. Behind it, a {@link SearchEngine} over the corpus.
 *
 * <p>{@code GET /search?corpus=<fingerprint>&q=<query>} answers
 * {@code {"query": ..., "hits": [{"path", "line", "text", "score"}, ...]}}; a corpus other than
 * the one it indexed is {@code 404}, a request without {@code q} {@code 400}.
 */
public final class SearchServer extends SimulatedServer {

    /** The sustained query rate the service accepts, across clients. */
    public static final double REQUESTS_PER_SECOND = 12;
    /** How many queries may come at once before the rate applies. */
    public static final int BURST = 4;
    /** The simulated latency of one query (network plus the remote engine). */
    public static final Duration LATENCY = Duration.ofMillis(30);
    /** The path of a query. */
    public static final String PATH = "/search";

    private final SearchEngine engine;

    private SearchServer(SearchEngine engine) {
        this.engine = engine;
    }

    /** Starts the service on loopback over an index. */
    public static SearchServer start(SearchIndex index) throws IOException {
        SearchServer server = new SearchServer(new SearchEngine(index));
        server.serve("search-server", REQUESTS_PER_SECOND, BURST);
        return server;
    }

    @Override
    protected Reply handle(String method, String path, String query, String body) throws InterruptedException {
        if (!path.equals(PATH) || !method.equals("GET")) {
            return new Reply(404, "{\"error\":\"not found\"}");
        }
        Map<String, String> parameters = parameters(query);
        String text = parameters.get("q");
        if (text == null) {
            return new Reply(400, "{\"error\":\"expected q=<query>\"}");
        }
        if (!engine.corpusId().equals(parameters.get("corpus"))) {
            return new Reply(404, "{\"error\":\"unknown corpus\"}");
        }
        SimulatedService.simulateLatency(LATENCY.toMillis());
        return new Reply(200, Json.writeCompact(toJson(engine.search(engine.corpusId(), text))));
    }

    private static Map<String, Object> toJson(QueryResult result) {
        List<Object> hits = new ArrayList<>();
        for (SearchHit hit : result.hits()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("path", hit.path());
            json.put("line", hit.line());
            json.put("text", hit.text());
            json.put("score", hit.score());
            hits.add(json);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("query", result.query());
        json.put("hits", hits);
        return json;
    }

    private static Map<String, String> parameters(String query) {
        Map<String, String> parameters = new HashMap<>();
        if (query != null) {
            for (String pair : query.split("&")) {
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    parameters.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return parameters;
    }
}
