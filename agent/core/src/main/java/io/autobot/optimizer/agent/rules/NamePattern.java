package io.autobot.optimizer.agent.rules;

import java.util.regex.Pattern;

/**
 * A class or method name with wildcards: {@code *} stands for any characters except a dot,
 * {@code **} for any characters including dots (whole packages). A name without wildcards
 * matches only itself.
 */
final class NamePattern {

    private final String text;
    private final Pattern regex;

    private NamePattern(String text, Pattern regex) {
        this.text = text;
        this.regex = regex;
    }

    static NamePattern of(String text) {
        if (text.indexOf('*') < 0) {
            return new NamePattern(text, null);
        }
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '*' && i + 1 < text.length() && text.charAt(i + 1) == '*') {
                regex.append(".*");
                i++;
            } else if (c == '*') {
                regex.append("[^.]*");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return new NamePattern(text, Pattern.compile(regex.toString()));
    }

    /** Whether the pattern names exactly one name (no wildcards). */
    boolean exact() {
        return regex == null;
    }

    boolean matches(String name) {
        return regex == null ? text.equals(name) : regex.matcher(name).matches();
    }

    @Override
    public String toString() {
        return text;
    }
}
