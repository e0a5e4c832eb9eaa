package io.autobot.optimizer.it.hosts;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A JDK-only utility class with many overloads, none annotated: {@code TransparencyIT} selects
 * every public static method with one wildcard rule ({@code TextKit.* cached}) and compares every
 * answer with the plain method's. Every method is a function of what it is given, as far as a
 * caller can see: the order a collection iterates in, the runtime class of an argument, the
 * content a builder or an iterator has now, and the identity of an argument it returns.
 */
public final class TextKit {

    private TextKit() {
    }

    public static String join(Collection<String> parts) {
        return String.join(",", parts);
    }

    public static String join(String separator, String... parts) {
        return String.join(separator, parts);
    }

    public static String keys(Map<String, Integer> map) {
        return String.join(",", map.keySet());
    }

    public static String members(Set<Integer> set) {
        StringBuilder text = new StringBuilder();
        for (Integer member : set) {
            text.append(member).append(';');
        }
        return text.toString();
    }

    public static String format(Date date) {
        return date.getClass().getSimpleName() + ":" + date;
    }

    public static String describe(Object value) {
        return value == null ? "null" : value.getClass().getSimpleName() + ":" + value;
    }

    public static String content(CharSequence text) {
        return text.length() + ":" + text;
    }

    public static String drain(Iterator<String> iterator) {
        StringBuilder text = new StringBuilder("[");
        while (iterator.hasNext()) {
            text.append(iterator.next());
        }
        return text.append(']').toString();
    }

    public static int read(AtomicInteger counter) {
        return counter.get();
    }

    public static String deep(Object[] values) {
        return Arrays.deepToString(values);
    }

    public static String strip(String text) {
        return text.strip(); // the argument itself when there is nothing to strip
    }

    public static Object echo(Object value) {
        return value;
    }

    public static long[] same(long[] values) {
        return values;
    }

    public static String[] split(String text) {
        return text.split(",");
    }

    public static char[] chars(String text) {
        return text.toCharArray();
    }

    public static int[][] grid(int size) {
        int[][] grid = new int[size][size];
        for (int i = 0; i < size; i++) {
            grid[i][i] = 1;
        }
        return grid;
    }

    public static List<String> words(String text) {
        return new ArrayList<>(Arrays.asList(text.split(" ")));
    }

    public static Map<Character, Integer> counts(String text) {
        Map<Character, Integer> counts = new HashMap<>();
        for (char c : text.toCharArray()) {
            counts.merge(c, 1, Integer::sum);
        }
        return counts;
    }

    public static int max(int... values) {
        return Arrays.stream(values).max().orElse(Integer.MIN_VALUE);
    }

    public static String concat(Object... parts) {
        StringBuilder text = new StringBuilder();
        for (Object part : parts) {
            text.append(part).append('|');
        }
        return text.toString();
    }

    public static String sum(List<Integer> values) {
        return values.getClass().getSimpleName() + ":" + values.stream().mapToInt(Integer::intValue).sum();
    }

    public static String sum(Number a, Number b) {
        return a.getClass().getSimpleName() + b.getClass().getSimpleName() + ":" + (a.doubleValue() + b.doubleValue());
    }
}
