package io.autobot.optimizer.agent.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autobot.optimizer.agent.call.MethodSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulesParserTest {

    private final List<String> problems = new ArrayList<>();

    private List<Rule> parse(String... lines) {
        return RulesParser.parse("app.rules", List.of(lines), problems::add);
    }

    private MethodSpec spec(String policies) {
        return RulesParser.parseRule("test", "com.acme.Prices.quote " + policies).spec();
    }

    @Test
    void readsEachPolicyIntoTheSameSpecAsItsAnnotation() {
        assertThat(spec("cached")).isEqualTo(new MethodSpec(null, new MethodSpec.Cached(""), null, null, null, null));
        assertThat(spec("cached(ttl=10m)").cached().ttl()).isEqualTo("10m");
        assertThat(spec("cached(2h)").cached().ttl()).isEqualTo("2h");
        assertThat(spec("optimized(search)").operation()).isEqualTo("search");
        assertThat(spec("optimized(operation=api_validation)").operation()).isEqualTo("api_validation");
        assertThat(spec("parallel").parallel()).isEqualTo(new MethodSpec.Parallel(0, "", false));
        assertThat(spec("parallel(threshold=8, argument=items, distinct=true)").parallel())
                .isEqualTo(new MethodSpec.Parallel(8, "items", true));
        assertThat(spec("rate-limited(5)").rateLimited())
                .isEqualTo(new MethodSpec.RateLimited(5, "", "5s", List.of(), 3, "100ms"));
        assertThat(spec("rate_limited(per-second=2.5, name=github, max-wait=1s, retry-on=java.io.IOException"
                + "|java.net.SocketTimeoutException, max-retries=5, backoff=50ms)").rateLimited())
                .isEqualTo(new MethodSpec.RateLimited(2.5, "github", "1s",
                        List.of("java.io.IOException", "java.net.SocketTimeoutException"), 5, "50ms"));
        assertThat(spec("batched(via=quoteAll, size=20, max-wait=500ms)").batched())
                .isEqualTo(new MethodSpec.Batched("quoteAll", 20, "500ms"));
        assertThat(spec("timeout(2s)").timeout()).isEqualTo(new MethodSpec.Timeout("2s", false, "100ms"));
        assertThat(spec("timeout(value=30s, adaptive=true, min=1s)").timeout())
                .isEqualTo(new MethodSpec.Timeout("30s", true, "1s"));
    }

    @Test
    void readsTheScopeOfARateLimitAsTheAnnotationsDoAndRejectsAnyOther() {
        assertThat(spec("rate-limited(5)").rateLimited().scope()).as("the setting decides").isEmpty();
        assertThat(spec("rate-limited(5, scope=fleet)").rateLimited().scope()).isEqualTo("fleet");
        assertThat(spec("@RateLimited(perSecond = 5, scope = RateLimited.Scope.LOCAL)").rateLimited().scope())
                .isEqualTo("local");
        assertThat(spec("cached(scope=Cached.Scope.ARGUMENTS)").cached().argumentsOnly()).isTrue();
        assertThatThrownBy(() -> spec("rate-limited(5, scope=cluster)"))
                .hasMessageContaining("rate-limited(scope=cluster) is not accepted: expected local or fleet");
    }

    @Test
    void takesPastedAnnotationsAndSeveralPolicies() {
        MethodSpec spec = spec("@Optimized(operation = \"search\") @Cached(ttl = \"2h\")  @RateLimited(perSecond = 10)");
        assertThat(spec.operation()).isEqualTo("search");
        assertThat(spec.cached().ttl()).isEqualTo("2h");
        assertThat(spec.rateLimited().perSecond()).isEqualTo(10);
    }

    @Test
    void readsPatternsWithWildcardsAndParameters() {
        List<Rule> rules = parse(
                "# a comment",
                "",
                "com.acme.Prices.quote(java.lang.String, int)  cached   # trailing comment",
                "com.acme.**.find*  optimized(search)",
                "com.acme.Outer$Inner.run() cached",
                "com.acme.Api.call(String, ..) timeout(1s)",
                "com.acme.Api.any(..) cached");
        assertThat(problems).isEmpty();
        assertThat(rules).hasSize(5);
        assertThat(rules.get(0).target()).isEqualTo("com.acme.Prices.quote(java.lang.String, int)");
        assertThat(rules.get(0).source()).isEqualTo("rules file app.rules line 3");
        assertThat(rules.get(1).type().exact()).isFalse();
        assertThat(rules.get(1).matchesType("com.acme.deep.pkg.Search")).isTrue();
        assertThat(rules.get(1).matchesType("org.other.Search")).isFalse();
        assertThat(rules.get(2).type().toString()).isEqualTo("com.acme.Outer$Inner");
        assertThat(rules.get(3).parameters().toString()).isEqualTo("(String, ..)");
        assertThat(rules.get(4).parameters()).isSameAs(ParameterPattern.ANY);
    }

    @Test
    void singleStarStaysWithinAPackage() {
        Rule rule = parse("com.acme.*.Prices.quote cached").get(0);
        assertThat(rule.matchesType("com.acme.shop.Prices")).isTrue();
        assertThat(rule.matchesType("com.acme.shop.eu.Prices")).isFalse();
    }

    @Test
    void reportsEachBadRuleWithItsLineAndKeepsTheOthers() {
        List<Rule> rules = parse(
                "com.acme.Prices.quote cached(ttl=10m)",
                "com.acme.Prices.quote cachd(1h)",
                "com.acme.Prices.quote cached(ttl=soon)",
                "com.acme.Prices.quote(String cached",
                "quote cached",
                "com.acme.Prices.quote",
                "com.acme.Prices.quote rate-limited(per-second=fast)",
                "com.acme.Prices.quote batched(size=3)",
                "com.acme.Prices.quote cached(color=red)",
                "com.acme.Prices.quote cached cached",
                "com.acme.Prices.quote(String;int) cached",
                "com.acme.Prices.other timeout(5s)");
        assertThat(rules).extracting(Rule::text)
                .containsExactly("com.acme.Prices.quote cached(ttl=10m)", "com.acme.Prices.other timeout(5s)");
        assertThat(problems).hasSize(10);
        assertThat(problems.get(0)).isEqualTo("rules file app.rules line 2: unknown policy 'cachd': expected one of"
                + " optimized, cached, parallel, rate-limited, batched, timeout: com.acme.Prices.quote cachd(1h)");
        assertThat(problems.get(1)).startsWith("rules file app.rules line 3: cached(ttl=soon) is not accepted:"
                + " expected a duration");
        assertThat(problems.get(2)).startsWith("rules file app.rules line 4: the parameter list is not closed");
        assertThat(problems.get(3)).startsWith("rules file app.rules line 5: 'quote' is not a method");
        assertThat(problems.get(4)).startsWith("rules file app.rules line 6: no policy");
        assertThat(problems.get(5)).startsWith("rules file app.rules line 7: rate-limited(per-second=fast) is not"
                + " accepted: expected a number");
        assertThat(problems.get(6)).startsWith("rules file app.rules line 8: batched needs the batch method");
        assertThat(problems.get(7)).startsWith("rules file app.rules line 9: cached has no 'color'");
        assertThat(problems.get(8)).startsWith("rules file app.rules line 10: policy 'cached' is given twice");
        assertThat(problems.get(9)).startsWith("rules file app.rules line 11: parameter type 'String;int' is not");
        assertThat(problems).allSatisfy(problem -> assertThat(problem).doesNotContain("\n"));
    }

    @Test
    void refusesAFileThatCannotBeRead(@TempDir Path dir) {
        assertThatThrownBy(() -> RulesParser.read(dir.resolve("missing.rules"), problems::add))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("missing.rules")
                .hasMessageContaining("no such file").hasMessageContaining("refused");
    }

    @Test
    void readsAFile(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("app.rules"), "com.acme.A.b cached\n\ncom.acme.A.c cached(1h)\n");
        assertThat(RulesParser.read(file, problems::add)).hasSize(2);
        assertThat(problems).isEmpty();
    }

    @Test
    void refusesAFileWithALineThatDoesNotParseAsAWhole(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("app.rules"), "com.acme.A.b cached\n\ncom.acme.A.c bad\n");
        assertThatThrownBy(() -> RulesParser.read(file, problems::add))
                .hasMessage("rules file " + file + " is refused as a whole: 1 line does not parse (see"
                        + " docs/attach.md for the format)");
        assertThat(problems).singleElement().asString().contains(file.toString() + " line 3");
    }

    @Test
    void rejectsMalformedPoliciesWithAMessage() {
        assertThatThrownBy(() -> spec("cached(ttl=1h")).hasMessageContaining("cached( is not closed");
        assertThatThrownBy(() -> spec("cached(ttl=\"1h)")).hasMessageContaining("quoted value is not closed");
        assertThatThrownBy(() -> spec("parallel(threshold=-1)")).hasMessageContaining("a whole number");
        assertThatThrownBy(() -> spec("timeout(adaptive=maybe)")).hasMessageContaining("true or false");
        assertThatThrownBy(() -> spec("cached(1h, 2h)")).hasMessageContaining("one value without a name");
    }
}
