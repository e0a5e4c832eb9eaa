package io.autobot.optimizer.protocol.settings;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one parser of each kind of setting text: booleans, whole numbers, numbers, durations and
 * paths. The agent, its MXBean and the CLI all read values through these, so that a value one of
 * them accepts, the others accept too. Each parser throws {@link IllegalArgumentException} on
 * text it does not accept; {@link SettingDef#parse} turns that into a one-line message naming
 * the setting and what it accepts.
 */
public final class Values {

    /** What {@link #parseDuration} accepts, for error messages. */
    public static final String DURATION_ACCEPTED =
            "a duration such as 500ms, 30s, 5m, 2h, 1d, PT2H or a number of seconds";

    private static final Pattern UNIT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ns|us|ms|s|m|h|d)");
    private static final Pattern SECONDS = Pattern.compile("\\d+(?:\\.\\d+)?");

    private Values() {
    }

    /**
     * {@code true}, {@code yes}, {@code on}, {@code 1}, {@code enabled} and their opposites
     * {@code false}, {@code no}, {@code off}, {@code 0}, {@code disabled}, in any case.
     */
    public static boolean parseBoolean(String text) {
        switch (text == null ? "" : text.trim().toLowerCase(Locale.ROOT)) {
            case "true": case "yes": case "on": case "1": case "enabled":
                return true;
            case "false": case "no": case "off": case "0": case "disabled":
                return false;
            default:
                throw new IllegalArgumentException("not a boolean: " + text);
        }
    }

    /** A whole number from {@code min} to {@code max}. */
    public static int parseInt(String text, long min, long max) {
        int value = Integer.parseInt(text.trim());
        if (value < min || value > max) {
            throw new IllegalArgumentException("out of range");
        }
        return value;
    }

    /** A number from {@code min} to {@code max} (NaN is never in range). */
    public static double parseDouble(String text, double min, double max) {
        double value = Double.parseDouble(text.trim());
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException("out of range");
        }
        return value;
    }

    /** A non-empty path without NUL characters, trimmed. */
    public static String parsePath(String text) {
        String path = text.trim();
        if (path.isEmpty() || path.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("empty path");
        }
        return path;
    }

    /**
     * A non-negative duration: {@code 500ms}, {@code 30s}, {@code 5m}, {@code 2h}, {@code 1d},
     * ISO-8601 ({@code PT2H}), or a plain number of seconds ({@code 1.5}).
     */
    public static Duration parseDuration(String text) {
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
        throw new IllegalArgumentException("expected " + DURATION_ACCEPTED);
    }

    /** A duration the way {@link #parseDuration} reads it back, in the largest exact unit. */
    public static String formatDuration(Duration duration) {
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

    /** A number without {@code .0} when it is whole. */
    public static String formatNumber(double value) {
        return value == Math.rint(value) && !Double.isInfinite(value) ? String.valueOf((long) value)
                : String.valueOf(value);
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
