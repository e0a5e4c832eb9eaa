package io.autobot.optimizer.cli;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Writes the CLI's values (maps, lists, strings, numbers, booleans, null) as JSON, for --json. */
final class Json {

    private Json() {
    }

    static String write(Object value) {
        StringBuilder json = new StringBuilder();
        write(value, json);
        return json.toString();
    }

    private static void write(Object value, StringBuilder json) {
        if (value == null) {
            json.append("null");
        } else if (value instanceof Map) {
            json.append('{');
            Iterator<? extends Map.Entry<?, ?>> entries = ((Map<?, ?>) value).entrySet().iterator();
            while (entries.hasNext()) {
                Map.Entry<?, ?> entry = entries.next();
                string(String.valueOf(entry.getKey()), json);
                json.append(':');
                write(entry.getValue(), json);
                json.append(entries.hasNext() ? "," : "");
            }
            json.append('}');
        } else if (value instanceof List) {
            json.append('[');
            Iterator<?> elements = ((List<?>) value).iterator();
            while (elements.hasNext()) {
                write(elements.next(), json);
                json.append(elements.hasNext() ? "," : "");
            }
            json.append(']');
        } else if (value instanceof Boolean) {
            json.append(value);
        } else if (value instanceof Number) {
            double number = ((Number) value).doubleValue();
            json.append(Double.isNaN(number) || Double.isInfinite(number) ? "null" : value.toString());
        } else {
            string(value.toString(), json);
        }
    }

    private static void string(String text, StringBuilder json) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"': json.append("\\\""); break;
                case '\\': json.append("\\\\"); break;
                case '\n': json.append("\\n"); break;
                case '\r': json.append("\\r"); break;
                case '\t': json.append("\\t"); break;
                default:
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
            }
        }
        json.append('"');
    }
}
