package io.autobot.optimizer.protocol.json;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes maps, lists, arrays, strings, numbers and booleans as JSON with Jackson jr: indented for
 * the exported report, on one line for the CLI's {@code --json} answers. NaN and infinities
 * (figures that could not be measured) are written as {@code null}; integral doubles without a
 * fraction ({@code 3.0} as {@code 3}); any other object as its {@code toString()}. Jackson is
 * loaded with this class, that is when JSON is first written, never at agent start.
 */
public final class Json {

    /** Two spaces per level, {@code "key": value}, {@code {}} and {@code []} when empty. */
    /** Map entries whose value is null are written ({@code "key": null}), as figures that could not be measured. */
    private static final JSON COMPACT = JSON.std.with(JSON.Feature.WRITE_NULL_PROPERTIES);
    private static final JSON INDENTED = COMPACT.with(new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"))
            .withSeparators(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("")
                    .withArrayEmptySeparator("")));

    private Json() {
    }

    /** Indented JSON with a final newline: for files. */
    public static String write(Object value) {
        return text(INDENTED, value) + "\n";
    }

    /** JSON on one line: for answers a program reads line by line. */
    public static String compact(Object value) {
        return text(COMPACT, value);
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
        } else if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, item) -> copy.put(String.valueOf(key), plain(item)));
            return copy;
        } else if (value instanceof Collection<?> items) {
            List<Object> copy = new ArrayList<>(items.size());
            items.forEach(item -> copy.add(plain(item)));
            return copy;
        } else if (value instanceof Object[] items) {
            return plain(Arrays.asList(items));
        } else if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            if (!Double.isFinite(number)) {
                return null;
            }
            return number == Math.rint(number) && Math.abs(number) < 1e15 ? (Object) (long) number : (Object) number;
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short
                || value instanceof Byte || value instanceof BigInteger || value instanceof BigDecimal) {
            return value;
        } else if (value instanceof Number number) {
            return number.longValue(); // counters such as AtomicLong and LongAdder
        }
        return value.toString();
    }
}
