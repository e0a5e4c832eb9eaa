package io.autobot.optimizer.protocol.fleet;

import java.util.List;
import java.util.Locale;

/**
 * A change published to the fleet on {@link #CHANNEL}: one line of tab-separated fields, the
 * format's name first, then the sending agent's id (so it can ignore its own changes), the kind
 * and its arguments. Anyone who can publish on the channel can send one, so {@link #parse} accepts
 * only this shape and the receiver validates the values as it validates a JMX write.
 *
 * @param origin the id of the agent that sent it
 * @param kind what to do
 * @param name the attribute (for {@link Kind#SET}) or the scenario (for {@link Kind#SCENARIO}); empty for a clear
 * @param value the attribute's new value (for {@link Kind#SET}); empty otherwise
 */
public record FleetChange(String origin, Kind kind, String name, String value) {

    /** The Redis channel every agent with a Redis URL listens on. */
    public static final String CHANNEL = "autobot:fleet";

    private static final String FORMAT = "autobot-fleet/1";
    private static final int MAX_LENGTH = 4_096;

    /** What a change does. */
    public enum Kind {
        /** Writes one attribute of the Optimizer bean (OptimizationLevel, CacheStrategy, ...). */
        SET(2),
        /** Applies a scenario preset. */
        SCENARIO(1),
        /** Empties every cache tier. */
        CLEAR(0);

        private final int arguments;

        Kind(int arguments) {
            this.arguments = arguments;
        }

        String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public FleetChange {
        check(origin, "origin");
        check(name, "name");
        check(value, "value");
    }

    private static void check(String field, String what) {
        if (field == null || field.indexOf('\t') >= 0 || field.indexOf('\n') >= 0 || field.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("a fleet change's " + what
                    + " must be text without tabs or line breaks");
        }
    }

    public static FleetChange set(String origin, String attribute, String value) {
        return new FleetChange(origin, Kind.SET, attribute, value);
    }

    public static FleetChange scenario(String origin, String scenario) {
        return new FleetChange(origin, Kind.SCENARIO, scenario, "");
    }

    public static FleetChange clear(String origin) {
        return new FleetChange(origin, Kind.CLEAR, "", "");
    }

    /** The line published. */
    public String text() {
        StringBuilder text = new StringBuilder(FORMAT).append('\t').append(origin).append('\t').append(kind.id());
        if (kind.arguments >= 1) {
            text.append('\t').append(name);
        }
        if (kind.arguments >= 2) {
            text.append('\t').append(value);
        }
        return text.toString();
    }

    /**
     * Reads a published line.
     *
     * @throws IllegalArgumentException saying what is wrong with it (never echoing more than its start)
     */
    public static FleetChange parse(String text) {
        if (text == null || text.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("a fleet change of more than " + MAX_LENGTH + " characters");
        }
        List<String> fields = List.of(text.split("\t", -1));
        if (fields.size() < 3 || !fields.get(0).equals(FORMAT)) {
            throw new IllegalArgumentException("not a fleet change (" + FORMAT + "): " + start(text));
        }
        Kind kind = kind(fields.get(2));
        if (kind == null || fields.size() != 3 + kind.arguments || fields.get(1).isEmpty()) {
            throw new IllegalArgumentException("a fleet change of unknown kind or arguments (accepted: set <attribute>"
                    + " <value>, scenario <name>, clear): " + start(text));
        }
        return new FleetChange(fields.get(1), kind, kind.arguments >= 1 ? fields.get(3) : "",
                kind.arguments >= 2 ? fields.get(4) : "");
    }

    private static Kind kind(String id) {
        for (Kind kind : Kind.values()) {
            if (kind.id().equals(id)) {
                return kind;
            }
        }
        return null;
    }

    private static String start(String text) {
        String shown = text.replaceAll("[\\p{Cntrl}]", " ");
        return shown.length() > 80 ? shown.substring(0, 80) + "..." : shown;
    }
}
