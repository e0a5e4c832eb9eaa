package io.autobot.optimizer.agent.cache;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The copies a stored key makes of its arguments. A stored key is compared by value for as long
 * as it lives, so what it holds must not change after the call: arrays are copied (at any depth),
 * and so are the JDK's general-purpose mutable collections, of exactly these classes, with their
 * nested ones. A caller that reuses one buffer for every request ({@code buffer.clear();
 * buffer.add(word); joined(buffer)}) would otherwise leave every stored key naming the buffer's
 * latest content, and a later call whose content hashes alike ({@code "Aa"} and {@code "BB"}) would
 * get another call's result. Arrays inside collections are left as they are: a collection compares
 * them by identity, and a copy would never be equal again. Other objects are kept as passed.
 */
final class KeyCopies {

    private KeyCopies() {
    }

    /** Whether {@link #copy} copies the value rather than keeping it. */
    static boolean copied(Object value) {
        return value != null && (value.getClass().isArray() || collection(value));
    }

    static Object[] copy(Object[] args) {
        Object[] copy = args.clone();
        for (int i = 0; i < copy.length; i++) {
            copy[i] = copyValue(copy[i]);
        }
        return copy;
    }

    private static Object copyValue(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Object[]) {
            return copy((Object[]) value);
        }
        if (value.getClass().isArray()) {
            return copyPrimitives(value);
        }
        return collection(value) ? copyCollection(value) : value;
    }

    private static boolean collection(Object value) {
        Class<?> type = value.getClass();
        return type == ArrayList.class || type == LinkedList.class || type == HashMap.class
                || type == LinkedHashMap.class || type == HashSet.class || type == LinkedHashSet.class
                || type == TreeMap.class || type == TreeSet.class;
    }

    /** A copy of the same class (a sorted one keeps its comparator), its JDK collections copied too. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object copyCollection(Object value) {
        if (value instanceof Map) {
            Map<Object, Object> copy = value instanceof TreeMap ? new TreeMap<>(((TreeMap) value).comparator())
                    : value instanceof LinkedHashMap ? new LinkedHashMap<>() : new HashMap<>();
            for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                copy.put(copyNested(entry.getKey()), copyNested(entry.getValue()));
            }
            return copy;
        }
        Collection<Object> copy = value instanceof ArrayList ? new ArrayList<>(((Collection<?>) value).size())
                : value instanceof LinkedList ? new LinkedList<>()
                : value instanceof TreeSet ? new TreeSet<>(((TreeSet) value).comparator())
                : value instanceof LinkedHashSet ? new LinkedHashSet<>() : new HashSet<>();
        for (Object element : (Collection<?>) value) {
            copy.add(copyNested(element));
        }
        return copy;
    }

    private static Object copyNested(Object element) {
        return element != null && collection(element) ? copyCollection(element) : element;
    }

    private static Object copyPrimitives(Object value) {
        if (value instanceof byte[]) {
            return ((byte[]) value).clone();
        }
        if (value instanceof int[]) {
            return ((int[]) value).clone();
        }
        if (value instanceof long[]) {
            return ((long[]) value).clone();
        }
        if (value instanceof char[]) {
            return ((char[]) value).clone();
        }
        if (value instanceof double[]) {
            return ((double[]) value).clone();
        }
        if (value instanceof float[]) {
            return ((float[]) value).clone();
        }
        if (value instanceof short[]) {
            return ((short[]) value).clone();
        }
        return ((boolean[]) value).clone();
    }
}
