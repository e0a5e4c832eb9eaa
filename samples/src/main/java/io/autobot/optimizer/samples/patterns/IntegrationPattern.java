package io.autobot.optimizer.samples.patterns;

import com.sun.source.tree.ClassTree;
import io.autobot.optimizer.samples.parse.ParsedSource;
import java.util.List;

/**
 * An integration pattern: an ordered list of rules, cheapest and most selective first. Checking a
 * component stops at the first rule that fails (early termination).
 *
 * @param name the pattern's name
 * @param rules the rules, in checking order
 */
public record IntegrationPattern(String name, List<Rule> rules) {

    /** Checks one type; the result names the first failing rule. */
    public PatternMatch check(ParsedSource source, ClassTree type) {
        String component = source.qualifiedName(type);
        for (Rule rule : rules) {
            if (!rule.holds(source, type)) {
                return new PatternMatch(component, name, false, rule.description());
            }
        }
        return new PatternMatch(component, name, true, null);
    }
}
