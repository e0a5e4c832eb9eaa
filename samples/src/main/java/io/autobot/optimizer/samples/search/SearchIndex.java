package io.autobot.optimizer.samples.search;

import io.autobot.optimizer.samples.corpus.Corpus;
import io.autobot.optimizer.samples.corpus.SourceFile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An inverted index of the corpus: for each term, the files that hold it and how often. Files
 * are ranked with BM25, the scoring of most search engines.
 */
public final class SearchIndex {

    private static final double K1 = 1.2;
    private static final double B = 0.75;

    private final Corpus corpus;
    private final Map<String, Map<Integer, Integer>> postings = new HashMap<>();
    private final int[] lengths;
    private final double averageLength;

    private SearchIndex(Corpus corpus) {
        this.corpus = corpus;
        this.lengths = new int[corpus.files().size()];
        long total = 0;
        for (int doc = 0; doc < lengths.length; doc++) {
            List<String> terms = Tokenizer.terms(corpus.files().get(doc).content());
            lengths[doc] = terms.size();
            total += terms.size();
            for (String term : terms) {
                postings.computeIfAbsent(term, key -> new HashMap<>()).merge(doc, 1, Integer::sum);
            }
        }
        this.averageLength = lengths.length == 0 ? 1 : Math.max(1, (double) total / lengths.length);
    }

    /** Indexes every file of the corpus. */
    public static SearchIndex build(Corpus corpus) {
        return new SearchIndex(corpus);
    }

    public Corpus corpus() {
        return corpus;
    }

    /** The number of distinct terms. */
    public int terms() {
        return postings.size();
    }

    /**
     * The files that hold any of the terms, best first (ties by path), at most {@code limit}.
     */
    public List<Ranked> rank(List<String> queryTerms, int limit) {
        Set<String> distinct = new LinkedHashSet<>(queryTerms);
        Map<Integer, Double> scores = new HashMap<>();
        int documents = lengths.length;
        for (String term : distinct) {
            Map<Integer, Integer> docs = postings.get(term);
            if (docs == null) {
                continue;
            }
            double idf = Math.log(1 + (documents - docs.size() + 0.5) / (docs.size() + 0.5));
            for (Map.Entry<Integer, Integer> posting : docs.entrySet()) {
                int doc = posting.getKey();
                double tf = posting.getValue();
                double norm = tf * (K1 + 1) / (tf + K1 * (1 - B + B * lengths[doc] / averageLength));
                scores.merge(doc, idf * norm, Double::sum);
            }
        }
        List<Ranked> ranked = new ArrayList<>();
        for (Map.Entry<Integer, Double> entry : scores.entrySet()) {
            ranked.add(new Ranked(corpus.files().get(entry.getKey()), Math.round(entry.getValue() * 1000) / 1000.0));
        }
        ranked.sort(Comparator.comparingDouble(Ranked::score).reversed()
                .thenComparing(hit -> hit.file().path()));
        return ranked.size() > limit ? List.copyOf(ranked.subList(0, limit)) : List.copyOf(ranked);
    }

    /** A file and its score for a query. */
    public record Ranked(SourceFile file, double score) {
    }
}
