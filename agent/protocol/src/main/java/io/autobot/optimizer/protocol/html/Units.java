package io.autobot.optimizer.protocol.html;

import java.util.Locale;

/** Figures as a reader expects them: durations in their best unit, percentages, counts, bytes; "n/a" when unmeasured. */
public final class Units {

    /** What a figure that could not be measured (NaN, absent) shows. */
    public static final String NOT_AVAILABLE = "n/a";

    private Units() {
    }

    /** A duration given in seconds: {@code 850 µs}, {@code 12.3 ms}, {@code 4.50 s}, {@code 2.0 min}. */
    public static String duration(double seconds) {
        if (!Double.isFinite(seconds)) {
            return NOT_AVAILABLE;
        }
        double magnitude = Math.abs(seconds);
        if (magnitude == 0) {
            return "0 s";
        } else if (magnitude < 1e-3) {
            return format("%.0f µs", seconds * 1e6);
        } else if (magnitude < 1) {
            return format(magnitude < 0.01 ? "%.2f ms" : "%.1f ms", seconds * 1e3);
        } else if (magnitude < 120) {
            return format("%.2f s", seconds);
        }
        return format("%.1f min", seconds / 60);
    }

    /** A percentage given as 0..100. */
    public static String percent(double percent) {
        return Double.isFinite(percent) ? format("%.1f %%", percent) : NOT_AVAILABLE;
    }

    /** A count: whole, with thousands separated by a thin space. */
    public static String count(double count) {
        if (!Double.isFinite(count)) {
            return NOT_AVAILABLE;
        }
        return String.format(Locale.ROOT, "%,d", Math.round(count)).replace(',', '\u202f');
    }

    /** A size in bytes: {@code 512 B}, {@code 3.4 MB}, {@code 6.3 GB} (powers of 1024). */
    public static String bytes(double bytes) {
        if (!Double.isFinite(bytes)) {
            return NOT_AVAILABLE;
        }
        String[] units = {"B", "KB", "MB", "GB", "TB"};
        double value = bytes;
        int unit = 0;
        while (Math.abs(value) >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return unit == 0 ? format("%.0f B", value) : format("%.1f %s", value, units[unit]);
    }

    /** A plain number with up to three decimals. */
    public static String number(double value) {
        if (!Double.isFinite(value)) {
            return NOT_AVAILABLE;
        }
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? count(value) : format("%.3f", value);
    }

    private static String format(String pattern, Object... values) {
        return String.format(Locale.ROOT, pattern, values);
    }
}
