package io.autobot.optimizer.agent.rules;

import io.autobot.optimizer.agent.call.MethodSpec;
import io.autobot.optimizer.agent.config.Durations;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the policies of a rule into a {@link MethodSpec}: {@code cached(ttl=10m)},
 * {@code optimized(search)}, {@code rate-limited(per-second=5, max-wait=2s)}... Names and keys
 * are those of the annotations, case-insensitive, with dashes and underscores ignored, and an
 * optional {@code @}: an annotation such as {@code @Cached(ttl = "2h")} can be pasted as it is.
 * Values are checked here, so a bad value is reported with the rule's line.
 */
final class PolicyParser {

    private static final String POLICIES = "optimized, cached, parallel, rate-limited, batched, timeout";

    private final String text;
    private int position;

    private PolicyParser(String text) {
        this.text = text;
    }

    /**
     * Parses the policies after a rule's method pattern.
     *
     * @throws IllegalArgumentException saying what is wrong and what is accepted
     */
    static MethodSpec parse(String text) {
        return new PolicyParser(text).policies();
    }

    private MethodSpec policies() {
        String operation = null;
        MethodSpec.Cached cached = null;
        MethodSpec.Parallel parallel = null;
        MethodSpec.RateLimited rateLimited = null;
        MethodSpec.Batched batched = null;
        MethodSpec.Timeout timeout = null;
        List<String> seen = new ArrayList<>();
        skipSpaces();
        if (position == text.length()) {
            throw new IllegalArgumentException("no policy: expected one or more of " + POLICIES
                    + " after the method, such as cached(ttl=10m)");
        }
        while (position < text.length()) {
            String name = policyName();
            Arguments arguments = arguments(name);
            if (seen.contains(name)) {
                throw new IllegalArgumentException("policy '" + display(name) + "' is given twice");
            }
            seen.add(name);
            switch (name) {
                case "optimized":
                    operation = arguments.take("operation", "");
                    if (operation.isEmpty()) {
                        throw new IllegalArgumentException("optimized needs an operation, such as optimized(search)");
                    }
                    break;
                case "cached":
                    cached = new MethodSpec.Cached(arguments.duration("ttl", ""),
                            arguments.choice("scope", MethodSpec.Cached.INSTANCE, MethodSpec.Cached.INSTANCE,
                                    MethodSpec.Cached.ARGUMENTS),
                            arguments.bool("identitykeys", false), arguments.bool("storebyvalue", true),
                            arguments.fraction("verify"));
                    break;
                case "parallel":
                    parallel = new MethodSpec.Parallel(arguments.integer("threshold", 0),
                            arguments.take("argument", ""), arguments.bool("distinct", false));
                    break;
                case "ratelimited":
                    rateLimited = new MethodSpec.RateLimited(arguments.number("persecond", 0),
                            arguments.take("name", ""), arguments.duration("maxwait", "5s"),
                            arguments.list("retryon"), arguments.integer("maxretries", 3),
                            arguments.duration("backoff", "100ms"),
                            arguments.choice("scope", "", MethodSpec.RateLimited.LOCAL, MethodSpec.RateLimited.FLEET));
                    break;
                case "batched":
                    String via = arguments.take("via", "");
                    if (via.isEmpty()) {
                        throw new IllegalArgumentException("batched needs the batch method, such as batched(via=loadAll)");
                    }
                    batched = new MethodSpec.Batched(via, arguments.integer("size", 0),
                            arguments.duration("maxwait", ""));
                    break;
                default:
                    timeout = new MethodSpec.Timeout(arguments.duration("value", ""),
                            arguments.bool("adaptive", false), arguments.duration("min", "100ms"));
                    break;
            }
            arguments.requireAllUsed();
            skipSpaces();
        }
        return new MethodSpec(operation, cached, parallel, rateLimited, batched, timeout);
    }

    private String policyName() {
        int start = position;
        if (peek() == '@') {
            position++;
        }
        while (position < text.length() && (Character.isLetter(peek()) || peek() == '-' || peek() == '_')) {
            position++;
        }
        String written = text.substring(start, position);
        String name = normalize(written);
        if (name.equals("optimized") || name.equals("cached") || name.equals("parallel") || name.equals("ratelimited")
                || name.equals("batched") || name.equals("timeout")) {
            return name;
        }
        String found = written.isEmpty() ? rest() : written;
        throw new IllegalArgumentException("unknown policy '" + found + "': expected one of " + POLICIES);
    }

    /** The text in parentheses, if any, split into values by key; a value without key is the primary one. */
    private Arguments arguments(String policy) {
        Arguments arguments = new Arguments(policy);
        skipSpaces();
        if (peek() != '(') {
            return arguments;
        }
        position++;
        skipSpaces();
        while (peek() != ')') {
            if (position >= text.length()) {
                throw new IllegalArgumentException(display(policy) + "( is not closed: expected ')'");
            }
            String first = value();
            skipSpaces();
            if (peek() == '=') {
                position++;
                skipSpaces();
                arguments.put(normalize(first), value());
            } else {
                arguments.put(null, first);
            }
            skipSpaces();
            if (peek() == ',') {
                position++;
                skipSpaces();
            } else if (position >= text.length()) {
                throw new IllegalArgumentException(display(policy) + "( is not closed: expected ')'");
            } else if (peek() != ')') {
                throw new IllegalArgumentException(display(policy) + "(...) is malformed near '" + rest()
                        + "': expected key=value pairs separated by commas");
            }
        }
        position++;
        return arguments;
    }

