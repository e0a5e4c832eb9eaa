package io.autobot.optimizer.agent.rules;

import io.autobot.optimizer.agent.call.MethodSpec;
import net.bytebuddy.description.method.MethodDescription;

/**
 * One line of a rules file: which methods (class, method name, parameters) and what they get,
 * as the same {@link MethodSpec} the annotations produce.
 *
 * @param source the file and line, for messages: {@code /etc/app.rules line 4}
 * @param text the rule as written
 * @param type the declaring classes
 * @param method the method names
 * @param parameters the parameter lists
 * @param spec what the selected methods ask for
 */
record Rule(String source, String text, NamePattern type, NamePattern method, ParameterPattern parameters,
        MethodSpec spec) {

    boolean matchesType(String className) {
        return type.matches(className);
    }

    boolean matches(MethodDescription candidate) {
        return method.matches(candidate.getName()) && parameters.matches(candidate.getParameters());
    }

    /** The rule's method pattern, such as {@code com.example.Prices.quote(String, int)}. */
    String target() {
        return type + "." + method + parameters;
    }

    @Override
    public String toString() {
        return source + " (" + text + ")";
    }
}
