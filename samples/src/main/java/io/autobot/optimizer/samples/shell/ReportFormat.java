package io.autobot.optimizer.samples.shell;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/** Prints nested maps and lists (a report, cache statistics) as indented {@code key: value} lines. */
public final class ReportFormat {

    private ReportFormat() {
    }

    public static void print(Object value, PrintStream out, int indent) {
        String pad = "  ".repeat(indent);
        if (value instanceof Map<?, ?> map) {
            if (map.isEmpty()) {
                out.println(pad + "(empty)");
            }
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (entry.getValue() instanceof Map<?, ?> || entry.getValue() instanceof List<?>) {
                    out.println(pad + entry.getKey() + ":");
                    print(entry.getValue(), out, indent + 1);
                } else {
                    out.println(pad + entry.getKey() + ": " + format(entry.getValue()));
                }
            }
        } else if (value instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> || item instanceof List<?>) {
                    out.println(pad + "-");
                    print(item, out, indent + 1);
                } else {
                    out.println(pad + "- " + format(item));
                }
            }
        } else {
            out.println(pad + format(value));
        }
    }

    private static String format(Object value) {
        if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            return number == Math.rint(number) ? String.valueOf((long) number) : String.format("%.4f", number);
        }
        return String.valueOf(value);
    }
}
