package io.autobot.optimizer.samples.endpoints;

import static org.assertj.core.api.Assertions.assertThat;

import io.autobot.optimizer.samples.pipeline.WorkCounters;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ApiValidatorTest {

    private RegistryServer registry;
    private ApiValidator validator;
    private final WorkCounters counters = new WorkCounters();

    @BeforeEach
    void start() throws Exception {
        registry = RegistryServer.start(Set.of("Engine"));
        validator = new ApiValidator(registry.baseUri(), counters);
    }

    @AfterEach
    void stop() {
        validator.close();
        registry.close();
    }

    @Test
    void theRegistryAnswersAsARestServiceDoes() {
        assertThat(registry.resolve("GET", "/api/v1/users").status()).isEqualTo(200);
        assertThat(registry.resolve("POST", "/api/v1/posts").status()).isEqualTo(201);
        assertThat(registry.resolve("POST", "/api/v1/robots").status()).isEqualTo(405);
        assertThat(registry.resolve("GET", "/api/v1/users/7").body()).contains("\"id\":\"7\"");
        assertThat(registry.resolve("GET", "/api/v1/components/Engine").status()).isEqualTo(200);
        assertThat(registry.resolve("GET", "/api/v1/components/Nope").status()).isEqualTo(404);
        assertThat(registry.resolve("GET", "/api/v1/scrapers").status()).isEqualTo(404);
        assertThat(registry.resolve("GET", "/elsewhere").status()).isEqualTo(404);
    }

    @Test
    void validatesEndpointsOverHttp() {
        List<EndpointResult> results = validator.validateAll(List.of(spec("GET", "/api/v1/users"),
                spec("POST", "/api/v1/posts"), spec("POST", "/api/v1/robots"), spec("GET", "/api/v1/components/Nope")));

        assertThat(results).extracting(EndpointResult::valid).containsExactly(true, true, false, false);
        assertThat(results.get(2).problem()).isEqualTo("expected 201, got 405");
        assertThat(results.get(3).status()).isEqualTo(404);
        assertThat(counters.computed(WorkCounters.API_VALIDATION)).isEqualTo(4);
    }

    @Test
    void aBatchRequestGivesTheSameResultsAsSingleOnes() {
        List<EndpointSpec> specs = List.of(spec("GET", "/api/v1/pages"), spec("POST", "/api/v1/links"),
                spec("GET", "/api/v1/components/Engine"), spec("POST", "/api/v1/pages"));

        assertThat(validator.validateBatch(specs)).isEqualTo(validator.validateAll(specs));
    }

    @Test
    void theRegistryAnswers429WhenClientsGoTooFast() throws Exception {
        List<HttpResponse<String>> responses = burst(40);

        assertThat(responses).extracting(HttpResponse::statusCode).contains(200, 429);
        HttpResponse<String> rejected = responses.stream().filter(response -> response.statusCode() == 429)
                .findFirst().orElseThrow();
        assertThat(rejected.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(rejected.headers().firstValue("X-Retry-After-Ms")).hasValueSatisfying(
                millis -> assertThat(Long.parseLong(millis)).isBetween(1L, 1000L));
        assertThat(registry.rejected()).isEqualTo(responses.stream().filter(r -> r.statusCode() == 429).count());
    }

    @Test
    void retriesWhatTheRateLimitRejectsAndStillGetsEveryResultRight() throws Exception {
        burst(40); // empties the registry's bucket: the validator's first requests get 429
        long rejectedBefore = registry.rejected();
        List<EndpointSpec> specs = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            specs.add(spec("GET", "/api/v1/users/" + i));
        }

        List<EndpointResult> results = validator.validateAll(specs);

        assertThat(results).hasSize(12).allMatch(EndpointResult::valid);
        assertThat(results).extracting(EndpointResult::path).containsExactlyElementsOf(
                specs.stream().map(EndpointSpec::path).toList());
        assertThat(validator.rateLimitedResponses()).isPositive().isEqualTo(registry.rejected() - rejectedBefore);
    }

    /** Sends {@code count} requests at once, from outside the validator. */
    private List<HttpResponse<String>> burst(int count) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<CompletableFuture<HttpResponse<String>>> futures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            futures.add(client.sendAsync(HttpRequest.newBuilder(registry.baseUri().resolve("/api/v1/health")).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        List<HttpResponse<String>> responses = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> future : futures) {
            responses.add(future.get());
        }
        return responses;
    }

    @Test
    void judgesResponses() {
        EndpointSpec get = spec("GET", "/x");
        assertThat(EndpointResult.check(get, 200, "application/json", "[1]").valid()).isTrue();
        assertThat(EndpointResult.check(get, 200, "text/html", "<p>").problem()).startsWith("expected application/json");
        assertThat(EndpointResult.check(get, 200, "application/json", "{oops").problem()).startsWith("the body is not JSON");
    }

    private static EndpointSpec spec(String method, String path) {
        return new EndpointSpec("registry@test", method, path);
    }
}
