package io.autobot.optimizer.samples.patterns;

import static io.autobot.optimizer.samples.patterns.TypeFacts.constructors;
import static io.autobot.optimizer.samples.patterns.TypeFacts.fields;
import static io.autobot.optimizer.samples.patterns.TypeFacts.has;
import static io.autobot.optimizer.samples.patterns.TypeFacts.methods;
import static io.autobot.optimizer.samples.patterns.TypeFacts.nestedTypes;
import static io.autobot.optimizer.samples.patterns.TypeFacts.returns;

import com.sun.source.tree.ClassTree;
import io.autobot.optimizer.samples.analysis.Complexity;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * The integration patterns the sample knows, each a list of rules over the parsed tree. They are
 * the usual building blocks of a Java code base, so that any corpus matches some of them.
 */
public final class PatternCatalog {

    private static final Set<String> FACTORY_NAMES = Set.of("of", "from", "create", "valueOf", "parse", "newInstance");

    private static final Map<String, IntegrationPattern> PATTERNS = build();

    private PatternCatalog() {
    }

    /** Every pattern's name, in catalog order. */
    public static List<String> names() {
        return List.copyOf(PATTERNS.keySet());
    }

    /** The pattern of that name, or null. */
    public static IntegrationPattern find(String name) {
        return PATTERNS.get(name);
    }

    private static Map<String, IntegrationPattern> build() {
        Map<String, IntegrationPattern> patterns = new LinkedHashMap<>();
        add(patterns, "utility-class",
                rule("is a class", (source, type) -> type.getKind() == Tree.Kind.CLASS),
                rule("has only static methods", (source, type) -> !methods(type).isEmpty()
                        && methods(type).stream().allMatch(method -> has(method, Modifier.STATIC))),
                rule("has no instance field", (source, type) -> fields(type).stream()
                        .allMatch(field -> has(field, Modifier.STATIC))),
                rule("has only private constructors", (source, type) -> !constructors(type).isEmpty()
                        && constructors(type).stream().allMatch(ctor -> has(ctor, Modifier.PRIVATE))),
                rule("is final", (source, type) -> has(type, Modifier.FINAL)));
        add(patterns, "immutable-value",
                rule("is a record or a class with fields", (source, type) -> type.getKind() == Tree.Kind.RECORD
                        || type.getKind() == Tree.Kind.CLASS && !instanceFields(type).isEmpty()),
                rule("has only final instance fields", (source, type) -> type.getKind() == Tree.Kind.RECORD
                        || instanceFields(type).stream().allMatch(field -> has(field, Modifier.FINAL))),
                rule("has no setter", (source, type) -> methods(type).stream()
                        .noneMatch(method -> method.getName().toString().startsWith("set"))),
                rule("cannot be subclassed", (source, type) -> type.getKind() == Tree.Kind.RECORD
                        || has(type, Modifier.FINAL)));
        add(patterns, "builder",
                rule("has a nested Builder type", (source, type) -> builder(type) != null),
                rule("the builder has build()", (source, type) -> methods(builder(type)).stream()
                        .anyMatch(method -> method.getName().contentEquals("build"))),
                rule("the builder is fluent", (source, type) -> methods(builder(type)).stream()
                        .anyMatch(method -> returns(method, builder(type).getSimpleName()))));
        add(patterns, "singleton",
                rule("is a class", (source, type) -> type.getKind() == Tree.Kind.CLASS),
                rule("has only private constructors", (source, type) -> !constructors(type).isEmpty()
                        && constructors(type).stream().allMatch(ctor -> has(ctor, Modifier.PRIVATE))),
                rule("exposes one shared instance", (source, type) -> fields(type).stream()
                        .anyMatch(field -> has(field, Modifier.STATIC)
                                && field.getType().toString().equals(type.getSimpleName().toString()))));
        add(patterns, "static-factory",
                rule("has a static factory method", (source, type) -> !factories(type).isEmpty()),
                rule("the factory is public", (source, type) -> factories(type).stream()
                        .anyMatch(method -> has(method, Modifier.PUBLIC))),
                rule("constructors are not public", (source, type) -> constructors(type).stream()
                        .noneMatch(ctor -> has(ctor, Modifier.PUBLIC))));
        add(patterns, "observer",
                rule("lets listeners register", (source, type) -> methods(type).stream()
                        .anyMatch(method -> method.getName().toString().matches("(add|register).*Listener")
                                || method.getName().contentEquals("subscribe"))),
                rule("keeps its listeners", (source, type) -> fields(type).stream()
                        .anyMatch(field -> field.getType().toString().matches(".*(List|Set|Collection|Queue).*"))));
        add(patterns, "exception-chaining",
                rule("catches exceptions", (source, type) -> CatchScanner.of(type).catches > 0),
                rule("keeps the cause when translating", (source, type) -> CatchScanner.of(type).causeLost == 0));
        add(patterns, "resource-safety",
                rule("opens resources", (source, type) -> ResourceScanner.of(source, type).opened > 0),
                rule("closes them with try-with-resources", (source, type) -> ResourceScanner.of(source, type).unmanaged == 0));
        add(patterns, "documented-api",
                rule("has a doc comment", (source, type) -> source.docComment(type) != null),
                rule("documents its public methods", (source, type) -> methods(type).stream()
                        .filter(method -> has(method, Modifier.PUBLIC))
                        .allMatch(method -> source.docComment(method) != null)));
        add(patterns, "small-methods",
                rule("has methods", (source, type) -> !methods(type).isEmpty()),
                rule("every method has complexity 10 or less", (source, type) -> methods(type).stream()
                        .allMatch(method -> Complexity.of(method) <= 10)));
        return patterns;
    }

    private static void add(Map<String, IntegrationPattern> patterns, String name, Rule... rules) {
        patterns.put(name, new IntegrationPattern(name, List.of(rules)));
    }

    private static Rule rule(String description, java.util.function.BiPredicate<
            io.autobot.optimizer.samples.parse.ParsedSource, ClassTree> test) {
        return new Rule(description, test);
    }

    private static List<com.sun.source.tree.VariableTree> instanceFields(ClassTree type) {
        return fields(type).stream().filter(field -> !has(field, Modifier.STATIC)).toList();
    }

    private static ClassTree builder(ClassTree type) {
        return nestedTypes(type).stream().filter(inner -> inner.getSimpleName().toString().endsWith("Builder"))
                .findFirst().orElse(null);
    }

    private static List<MethodTree> factories(ClassTree type) {
        return methods(type).stream()
                .filter(method -> has(method, Modifier.STATIC) && returns(method, type.getSimpleName()))
                .filter(method -> FACTORY_NAMES.contains(method.getName().toString())
                        || method.getName().toString().startsWith("new"))
                .toList();
    }
}
