package io.autobot.optimizer.samples.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sample's JSON, with Jackson jr: writing maps, lists, strings, numbers, booleans and nulls,
 * and a strict parser (objects become {@link LinkedHashMap}s, arrays {@link ArrayList}s, numbers
 * {@link Double}s). Doubles without a fraction are written as whole numbers, NaN and infinities as
 * {@code null}, other objects as their {@code toString()}.
 */
public final class Json {

    /** Map entries whose value is null are written ({@code "key": null}). */
    private static final JSON COMPACT = JSON.std.with(JSON.Feature.WRITE_NULL_PROPERTIES);
    private static final JSON INDENTED = COMPACT.with(new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"))
            .withSeparators(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("")
                    .withArrayEmptySeparator("")));
    private static final JSON READER = JSON.std.without(JSON.Feature.USE_DEFERRED_MAPS)
            .with(JSON.Feature.PRESERVE_FIELD_ORDERING);

    private Json() {
    }

    /** Writes a value as indented JSON. */
    public static String write(Object value) {
        return text(INDENTED, value) + "\n";
    }

    /** Writes a value on one line. */
    public static String writeCompact(Object value) {
        return text(COMPACT, value);
    }

    /**
     * Parses a JSON text.
     *
     * @throws IllegalArgumentException naming the offset of the first error
     */
    public static Object parse(String text) {
        JsonParser parser = null;
        try {
            parser = READER.createParser(text);
            if (parser.nextToken() == null) {
                throw error(parser, "unexpected end");
            }
            Object value = READER.anyFrom(parser);
            if (parser.nextToken() != null) {
                throw error(parser, "unexpected text after the value");
            }
            return doubles(value);
        } catch (IOException e) {
            throw error(parser, e.getMessage().lines().findFirst().orElse("unreadable"));
        }
    }

    private static IllegalArgumentException error(JsonParser parser, String message) {
        long offset = parser == null ? 0 : parser.currentLocation().getCharOffset();
        return new IllegalArgumentException("invalid JSON at offset " + offset + ": " + message);
    }

    private static String text(JSON json, Object value) {
        try {
            return json.asString(plain(value));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // only plain maps, lists, strings and numbers reach Jackson
        }
    }

    /** The value as maps, lists, strings, whole or finite numbers, booleans and nulls only. */
    private static Object plain(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean) {
            return value;
        } else if (value instanceof Character) {
            return value.toString();
        } else if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, item) -> copy.put(String.valueOf(key), plain(item)));
            return copy;
        } else if (value instanceof Iterable<?> items) {
            List<Object> copy = new ArrayList<>();
            items.forEach(item -> copy.add(plain(item)));
            return copy;
        } else if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            if (!Double.isFinite(number)) {
                return null;
            }
            return number == Math.rint(number) && Math.abs(number) < 1e15 ? (Object) (long) number : (Object) number;
        } else if (value instanceof Number) {
            return value;
        }
        return value.toString();
    }

    /** What Jackson read, with every number as a {@link Double}. */
    private static Object doubles(Object value) {
        if (value instanceof Number number) {
            return number.doubleValue();
        } else if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, item) -> copy.put((String) key, doubles(item)));
            return copy;
        } else if (value instanceof List<?> items) {
            List<Object> copy = new ArrayList<>(items.size());
            items.forEach(item -> copy.add(doubles(item)));
            return copy;
        }
        return value;
    }
}
