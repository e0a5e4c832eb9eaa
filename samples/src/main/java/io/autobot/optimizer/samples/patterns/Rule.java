package io.autobot.optimizer.samples.patterns;

import com.sun.source.tree.ClassTree;
import io.autobot.optimizer.samples.parse.ParsedSource;
import java.util.function.BiPredicate;

/**
 * One rule of an integration pattern: a named test over a parsed top-level type.
 *
 * @param description what must hold, as it is reported when it does not
 * @param test the test
 */
public record Rule(String description, BiPredicate<ParsedSource, ClassTree> test) {

    boolean holds(ParsedSource source, ClassTree type) {
        return test.test(source, type);
    }
}
