package io.autobot.optimizer.samples.patterns;

import static org.assertj.core.api.Assertions.assertThat;

import io.autobot.optimizer.samples.Sources;
import io.autobot.optimizer.samples.corpus.SourceFile;
import io.autobot.optimizer.samples.pipeline.WorkCounters;
import java.util.List;
import org.junit.jupiter.api.Test;

class PatternValidatorTest {

    private final PatternValidator validator = new PatternValidator(new WorkCounters());

    @Test
    void matchesTheRulesOfAPattern() {
        assertThat(validator.validate(Sources.UTILITY, List.of("utility-class", "documented-api", "small-methods")))
                .extracting(PatternMatch::pattern, PatternMatch::matched)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("utility-class", true),
                        org.assertj.core.groups.Tuple.tuple("documented-api", true),
                        org.assertj.core.groups.Tuple.tuple("small-methods", true));
    }

    @Test
    void stopsAtTheFirstRuleThatFails() {
        SourceFile notFinal = new SourceFile("U.java", "class U { private U() {} static int a() { return 1; } }");
        SourceFile instanceMethod = new SourceFile("V.java", "final class V { private V() {} int a() { return 1; } }");

        assertThat(validator.validate(notFinal, List.of("utility-class")))
                .singleElement().extracting(PatternMatch::failedRule).isEqualTo("is final");
        assertThat(validator.validate(instanceMethod, List.of("utility-class")))
                .singleElement().extracting(PatternMatch::failedRule).isEqualTo("has only static methods");
    }

    @Test
    void seesLostCausesSettersAndUnclosedResources() {
        SourceFile streams = new SourceFile("S.java", """
                class S {
                    java.io.InputStream open(String f) throws Exception { return new java.io.FileInputStream(f); }
                    void leak(String f) throws Exception { java.io.Reader r = new java.io.FileReader(f); }
                }
                """);

        assertThat(validator.validate(Sources.SECRET, List.of("exception-chaining", "immutable-value")))
                .extracting(PatternMatch::failedRule)
                .containsExactly("keeps the cause when translating", "has only final instance fields");
        assertThat(validator.validate(streams, List.of("resource-safety")))
                .singleElement().extracting(PatternMatch::failedRule).isEqualTo("closes them with try-with-resources");
    }

    @Test
    void anInvalidFileIsNotCheckedFurther() {
        List<PatternMatch> matches = validator.validate(Sources.BROKEN, PatternCatalog.names());

        assertThat(matches).singleElement().satisfies(match -> {
            assertThat(match.pattern()).isEqualTo(PatternValidator.SYNTAX);
            assertThat(match.matched()).isFalse();
            assertThat(match.failedRule()).startsWith("line 3");
        });
    }

    @Test
    void reportsUnknownPatternsAndKeepsFileOrder() {
        List<PatternMatch> matches = validator.validateAll(List.of(Sources.SECRET, Sources.UTILITY),
                List.of("no-such-pattern"));

        assertThat(matches).extracting(PatternMatch::component).containsExactly("demo.Client", "demo.Strings");
        assertThat(matches).extracting(PatternMatch::failedRule).containsOnly("unknown pattern");
    }
}
