package io.autobot.optimizer.samples.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.autobot.optimizer.samples.Sources;
import io.autobot.optimizer.samples.corpus.Corpus;
import io.autobot.optimizer.samples.corpus.SourceFile;
import io.autobot.optimizer.samples.endpoints.EndpointSpec;
import io.autobot.optimizer.samples.search.SearchIndex;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PipelineTest {

    @TempDir
    Path dir;

    @Test
    void plansThePromptsComponentsSearchesAndEndpoints() throws Exception {
        SourceFile client = new SourceFile("src/main/java/web/HttpFetcher.java",
                "class HttpFetcher { String request(String url) { return url; } }");
        Corpus corpus = Sources.corpus(dir, Sources.UTILITY, client);

        Plan plan = new PromptPlanner(SearchIndex.build(corpus), "svc", 5).plan("Create a web scraper");

        assertThat(plan.components()).extracting(SourceFile::path).startsWith(client.path());
        assertThat(plan.queries()).startsWith("web scraper", "http request response").contains("http fetcher");
        assertThat(plan.endpoints()).extracting(EndpointSpec::toString).startsWith("GET /api/v1/users",
                "POST /api/v1/posts").containsSubsequence("GET /api/v1/pages", "GET /api/v1/robots",
                "POST /api/v1/links", "GET /api/v1/components/HttpFetcher").doesNotHaveDuplicates();
        assertThat(plan.endpoints()).extracting(EndpointSpec::service).containsOnly("svc");
    }

    @Test
    void runsTheFiveOperationsWithProgressAndTheSameResultsEachTime() throws Exception {
        Corpus corpus = Sources.corpus(dir, Sources.UTILITY, Sources.SECRET, Sources.BROKEN);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        try (Pipeline pipeline = new Pipeline(corpus, new PrintStream(bytes, true, StandardCharsets.UTF_8), 3)) {
            pipeline.warmUp();
            PipelineResult first = pipeline.run("validate the demo client");
            PipelineResult second = pipeline.run("validate the demo client");

            assertThat(first.metrics()).hasSize(3);
            assertThat(first.reports()).hasSize(3);
            assertThat(first.endpoints()).isNotEmpty();
            assertThat(first.hits()).isNotEmpty();
            assertThat(first.nanos()).containsOnlyKeys(WorkCounters.OPERATIONS);
            assertThat(second.canonical()).isEqualTo(first.canonical());
            assertThat(pipeline.counters().requested(WorkCounters.COMPONENT_ANALYSIS)).isEqualTo(6);
            assertThat(pipeline.counters().computed(WorkCounters.COMPONENT_ANALYSIS)).isEqualTo(6); // no agent here
        }
        String progress = bytes.toString(StandardCharsets.UTF_8);
        assertThat(progress).contains("[1/5] component analysis: 3 files ...").contains("[5/5] multi-layer validation")
                .contains("1 not parseable").contains("critical");
    }
}
