package io.autobot.optimizer.agent.instrument;

import static net.bytebuddy.matcher.ElementMatchers.isSynthetic;
import static net.bytebuddy.matcher.ElementMatchers.nameContains;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;

import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Classes the agent never looks into: the JDK, the agent itself (including its relocated
 * libraries), Byte Buddy, other well-known agents, and generated classes.
 */
final class IgnoredTypes {

    private static final String[] PREFIXES = {
        "java.", "javax.", "jdk.", "sun.", "com.sun.", "org.ietf.", "org.w3c.", "org.xml.",
        "io.autobot.optimizer.agent.", "io.autobot.optimizer.bootstrap.", "io.autobot.optimizer.annotations.",
        "io.autobot.optimizer.api.", "io.autobot.optimizer.management.", "io.autobot.optimizer.cli.",
        "io.autobot.optimizer.shaded.",
        "net.bytebuddy.",
        "io.opentelemetry.javaagent.", "co.elastic.apm.agent.", "com.newrelic.", "datadog.trace.",
        "org.glowroot.", "com.intellij.rt.", "org.jacoco.agent.",
    };

    private IgnoredTypes() {
    }

    /** Whether a class, by its binary name ({@code a.b.C}), is never looked into. */
    static boolean ignores(String name) {
        for (String prefix : PREFIXES) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return name.contains("$$Lambda") || name.contains("$ByteBuddy$");
    }

    static ElementMatcher.Junction<TypeDescription> matcher() {
        ElementMatcher.Junction<TypeDescription> ignored = isSynthetic();
        for (String prefix : PREFIXES) {
            ignored = ignored.or(nameStartsWith(prefix));
        }
        return ignored.or(nameContains("$$Lambda")).or(nameContains("$ByteBuddy$"));
    }
}
