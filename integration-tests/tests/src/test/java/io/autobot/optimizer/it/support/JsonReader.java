package io.autobot.optimizer.it.support;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the CLI's --json output strictly, with Jackson jr (the library the agent writes it with,
 * here unrelocated): objects become maps, arrays lists, numbers Long or Double.
 */
public final class JsonReader {

    private static final JSON READER = JSON.std.without(JSON.Feature.USE_DEFERRED_MAPS)
            .with(JSON.Feature.PRESERVE_FIELD_ORDERING);

    private JsonReader() {
    }

    /** Parses one JSON object that must make up the whole text (surrounding blanks aside). */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> object(String text) {
        try (JsonParser parser = READER.createParser(text)) {
            Object value = parser.nextToken() == null ? null : READER.anyFrom(parser);
            if (!(value instanceof Map) || parser.nextToken() != null) {
                throw new IllegalArgumentException("not one JSON object: " + text);
            }
            return (Map<String, Object>) numbers(value);
        } catch (IOException e) {
            throw new IllegalArgumentException("not one JSON object: " + text, e);
        }
    }

    /** Whole numbers as Long, others as Double. */
    private static Object numbers(Object value) {
        if (value instanceof Number number) {
            return value instanceof Double || value instanceof Float || value instanceof BigDecimal
                    ? (Object) number.doubleValue() : (Object) number.longValue();
        } else if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, item) -> copy.put((String) key, numbers(item)));
            return copy;
        } else if (value instanceof List<?> items) {
            List<Object> copy = new ArrayList<>(items.size());
            items.forEach(item -> copy.add(numbers(item)));
            return copy;
        }
        return value;
    }
}
