package io.autobot.optimizer.protocol.settings;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one parser of agent arguments, {@code key=value,key=value} as given after
 * {@code -javaagent:autobot-agent.jar=} or to {@code attach}. Keys keep their spelling; lookups
 * ignore case; a later pair wins over an earlier one with the same key. A word without
 * {@code =} is kept (so that {@link #format} gives it back) and reported by {@link #problems}.
 */
public final class AgentArguments {

    /** One comma-separated part: its key and value, or a bare word (key {@code null}). */
    private record Part(String key, String value, String text) {
    }

    private final List<Part> parts;

    private AgentArguments(List<Part> parts) {
        this.parts = parts;
    }

    /** Parses the arguments; {@code null} or blank gives none. */
    public static AgentArguments parse(String arguments) {
        List<Part> parts = new ArrayList<>();
        if (arguments != null && !arguments.isBlank()) {
            for (String part : arguments.split(",")) {
                if (part.isBlank()) {
                    continue;
                }
                String text = part.trim();
                int equals = text.indexOf('=');
                if (equals <= 0) {
                    parts.add(new Part(null, null, text));
                } else {
                    parts.add(new Part(text.substring(0, equals).trim(), text.substring(equals + 1).trim(), text));
                }
            }
        }
        return new AgentArguments(parts);
    }

    /** The value of {@code key} (any case), the last one given; the fallback when absent. */
    public String get(String key, String fallback) {
        String value = fallback;
        for (Part part : parts) {
            if (part.key() != null && part.key().equalsIgnoreCase(key)) {
                value = part.value();
            }
        }
        return value;
    }

    /** The {@code key=value} pairs in order, by key as spelled (a later duplicate replaces the earlier). */
    public Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        for (Part part : parts) {
            if (part.key() != null) {
                values.put(part.key(), part.value());
            }
        }
        return Collections.unmodifiableMap(values);
    }

    /** One message per word without {@code =}. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        for (Part part : parts) {
            if (part.key() == null) {
                problems.add("agent argument '" + part.text() + "' is ignored: expected key=value, such as"
                        + " level=aggressive");
            }
        }
        return problems;
    }

    /** These arguments without the given keys (any case). */
    public AgentArguments without(String... keys) {
        List<Part> kept = new ArrayList<>();
        for (Part part : parts) {
            boolean drop = false;
            for (String key : keys) {
                drop |= part.key() != null && part.key().toLowerCase(Locale.ROOT).equals(key.toLowerCase(Locale.ROOT));
            }
            if (!drop) {
                kept.add(part);
            }
        }
        return new AgentArguments(kept);
    }

    /** Whether no part is left. */
    public boolean isEmpty() {
        return parts.isEmpty();
    }

    /** The arguments as text again, parts joined by commas; {@code null} when there are none. */
    public String format() {
        if (parts.isEmpty()) {
            return null;
        }
        List<String> texts = new ArrayList<>();
        for (Part part : parts) {
            texts.add(part.text());
        }
        return String.join(",", texts);
    }
}
