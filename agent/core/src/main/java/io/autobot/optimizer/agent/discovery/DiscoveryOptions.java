package io.autobot.optimizer.agent.discovery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a discovery window looks at: the included classes (patterns), its length, how many methods
 * it ranks, and how long it lives without its client asking (the lease).
 *
 * @param includes class or package patterns; empty: every class outside the JDK, the agent and common libraries
 * @param duration the whole window (sampling, then observing)
 * @param top how many methods the report ranks (and at most how many are observed)
 * @param lease how long the window goes on without its client polling; null: no lease
 */
public record DiscoveryOptions(List<String> includes, Duration duration, int top, Duration lease) {

    public static final Duration DEFAULT_DURATION = Duration.ofSeconds(30);
    public static final Duration MIN_DURATION = Duration.ofSeconds(3);
    public static final Duration MAX_DURATION = Duration.ofMinutes(30);
    public static final int DEFAULT_TOP = 10;
    public static final int MAX_TOP = 50;

    /** Libraries left out by default, with the JDK and the agent. */
    /** Written with '|' for '.': the agent jar's relocation would otherwise rewrite some of these names. */
    static final List<String> COMMON_LIBRARIES = dotted("java|", "javax|", "jdk|", "sun|", "com|sun|", "org|ietf|",
            "org|w3c|", "org|xml|", "net|bytebuddy|", "kotlin|", "kotlinx|", "scala|",
            "groovy|", "org|codehaus|groovy|", "org|springframework|", "org|apache|", "com|google|", "io|netty|",
            "org|eclipse|", "org|hibernate|", "com|fasterxml|", "org|slf4j|", "ch|qos|logback|", "org|junit|",
            "junit|", "org|assertj|", "io|micrometer|", "reactor|", "io|reactivex|", "org|jboss|", "org|glassfish|",
            "io|undertow|", "com|zaxxer|", "org|h2|", "org|postgresql|", "com|mysql|", "org|mariadb|", "org|yaml|",
            "org|objectweb|", "org|aspectj|", "io|opentelemetry|", "io|grpc|", "com|squareup|", "okhttp3|", "okio|",
            "org|joda|", "com|ctc|", "org|json|", "picocli|", "org|jline|", "io|vertx|", "io|quarkus|",
            "io|micronaut|", "org|mockito|", "com|intellij|", "org|gradle|", "org|bouncycastle|", "jakarta|");

    /** The agent's own packages: never looked at. */
    static final List<String> AGENT = dotted("io|autobot|optimizer|agent|", "io|autobot|optimizer|bootstrap|",
            "io|autobot|optimizer|annotations|", "io|autobot|optimizer|api|", "io|autobot|optimizer|management|",
            "io|autobot|optimizer|cli|", "io|autobot|optimizer|protocol|", "io|autobot|optimizer|shaded|");

    private static List<String> dotted(String... names) {
        List<String> dotted = new ArrayList<>();
        for (String name : names) {
            dotted.add(name.replace('|', '.'));
        }
        return List.copyOf(dotted);
    }

    public DiscoveryOptions {
        includes = List.copyOf(includes);
        if (duration.compareTo(MIN_DURATION) < 0 || duration.compareTo(MAX_DURATION) > 0) {
            throw new IllegalArgumentException("--duration " + duration.toSeconds() + "s is not accepted: expected a"
                    + " duration from 3s to 30m, such as 30s or 2m");
        }
        if (top < 1 || top > MAX_TOP) {
            throw new IllegalArgumentException("--top " + top + " is not accepted: expected a number from 1 to " + MAX_TOP);
        }
        for (String include : includes) {
            checkPattern(include);
        }
    }

    /** Checks one {@code --include} pattern; a one-line message naming the option when it is not accepted. */
    public static void checkPattern(String pattern) {
        if (pattern == null || pattern.isBlank() || !pattern.matches("[\\p{L}\\p{N}_$.*]+")) {
            throw new IllegalArgumentException("--include '" + pattern + "' is not accepted: expected a class or package"
                    + " name, with * for any characters but a dot and ** for any characters, such as com.acme.**"
                    + " or com.acme.Prices");
        }
    }

    /** Whether a class, by its binary name, is looked at. */
    ClassFilter filter() {
        return new ClassFilter(includes);
    }

    /** The included classes, compiled once. */
    static final class ClassFilter {
        private final List<Pattern> patterns = new ArrayList<>();
        private final List<String> prefixes = new ArrayList<>();

        ClassFilter(List<String> includes) {
            for (String include : includes) {
                if (include.contains("*")) {
                    patterns.add(Pattern.compile(regex(include)));
                } else {
                    prefixes.add(include); // a class, or a package with its sub-packages
                }
            }
        }

        boolean includes(String className) {
            if (className == null || className.contains("$$Lambda") || className.contains("$ByteBuddy$")) {
                return false;
            }
            for (String agent : AGENT) {
                if (className.startsWith(agent)) {
                    return false;
                }
            }
            if (patterns.isEmpty() && prefixes.isEmpty()) {
                for (String library : COMMON_LIBRARIES) {
                    if (className.startsWith(library)) {
                        return false;
                    }
                }
                return true;
            }
            for (String prefix : prefixes) {
                if (className.equals(prefix) || className.startsWith(prefix + ".") || className.startsWith(prefix + "$")) {
                    return true;
                }
            }
            for (Pattern pattern : patterns) {
                if (pattern.matcher(className).matches()) {
                    return true;
                }
            }
            return false;
        }

        private static String regex(String include) {
            StringBuilder regex = new StringBuilder();
            for (int i = 0; i < include.length(); i++) {
                char c = include.charAt(i);
                if (c == '*' && i + 1 < include.length() && include.charAt(i + 1) == '*') {
                    regex.append(".*");
                    i++;
                } else if (c == '*') {
                    regex.append("[^.]*");
                } else {
                    regex.append(Pattern.quote(String.valueOf(c)));
                }
            }
            return regex.append("(\\$.*)?").toString(); // nested classes go with their outer class
        }
    }

    /** A duration as the CLI writes it ({@code 30s}, {@code 2m}, {@code 500ms}); a message naming the option otherwise. */
    public static Duration parseDuration(String text) {
        String value = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        try {
            if (value.startsWith("pt")) {
                return Duration.parse(value.toUpperCase(Locale.ROOT));
            }
            if (value.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
            }
            long amount = Long.parseLong(value.replaceAll("[smh]$", ""));
            return switch (value.isEmpty() ? ' ' : value.charAt(value.length() - 1)) {
                case 'm' -> Duration.ofMinutes(amount);
                case 'h' -> Duration.ofHours(amount);
                default -> Duration.ofSeconds(amount);
            };
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("--duration '" + text + "' is not accepted: expected a duration from 3s"
                    + " to 30m, such as 30s, 2m or PT1M");
        }
    }
}
