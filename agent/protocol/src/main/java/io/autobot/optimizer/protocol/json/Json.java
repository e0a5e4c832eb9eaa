package io.autobot.optimizer.protocol.json;

import java.util.Collection;
import java.util.Iterator;
import java.util.Map;

/**
 * Writes maps, lists, arrays, strings, numbers and booleans as JSON: indented for the exported
 * report, on one line for the CLI's {@code --json} answers; enough without a JSON library in the
 * agent. NaN and infinities (figures that could not be measured) are written as {@code null};
 * integral doubles without a fraction ({@code 3.0} as {@code 3}).
 */
public final class Json {

    private final boolean indented;
    private final StringBuilder out = new StringBuilder();

    private Json(boolean indented) {
        this.indented = indented;
    }

    /** Indented JSON with a final newline: for files. */
    public static String write(Object value) {
        Json json = new Json(true);
        json.value(value, 0);
        return json.out.append('\n').toString();
    }

    /** JSON on one line: for answers a program reads line by line. */
    public static String compact(Object value) {
        Json json = new Json(false);
        json.value(value, 0);
        return json.out.toString();
    }

    private void value(Object value, int depth) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Map) {
            object((Map<?, ?>) value, depth);
        } else if (value instanceof Collection) {
            array(((Collection<?>) value).iterator(), depth);
        } else if (value instanceof Object[]) {
            array(java.util.Arrays.asList((Object[]) value).iterator(), depth);
        } else if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            out.append(Double.isFinite(number) ? number(number) : "null");
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else {
            string(value.toString());
        }
    }

    private static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return String.valueOf((long) value);
        }
        return String.valueOf(value);
    }

    private void object(Map<?, ?> map, int depth) {
        if (map.isEmpty()) {
            out.append("{}");
            return;
        }
        out.append('{');
        Iterator<? extends Map.Entry<?, ?>> entries = map.entrySet().iterator();
        while (entries.hasNext()) {
            Map.Entry<?, ?> entry = entries.next();
            newLine(depth + 1);
            string(String.valueOf(entry.getKey()));
            out.append(indented ? ": " : ":");
            value(entry.getValue(), depth + 1);
            out.append(entries.hasNext() ? "," : "");
        }
        newLine(depth);
        out.append('}');
    }

    private void array(Iterator<?> items, int depth) {
        if (!items.hasNext()) {
            out.append("[]");
            return;
        }
        out.append('[');
        while (items.hasNext()) {
            newLine(depth + 1);
            value(items.next(), depth + 1);
            out.append(items.hasNext() ? "," : "");
        }
        newLine(depth);
        out.append(']');
    }

    private void newLine(int depth) {
        if (indented) {
            out.append('\n').append("  ".repeat(depth));
        }
    }

    private void string(String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"': out.append("\\\""); break;
                case '\\': out.append("\\\\"); break;
                case '\n': out.append("\\n"); break;
                case '\r': out.append("\\r"); break;
                case '\t': out.append("\\t"); break;
                default:
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
            }
        }
        out.append('"');
    }
}
