package io.autobot.optimizer.agent.rules;

import io.autobot.optimizer.agent.call.MethodSpec;
import io.autobot.optimizer.agent.config.AgentConfig;
import io.autobot.optimizer.agent.config.Setting;
import io.autobot.optimizer.agent.instrument.MethodSelector;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Selects the methods named by the rules file ({@code rules} setting), for code that cannot carry
 * annotations. Matching is by name only: no class is loaded. The first rule that matches a
 * method wins. A rule whose class loads without a method it matches is reported once.
 */
public final class RuleSelector implements MethodSelector {

    private final List<Rule> rules;
    private final Set<String> exactTypes = new HashSet<>();
    private final List<Rule> wildcardTypes = new ArrayList<>();
    private final Consumer<String> problems;
    private final Set<String> checked = ConcurrentHashMap.newKeySet();

    RuleSelector(List<Rule> rules, Consumer<String> problems) {
        this.rules = List.copyOf(rules);
        this.problems = problems;
        for (Rule rule : rules) {
            if (rule.type().exact()) {
                exactTypes.add(rule.type().toString());
            } else {
                wildcardTypes.add(rule);
            }
        }
    }

    /**
     * The selector of the rules file the configuration names, or null when it names none.
     *
     * @param problems receives one line per bad rule, now and when classes load
     * @throws IllegalArgumentException when the file is refused ({@link RulesParser#read})
     */
    public static RuleSelector of(AgentConfig config, Consumer<String> problems) {
        String file = config.get(Setting.RULES);
        if (file == null || file.isBlank()) {
            return null;
        }
        List<Rule> rules = RulesParser.read(Path.of(file.trim()), problems);
        RuleSelector selector = new RuleSelector(rules, problems);
        selector.reportMissingClasses(ClassLoader.getSystemClassLoader());
        return selector;
    }

    /** The rules in force, in file order. */
    public List<String> rules() {
        List<String> texts = new ArrayList<>();
        for (Rule rule : rules) {
            texts.add(rule.text());
        }
        return texts;
    }

    @Override
    public boolean mayMatch(String className, byte[] classFile) {
        return namesType(className);
    }

    private boolean namesType(String name) {
        if (exactTypes.contains(name)) {
            return true;
        }
        for (Rule rule : wildcardTypes) {
            if (rule.matchesType(name)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public ElementMatcher<TypeDescription> types() {
        return type -> namesType(type.getName());
    }

    @Override
    public MethodSpec select(TypeDescription type, MethodDescription.InDefinedShape method) {
        String name = type.getName();
        if (checked.add(name)) {
            reportRulesWithoutMethods(type);
        }
        for (Rule rule : rules) {
            if (rule.matchesType(name) && rule.matches(method)) {
                return rule.spec();
            }
        }
        return null;
    }

    /** A rule that names its class exactly but matches none of its methods is a mistake: say so once. */
    private void reportRulesWithoutMethods(TypeDescription type) {
        for (Rule rule : rules) {
            if (!rule.type().exact() || !rule.matchesType(type.getName())) {
                continue;
            }
            boolean any = false;
            boolean onlyAbstract = true;
            for (MethodDescription.InDefinedShape method : type.getDeclaredMethods()) {
                if (method.isMethod() && !method.isBridge() && rule.matches(method)) {
                    any = true;
                    onlyAbstract &= method.isAbstract() || method.isNative();
                }
            }
            if (!any) {
                problems.accept(rule.source() + ": class " + type.getName() + " has no method " + rule.method()
                        + rule.parameters() + "; the rule selects nothing: " + rule.text());
            } else if (onlyAbstract) {
                problems.accept(rule.source() + ": " + type.getName() + "." + rule.method() + " has no body (abstract"
                        + " or native): name the class that implements it; the rule selects nothing: " + rule.text());
            }
        }
    }

    /**
     * A rule that names a class that is nowhere on the class path is most likely misspelt. It
     * stays in force: another class loader (a plugin, a web application) may still load it.
     */
    void reportMissingClasses(ClassLoader loader) {
        for (Rule rule : rules) {
            String type = rule.type().toString();
            if (rule.type().exact() && loader.getResource(type.replace('.', '/') + ".class") == null) {
                problems.accept(rule.source() + ": class " + type + " is not on the class path; the rule applies only"
                        + " if another class loader loads it: " + rule.text());
            }
        }
    }
}
