package io.autobot.optimizer.samples.search;

import io.autobot.optimizer.annotations.Cached;
import io.autobot.optimizer.annotations.Optimized;
import io.autobot.optimizer.annotations.Parallel;
import io.autobot.optimizer.samples.pipeline.WorkCounters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Search ({@code optimize_sourcegraph_search}, over the local corpus instead of
 * SourceGraph): ranks the files for a query, then scans the best ones line by line for the
 * matching lines, as a code search engine does.
 *
 * <p>With the agent, {@link #searchAll} runs its queries on worker threads and each query's result
 * is memoized under the {@code search} profile. {@link #deduplicate} merges the results.
 */
public class SearchService {

    /** The files scanned per query. */
    public static final int FILES_PER_QUERY = 20;
    /** The lines reported per file. */
    public static final int LINES_PER_FILE = 5;

    private final SearchIndex index;
    private final WorkCounters counters;

    public SearchService(SearchIndex index, WorkCounters counters) {
        this.index = index;
        this.counters = counters;
    }

    /**
     * The results of each query, in the given order.
     *
     * @param corpusId the fingerprint of the indexed corpus: results depend on it, so it is part of
     *        the call (and of any memo key)
     */
    @Optimized(operation = "search")
    @Parallel(argument = "queries")
    public List<QueryResult> searchAll(String corpusId, List<String> queries) {
        List<QueryResult> results = new ArrayList<>();
        for (String query : queries) {
            results.add(search(corpusId, query));
        }
        return results;
    }

    /** The lines that match one query, in the best files. */
    @Optimized(operation = "search")
    @Cached(ttl = "30m")
    public QueryResult search(String corpusId, String query) {
        if (!corpusId.equals(index.corpus().id())) {
            throw new IllegalArgumentException("this index holds corpus " + index.corpus().id() + ", not " + corpusId);
        }
        counters.recordComputed(WorkCounters.SEARCH);
        List<String> terms = Tokenizer.terms(query);
        Set<String> wanted = new HashSet<>(terms);
        List<SearchHit> hits = new ArrayList<>();
        for (SearchIndex.Ranked ranked : index.rank(terms, FILES_PER_QUERY)) {
            String[] lines = ranked.file().content().split("\n", -1);
            int found = 0;
            for (int i = 0; i < lines.length && found < LINES_PER_FILE; i++) {
                if (matches(lines[i], wanted)) {
                    hits.add(new SearchHit(ranked.file().path(), i + 1, shorten(lines[i].trim()), ranked.score()));
                    found++;
                }
            }
        }
        return new QueryResult(query, List.copyOf(hits));
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

    private static boolean matches(String line, Set<String> wanted) {
        for (String term : Tokenizer.terms(line)) {
            if (wanted.contains(term)) {
                return true;
            }
        }
        return false;
    }

    private static String shorten(String line) {
        return line.length() <= 120 ? line : line.substring(0, 117) + "...";
    }
}