    /** A bare word or a double-quoted string. */
    private String value() {
        if (peek() == '"') {
            int end = text.indexOf('"', position + 1);
            if (end < 0) {
                throw new IllegalArgumentException("a quoted value is not closed: " + rest());
            }
            String value = text.substring(position + 1, end);
            position = end + 1;
            return value;
        }
        int start = position;
        while (position < text.length() && "(),=\" \t".indexOf(peek()) < 0) {
            position++;
        }
        if (start == position) {
            throw new IllegalArgumentException("a value is missing near '" + rest() + "'");
        }
        return text.substring(start, position);
    }

    private char peek() {
        return position < text.length() ? text.charAt(position) : '\0';
    }

    private void skipSpaces() {
        while (position < text.length() && Character.isWhitespace(peek())) {
            position++;
        }
    }

    private String rest() {
        String rest = text.substring(Math.min(position, text.length())).trim();
        return rest.length() > 30 ? rest.substring(0, 30) + "..." : rest;
    }

    private static String normalize(String name) {
        return name.replace("@", "").replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
    }

    /** A normalized name as the docs spell it. */
    private static String display(String name) {
        switch (name) {
            case "ratelimited": return "rate-limited";
            case "persecond": return "per-second";
            case "maxwait": return "max-wait";
            case "retryon": return "retry-on";
            case "maxretries": return "max-retries";
            case "identitykeys": return "identity-keys";
            case "storebyvalue": return "store-by-value";
            default: return name;
        }
    }

    /** The key=value arguments of one policy; the first key asked for takes the unnamed value. */
    private static final class Arguments {
        private final String policy;
        private final Map<String, String> values = new LinkedHashMap<>();
        private String primary;
        private boolean primaryUsed;

        Arguments(String policy) {
            this.policy = display(policy);
        }

        void put(String key, String value) {
            if (key == null) {
                if (primary != null) {
                    throw new IllegalArgumentException(policy + " takes one value without a name; name the others,"
                            + " such as key=value");
                }
                primary = value;
            } else if (values.put(key, value) != null) {
                throw new IllegalArgumentException(policy + "(" + display(key) + ") is given twice");
            }
        }

        String take(String key, String fallback) {
            String value = values.remove(key);
            if (value == null && primary != null && !primaryUsed) {
                primaryUsed = true;
                value = primary;
            }
            return value == null ? fallback : value.trim();
        }

        String duration(String key, String fallback) {
            String value = take(key, fallback);
            if (!value.isEmpty()) {
                try {
                    Durations.parse(value);
                } catch (IllegalArgumentException e) {
                    throw bad(key, value, Durations.ACCEPTED);
                }
            }
            return value;
        }

        int integer(String key, int fallback) {
            String value = take(key, null);
            try {
                int parsed = value == null ? fallback : Integer.parseInt(value);
                if (parsed < 0) {
                    throw new NumberFormatException();
                }
                return parsed;
            } catch (NumberFormatException e) {
                throw bad(key, value, "a whole number, 0 or more");
            }
        }

        double number(String key, double fallback) {
            String value = take(key, null);
            try {
                double parsed = value == null ? fallback : Double.parseDouble(value);
                if (!(parsed >= 0) || Double.isInfinite(parsed)) {
                    throw new NumberFormatException();
                }
                return parsed;
            } catch (NumberFormatException e) {
                throw bad(key, value, "a number, 0 or more");
            }
        }

        /**
         * One of two words ({@code scope=instance|arguments}), lower-cased, also written as the
         * annotation's constant ({@code Cached.Scope.ARGUMENTS}); the fallback when not given.
         */
        String choice(String key, String fallback, String one, String other) {
            String value = values.remove(key);
            if (value == null) {
                return fallback;
            }
            String choice = value.trim().substring(value.trim().lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
            if (!choice.equals(one) && !choice.equals(other)) {
                throw bad(key, value, one + " or " + other);
            }
            return choice;
        }

        /** A fraction from 0 to 1 ({@code 0.05} or {@code 5%}), empty when not given. */
        String fraction(String key) {
            String value = values.remove(key);
            if (value == null) {
                return "";
            }
            try {
                io.autobot.optimizer.agent.config.Setting.parseFraction(value);
            } catch (IllegalArgumentException e) {
                throw bad(key, value, io.autobot.optimizer.agent.config.Setting.VERIFY.accepted());
            }
            return value.trim();
        }

        boolean bool(String key, boolean fallback) {
            String value = take(key, null);
            if (value == null) {
                return fallback;
            }
            if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
                return Boolean.parseBoolean(value);
            }
            throw bad(key, value, "true or false");
        }

        /** Class names separated by {@code |}. */
        List<String> list(String key) {
            String value = take(key, "");
            List<String> names = new ArrayList<>();
            for (String name : value.split("\\|")) {
                String trimmed = name.trim().replaceAll("\\.class$", "");
                if (!trimmed.isEmpty()) {
                    names.add(trimmed);
                }
            }
            return List.copyOf(names);
        }

        void requireAllUsed() {
            if (!values.isEmpty()) {
                throw new IllegalArgumentException(policy + " has no '" + display(values.keySet().iterator().next())
                        + "': see docs/attach.md for the keys each policy takes");
            }
            if (primary != null && !primaryUsed) {
                throw new IllegalArgumentException(policy + " takes no unnamed value");
            }
        }

        private IllegalArgumentException bad(String key, String value, String accepted) {
            return new IllegalArgumentException(policy + "(" + display(key) + "=" + value + ") is not accepted: expected "
                    + accepted);
        }
    }
}
