package io.autobot.optimizer.cli.shell;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders the agent's values as readable text: settings as an aligned two-column table, reports
 * (nested maps and lists) as an indented tree. Shared by the shell and the CLI's verbs.
 */
public final class TextFormat {

    private TextFormat() {
    }

    /** One {@code name  value} line per entry, names padded to one column. */
    public static String table(Map<String, ?> values, String indent) {
        int width = 0;
        for (String name : values.keySet()) {
            width = Math.max(width, name.length());
        }
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, ?> entry : values.entrySet()) {
            text.append(indent).append(pad(entry.getKey(), width)).append("  ").append(value(entry.getValue()))
                    .append('\n');
        }
        return text.toString();
    }

    /** Nested maps and lists, one value per line, indented by depth. */
    public static String tree(Object value, String indent) {
        StringBuilder text = new StringBuilder();
        tree(value, indent, text);
        return text.toString();
    }

    private static void tree(Object value, String indent, StringBuilder text) {
        if (value instanceof Map) {
            Map<?, ?> map = (Map<?, ?>) value;
            if (map.isEmpty()) {
                text.append(indent).append("(none)\n");
            }
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (isLeaf(entry.getValue())) {
                    text.append(indent).append(entry.getKey()).append(": ").append(value(entry.getValue())).append('\n');
                } else {
                    text.append(indent).append(entry.getKey()).append(":\n");
                    tree(entry.getValue(), indent + "  ", text);
                }
            }
        } else if (value instanceof List) {
            List<?> list = (List<?>) value;
            if (list.isEmpty()) {
                text.append(indent).append("(none)\n");
            }
            for (Object element : list) {
                if (isLeaf(element)) {
                    text.append(indent).append("- ").append(value(element)).append('\n');
                } else {
                    text.append(indent).append("-\n");
                    tree(element, indent + "  ", text);
                }
            }
        } else {
            text.append(indent).append(value(value)).append('\n');
        }
    }

    private static boolean isLeaf(Object value) {
        return !(value instanceof Map) && !(value instanceof List);
    }

    /**
     * A scalar as text: whole doubles without {@code .0}, others with at most four decimals, and
     * those smaller than 0.0001 with three significant digits ({@code 0.0000171}), never {@code 0.}.
     */
    public static String value(Object value) {
        if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            if (number == Math.rint(number) && !Double.isInfinite(number) && Math.abs(number) < 1e15) {
                return String.valueOf((long) number);
            }
            if (Double.isNaN(number) || Double.isInfinite(number)) {
                return String.valueOf(number);
            }
            if (Math.abs(number) < 1e-4) {
                // four decimals would print 1.7e-5 as 0: keep three significant digits instead
                return new java.math.BigDecimal(number).round(new java.math.MathContext(3)).stripTrailingZeros()
                        .toPlainString();
            }
            String text = String.format(Locale.ROOT, "%.4f", number);
            text = text.replaceAll("0+$", "");
            return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
        }
        return String.valueOf(value);
    }

    private static String pad(String text, int width) {
        StringBuilder padded = new StringBuilder(text);
        while (padded.length() < width) {
            padded.append(' ');
        }
        return padded.toString();
    }
}
