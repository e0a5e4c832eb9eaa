package io.autobot.optimizer.protocol.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reading a document tree (maps, lists, numbers and strings, as a JSON document is parsed or built)
 * for a page: a part that is missing or of another shape reads as empty or not available, so a
 * page renders whatever the document holds.
 */
public final class DocumentValues {

    private DocumentValues() {
    }

    /** A figure: any number; NaN for null (not measured) or anything else. */
    public static double number(Object value) {
        return value instanceof Number number ? number.doubleValue() : Double.NaN;
    }

    /** A value as text; {@link Units#NOT_AVAILABLE} for null. */
    public static String text(Object value) {
        return value == null ? Units.NOT_AVAILABLE : String.valueOf(value);
    }

    /** An object of the document; empty when it is not one. */
    @SuppressWarnings("unchecked")
    public static Map<String, ?> map(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, ?>) map : Map.of();
    }

    /** A list of the document; empty when it is not one. */
    public static List<?> list(Object value) {
        return value instanceof List<?> list ? list : List.of();
    }

    /** A list's items as text. */
    public static List<String> strings(Object value) {
        List<String> strings = new ArrayList<>();
        for (Object item : list(value)) {
            strings.add(String.valueOf(item));
        }
        return strings;
    }
}
