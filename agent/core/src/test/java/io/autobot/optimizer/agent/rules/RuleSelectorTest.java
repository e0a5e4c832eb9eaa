package io.autobot.optimizer.agent.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autobot.optimizer.agent.call.MethodSpec;
import io.autobot.optimizer.agent.config.AgentConfig;
import io.autobot.optimizer.agent.config.ConfigLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleSelectorTest {

    /** Stands for a third-party class. */
    static class Library {
        String quote(String item, int count) {
            return item + count;
        }

        String quote(String item) {
            return item;
        }

        long total(java.util.List<String> items, String[] names, int... extra) {
            return 0;
        }

        String find(String query) {
            return query;
        }
    }

    abstract static class Service {
        abstract String call(String request);
    }

    private final List<String> problems = new ArrayList<>();
    private final TypeDescription library = TypeDescription.ForLoadedType.of(Library.class);

    private RuleSelector selector(String... lines) {
        List<String> parseProblems = new ArrayList<>();
        List<Rule> rules = RulesParser.parse("app.rules", List.of(lines), parseProblems::add);
        assertThat(parseProblems).isEmpty();
        return new RuleSelector(rules, problems::add);
    }

    private MethodDescription.InDefinedShape method(TypeDescription type, String name, int parameters) {
        return type.getDeclaredMethods().stream()
                .filter(m -> m.getName().equals(name) && m.getParameters().size() == parameters)
                .findFirst().orElseThrow();
    }

    @Test
    void selectsByClassMethodAndParameterTypes() {
        String type = Library.class.getName();
        RuleSelector selector = selector(type + ".quote(String, int) cached(ttl=1m)", type + ".quote optimized(search)");
        assertThat(selector.types().matches(library)).isTrue();
        assertThat(selector.select(library, method(library, "quote", 2)).cached().ttl()).isEqualTo("1m");
        assertThat(selector.select(library, method(library, "quote", 1)).operation()).isEqualTo("search");
        assertThat(selector.select(library, method(library, "find", 1))).isNull();
        assertThat(selector.types().matches(TypeDescription.ForLoadedType.of(String.class))).isFalse();
    }

    @Test
    void matchesQualifiedSimpleArrayAndAnyParameters() {
        String type = Library.class.getName();
        RuleSelector selector = selector(type + ".total(java.util.List, String[], int[]) cached");
        assertThat(selector.select(library, method(library, "total", 3))).isNotNull();
        assertThat(selector(type + ".total(List, *, ..) cached").select(library, method(library, "total", 3)))
                .isNotNull();
        assertThat(selector(type + ".total(List) cached").select(library, method(library, "total", 3))).isNull();
        assertThat(selector(type + ".total(java.util.Map, ..) cached").select(library, method(library, "total", 3)))
                .isNull();
    }

    @Test
    void matchesClassAndMethodWildcards() {
        RuleSelector selector = selector("io.autobot.**.RuleSelectorTest$Lib*.fi* timeout(1s)");
        assertThat(selector.types().matches(library)).isTrue();
        MethodSpec spec = selector.select(library, method(library, "find", 1));
        assertThat(spec.timeout().value()).isEqualTo("1s");
        assertThat(selector.select(library, method(library, "quote", 1))).isNull();
        assertThat(problems).isEmpty(); // no complaint for wildcard classes
    }

    @Test
    void theFirstMatchingRuleWins() {
        String type = Library.class.getName();
        RuleSelector selector = selector(type + ".find cached(1m)", type + ".* cached(5m)");
        assertThat(selector.select(library, method(library, "find", 1)).cached().ttl()).isEqualTo("1m");
        assertThat(selector.select(library, method(library, "quote", 1)).cached().ttl()).isEqualTo("5m");
    }

    @Test
    void reportsOnceARuleWhoseClassLoadsWithoutTheMethod() {
        String type = Library.class.getName();
        RuleSelector selector = selector(type + ".find cached", type + ".missing cached", type + ".quote(long) cached");
        selector.select(library, method(library, "find", 1));
        selector.select(library, method(library, "quote", 1));
        assertThat(problems).containsExactly(
                "rules file app.rules line 2: class " + type + " has no method missing(..); the rule selects nothing: "
                        + type + ".missing cached",
                "rules file app.rules line 3: class " + type + " has no method quote(long); the rule selects nothing: "
                        + type + ".quote(long) cached");
    }

    @Test
    void reportsARuleThatNamesOnlyAnAbstractMethod() {
        TypeDescription service = TypeDescription.ForLoadedType.of(Service.class);
        RuleSelector selector = selector(Service.class.getName() + ".call cached");
        assertThat(selector.select(service, method(service, "call", 1))).isNotNull();
        assertThat(problems).singleElement().asString().contains("has no body").contains("line 1");
    }

    @Test
    void reportsAClassThatIsNowhereOnTheClassPath() {
        RuleSelector selector = selector("com.nowhere.Missing.run cached", Library.class.getName() + ".find cached",
                "com.nowhere.*.run cached");
        selector.reportMissingClasses(getClass().getClassLoader());
        assertThat(problems).singleElement().asString()
                .startsWith("rules file app.rules line 1: class com.nowhere.Missing is not on the class path");
    }

    @Test
    void isBuiltFromTheRulesSetting(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("app.rules"), Library.class.getName() + ".find cached\n");
        AgentConfig config = ConfigLoader.load("rules=" + file, Map.of(), new Properties(), problems::add);
        RuleSelector selector = RuleSelector.of(config, problems::add);
        assertThat(selector.rules()).containsExactly(Library.class.getName() + ".find cached");
        assertThat(problems).isEmpty();
        assertThat(RuleSelector.of(AgentConfig.defaults(), problems::add)).isNull();
        Files.writeString(file, Library.class.getName() + ".find cached\noops\n");
        assertThatThrownBy(() -> RuleSelector.of(config, problems::add)).hasMessageContaining("refused as a whole");
        assertThat(problems).singleElement().asString().contains("line 2");
    }
}
