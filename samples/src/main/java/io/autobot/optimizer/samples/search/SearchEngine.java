package io.autobot.optimizer.samples.search;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The search service's side of search: ranks the files of its corpus for a query, then scans the
 * best ones line by line for the matching lines, as a code search engine does. It runs behind the
 * {@link SearchServer}; the sample's code calls it through {@link SearchService}.
 */
public final class SearchEngine {

    /** The files scanned per query. */
    public static final int FILES_PER_QUERY = 20;
    /** The lines reported per file. */
    public static final int LINES_PER_FILE = 5;

    private final SearchIndex index;

    public SearchEngine(SearchIndex index) {
        this.index = index;
    }

    /** The fingerprint of the corpus it searches. */
    public String corpusId() {
        return index.corpus().id();
    }

    /** The lines that match one query, in the best files. */
    public QueryResult search(String corpusId, String query) {
        if (!corpusId.equals(corpusId())) {
            throw new IllegalArgumentException("this index holds corpus " + corpusId() + ", not " + corpusId);
        }
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
