package io.autobot.optimizer.agent.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the duration strings of the annotations and settings: {@code 500ms}, {@code 30s},
 * {@code 5m}, {@code 2h}, {@code 1d}, ISO-8601 ({@code PT2H}), or a plain number of seconds
 * ({@code 1.5}, as {@code MAX_BATCH_WAIT_TIME} takes it).
 */
public final class Durations {

    /** What {@link #parse} accepts, for error messages. */
    public static final String ACCEPTED = "a duration such as 500ms, 30s, 5m, 2h, 1d, PT2H or a number of seconds";

    private static final Pattern UNIT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ns|us|ms|s|m|h|d)");
    private static final Pattern SECONDS = Pattern.compile("\\d+(?:\\.\\d+)?");

    private Durations() {
    }

    /**
     * Parses a non-negative duration.
     *
     * @throws IllegalArgumentException naming what is accepted
     */
    public static Duration parse(String text) {
        String value = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        Matcher unit = UNIT.matcher(value);
        if (unit.matches()) {
            return ofUnit(Double.parseDouble(unit.group(1)), unit.group(2));
        }
        if (SECONDS.matcher(value).matches()) {
            return ofUnit(Double.parseDouble(value), "s");
        }
        if (value.startsWith("p")) {
            try {
                Duration iso = Duration.parse(value.toUpperCase(Locale.ROOT));
                if (!iso.isNegative()) {
                    return iso;
                }
            } catch (DateTimeParseException ignored) {
                // falls through to the error below
            }
        }
        throw new IllegalArgumentException("expected " + ACCEPTED);
    }

    /** Formats a duration the way {@link #parse} reads it back, in the largest exact unit. */
    public static String format(Duration duration) {
        long nanos = duration.toNanos();
        if (nanos == 0) {
            return "0s";
        }
        long[] sizes = {86_400_000_000_000L, 3_600_000_000_000L, 60_000_000_000L, 1_000_000_000L, 1_000_000L, 1_000L};
        String[] units = {"d", "h", "m", "s", "ms", "us"};
        for (int i = 0; i < sizes.length; i++) {
            if (nanos % sizes[i] == 0) {
                return nanos / sizes[i] + units[i];
            }
        }
        return nanos + "ns";
    }

    private static Duration ofUnit(double amount, String unit) {
        double nanosPerUnit;
        switch (unit) {
            case "ns": nanosPerUnit = 1; break;
            case "us": nanosPerUnit = 1e3; break;
            case "ms": nanosPerUnit = 1e6; break;
            case "s": nanosPerUnit = 1e9; break;
            case "m": nanosPerUnit = 60e9; break;
            case "h": nanosPerUnit = 3600e9; break;
            default: nanosPerUnit = 86_400e9; break;
        }
        return Duration.ofNanos(Math.round(amount * nanosPerUnit));
    }
}
