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
        SearchService search = new SearchService(SearchIndex.build(corpus), new WorkCounters());

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
        SearchService search = new SearchService(SearchIndex.build(corpus), new WorkCounters());

        assertThatThrownBy(() -> search.search("other", "x")).isInstanceOf(IllegalArgumentException.class);
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
