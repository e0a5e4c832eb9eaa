package io.autobot.optimizer.it.hosts;

import java.util.LinkedHashMap;
import java.util.Map;
import org.assertj.core.util.Strings;

/**
 * A host without a single annotation that uses a third-party library (AssertJ's {@code Strings},
 * from a jar it cannot change). A memoized method returns the very instance it returned before;
 * unmemoized, these methods build a new string on every call. {@code call} reports, per method,
 * whether two calls with equal arguments returned the same instance, and whether the values were
 * right.
 */
public class RulesHost {

    public static void main(String[] args) throws Exception {
        Strings.quote("warm-up"); // the library class is loaded before anyone attaches
        new CommandLoop().on("call", RulesHost::call).serve();
    }

    private static Map<String, Object> call() {
        String quoted = Strings.quote("lib");
        String escaped = Strings.escapePercent("5%");
        String joined = Strings.concat("a", "b");
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("same.quote", quoted == Strings.quote("lib"));
        answer.put("same.escape", escaped == Strings.escapePercent("5%"));
        answer.put("same.concat", joined == Strings.concat("a", "b"));
        answer.put("correct", quoted.equals("'lib'") && escaped.equals("5%%") && joined.equals("ab")
                && Strings.quote("other").equals("'other'"));
        return answer;
    }
}
