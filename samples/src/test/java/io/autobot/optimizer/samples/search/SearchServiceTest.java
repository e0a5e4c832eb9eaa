package io.autobot.optimizer.samples.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autobot.optimizer.samples.Sources;
import io.autobot.optimizer.samples.corpus.Corpus;
import io.autobot.optimizer.samples.pipeline.WorkCounters;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchServiceTest {

    @TempDir
    Path dir;

    @Test
    void splitsIdentifiersIntoTerms() {
        assertThat(Tokenizer.terms("HttpClient parseURLValue user_names for the Caches"))
                .containsExactly("http", "client", "parse", "url", "value", "user", "name", "cache");
    }

    @Test
    void findsTheMatchingLinesOfTheBestFiles() throws Exception {
        Corpus corpus = Sources.corpus(dir, Sources.UTILITY, Sources.SECRET);
        SearchEngine search = new SearchEngine(SearchIndex.build(corpus));

        QueryResult result = search.search(corpus.id(), "join words");

        assertThat(result.hits()).isNotEmpty();
        assertThat(result.hits()).extracting(SearchHit::path).containsOnly(Sources.UTILITY.path());
        assertThat(result.hits()).extracting(SearchHit::line).isSorted();
        assertThat(result.hits()).extracting(SearchHit::text).contains("import demo.text.Words;", "/** Joins words. */",
                "public static String join(List<String> words) {");
    }

    @Test
    void refusesAnotherCorpus() throws Exception {
        Corpus corpus = Sources.corpus(dir, Sources.UTILITY);
        SearchEngine search = new SearchEngine(SearchIndex.build(corpus));

        assertThatThrownBy(() -> search.search("other", "x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theServiceAnswersWhatTheEngineFindsAndRefusesAnotherCorpus() throws Exception {
        Corpus corpus = Sources.corpus(dir, Sources.UTILITY, Sources.SECRET);
        SearchIndex index = SearchIndex.build(corpus);
        WorkCounters counters = new WorkCounters();
        try (SearchServer server = SearchServer.start(index)) {
            SearchService search = new SearchService(server.baseUri(), counters);

            assertThat(search.searchAll(corpus.id(), List.of("join words", "password count")))
                    .containsExactly(new SearchEngine(index).search(corpus.id(), "join words"),
                            new SearchEngine(index).search(corpus.id(), "password count"));
            assertThat(counters.computed(WorkCounters.SEARCH)).isEqualTo(2);
            assertThatThrownBy(() -> search.search("other", "x")).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void tooManyQueriesAreAnswered429AndRetriedAfterTheWaitAsked() throws Exception {
        Corpus corpus = Sources.corpus(dir, Sources.UTILITY);
        try (SearchServer server = SearchServer.start(SearchIndex.build(corpus))) {
            SearchService search = new SearchService(server.baseUri(), new WorkCounters());
            int queries = (int) (2 * SearchServer.REQUESTS_PER_SECOND); // at once: far more than the burst
            java.util.concurrent.ExecutorService callers = java.util.concurrent.Executors.newFixedThreadPool(queries);
            try {
                List<java.util.concurrent.Future<QueryResult>> results = new java.util.ArrayList<>();
                for (int i = 0; i < queries; i++) {
                    results.add(callers.submit(() -> search.search(corpus.id(), "join words")));
                }
                for (java.util.concurrent.Future<QueryResult> result : results) {
                    assertThat(result.get().hits()).isNotEmpty();
                }
            } finally {
                callers.shutdownNow();
            }
            assertThat(server.rejected()).isPositive();
            assertThat(server.requests()).isEqualTo(queries + server.rejected());
        }
    }

    @Test
    void mergesResultsKeepingEachLineOnceWithItsBestScore() {
        SearchHit a1 = new SearchHit("a", 1, "x", 1.0);
        SearchHit a1better = new SearchHit("a", 1, "x", 2.0);
        SearchHit b2 = new SearchHit("b", 2, "y", 1.5);
        SearchHit a3 = new SearchHit("a", 3, "z", 1.0);

        List<SearchHit> merged = SearchService.deduplicate(List.of(new QueryResult("q1", List.of(a1, a3)),
                new QueryResult("q2", List.of(b2, a1better))));

        assertThat(merged).containsExactly(a1better, b2, a3);
    }

    @Test
    void ranksFilesByRelevance() throws Exception {
        Corpus corpus = Sources.corpus(dir, Sources.UTILITY, Sources.SECRET);
        SearchIndex index = SearchIndex.build(corpus);

        assertThat(index.rank(Tokenizer.terms("password count"), 5)).extracting(ranked -> ranked.file().path())
                .containsExactly(Sources.SECRET.path());
        assertThat(index.rank(Tokenizer.terms("nothing matches zzz"), 5)).isEmpty();
    }
}
