package io.autobot.optimizer.cli.shell;

import io.autobot.optimizer.protocol.fleet.Heartbeats;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The fleet's JVMs as the {@code fleet} verb and the shell's {@code fleet} command show them: the
 * heartbeats' fields typed (numbers as numbers, for {@code --json}) and, as text, one table row per
 * JVM sorted by host and pid.
 */
public final class FleetTable {

    private static final String[] HEADERS = {"HOST", "PID", "VERSION", "LEVEL", "STRATEGY", "HIT RATE", "CALLS/S",
        "LAST SEEN"};

    private FleetTable() {
    }

    /** The heartbeats as typed rows, sorted by host and pid; a field that is not a number stays text. */
    public static List<Map<String, Object>> rows(List<? extends Map<String, ?>> heartbeats) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, ?> heartbeat : heartbeats) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (String field : Heartbeats.FIELDS) {
                Object value = heartbeat.get(field);
                row.put(field, typed(field, value == null ? "" : String.valueOf(value)));
            }
            rows.add(row);
        }
        rows.sort(Comparator.comparing((Map<String, Object> row) -> String.valueOf(row.get(Heartbeats.HOST)))
                .thenComparing(row -> String.valueOf(row.get(Heartbeats.PID))));
        return rows;
    }

    private static Object typed(String field, String text) {
        try {
            switch (field) {
                case Heartbeats.PID: case Heartbeats.LAST_SEEN:
                    return Long.parseLong(text);
                case Heartbeats.HIT_RATE: case Heartbeats.CALLS_PER_SECOND:
                    return Double.parseDouble(text);
                default:
                    return text;
            }
        } catch (NumberFormatException e) {
            return text;
        }
    }

    /** The rows as a table; {@code nowMillis} makes "last seen" an age. */
    public static void print(PrintWriter out, List<Map<String, Object>> rows, long nowMillis) {
        if (rows.isEmpty()) {
            out.println("No JVM of the fleet has a heartbeat in Redis (none runs with AUTOBOT_REDIS_URL set, or"
                    + " Redis cannot be reached).");
            return;
        }
        List<String[]> lines = new ArrayList<>();
        lines.add(HEADERS);
        for (Map<String, Object> row : rows) {
            lines.add(new String[] {text(row.get(Heartbeats.HOST)), text(row.get(Heartbeats.PID)),
                text(row.get(Heartbeats.VERSION)), text(row.get(Heartbeats.LEVEL)), text(row.get(Heartbeats.STRATEGY)),
                percent(row.get(Heartbeats.HIT_RATE)), rate(row.get(Heartbeats.CALLS_PER_SECOND)),
                age(row.get(Heartbeats.LAST_SEEN), nowMillis)});
        }
        int[] widths = new int[HEADERS.length];
        for (String[] line : lines) {
            for (int i = 0; i < line.length; i++) {
                widths[i] = Math.max(widths[i], line[i].length());
            }
        }
        for (String[] line : lines) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < line.length; i++) {
                text.append(String.format(Locale.ROOT, "%-" + widths[i] + "s", line[i]))
                        .append(i == line.length - 1 ? "" : "  ");
            }
            out.println(text.toString().stripTrailing());
        }
    }

    private static String text(Object value) {
        return value == null ? "" : String.valueOf(value);
    }

    private static String percent(Object value) {
        return value instanceof Number ? String.format(Locale.ROOT, "%.1f%%", ((Number) value).doubleValue() * 100)
                : text(value);
    }

    private static String rate(Object value) {
        return value instanceof Number ? String.format(Locale.ROOT, "%.1f", ((Number) value).doubleValue())
                : text(value);
    }

    private static String age(Object value, long nowMillis) {
        if (!(value instanceof Number)) {
            return text(value);
        }
        double seconds = Math.max(0, nowMillis - ((Number) value).longValue()) / 1000.0;
        return String.format(Locale.ROOT, "%.1fs ago", seconds);
    }
}
