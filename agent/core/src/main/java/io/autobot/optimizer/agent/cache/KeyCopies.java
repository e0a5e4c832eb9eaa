package io.autobot.optimizer.agent.cache;

import java.io.NotSerializableException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The copies a stored key makes of its arguments. A stored key is compared by value for as long
 * as it lives, so what it holds must not change after the call: arrays are copied (at any depth);
 * {@code ArrayList}, {@code LinkedList}, {@code LinkedHashSet}, {@code LinkedHashMap},
 * {@code TreeSet} and {@code TreeMap} are copied into their own class (a copy iterates in the same
 * order, a sorted one with the same comparator); every other JDK collection or map that can
 * change ({@code HashSet}, {@code HashMap}, {@code ArrayDeque}, views, concurrent ones) is kept
 * as its class and its elements in iteration order (a {@link Frozen}), since a copy of it could
 * iterate differently. Elements are copied the same way. Other objects are kept as passed.
 */
final class KeyCopies {

    private KeyCopies() {
    }

    /** Whether {@link #copy} copies the value rather than keeping it. */
    static boolean copied(Object value) {
        return value != null && (value.getClass().isArray() || collection(value) || Frozen.freezes(value));
    }

    static Object[] copy(Object[] args) {
        Object[] copy = args.clone();
        for (int i = 0; i < copy.length; i++) {
            copy[i] = copyValue(copy[i]);
        }
        return copy;
    }

    static Object copyValue(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Object[]) {
            return copy((Object[]) value);
        }
        if (value.getClass().isArray()) {
            return copyPrimitives(value);
        }
        if (collection(value)) {
            return copyCollection(value);
        }
        return Frozen.freezes(value) ? Frozen.of(value, true) : value;
    }

    private static boolean collection(Object value) {
        Class<?> type = value.getClass();
        return type == ArrayList.class || type == LinkedList.class || type == LinkedHashMap.class
                || type == LinkedHashSet.class || type == TreeMap.class || type == TreeSet.class;
    }

    /** A copy of the same class (a sorted one keeps its comparator), its elements copied too. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object copyCollection(Object value) {
        if (value instanceof Map) {
            Map<Object, Object> copy = value instanceof TreeMap ? new TreeMap<>(((TreeMap) value).comparator())
                    : new LinkedHashMap<>();
            for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                copy.put(copyValue(entry.getKey()), copyValue(entry.getValue()));
            }
            return copy;
        }
        Collection<Object> copy = value instanceof ArrayList ? new ArrayList<>(((Collection<?>) value).size())
                : value instanceof LinkedList ? new LinkedList<>()
                : value instanceof TreeSet ? new TreeSet<>(((TreeSet) value).comparator())
                : new LinkedHashSet<>();
        for (Object element : (Collection<?>) value) {
            copy.add(copyValue(element));
        }
        return copy;
    }

    /** The arguments as they are serialized for the disk tier: frozen collections as real ones again. */
    static Object[] thawed(Object[] args) throws NotSerializableException {
        Object[] thawed = null;
        for (int i = 0; i < args.length; i++) {
            Object value = thawed(args[i]);
            if (value != args[i]) {
                if (thawed == null) {
                    thawed = args.clone();
                }
                thawed[i] = value;
            }
        }
        return thawed == null ? args : thawed;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static Object thawed(Object value) throws NotSerializableException {
        if (value instanceof Frozen frozen) {
            return frozen.thawed();
        }
        if (value instanceof Object[] array) {
            return thawed(array);
        }
        if (value == null || !collection(value) || !containsFrozen(value)) {
            return value;
        }
        if (value instanceof Map) {
            Map<Object, Object> copy = value instanceof TreeMap ? new TreeMap<>(((TreeMap) value).comparator())
                    : new LinkedHashMap<>();
            for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                copy.put(thawed(entry.getKey()), thawed(entry.getValue()));
            }
            return copy;
        }
        Collection<Object> copy = value instanceof ArrayList ? new ArrayList<>()
                : value instanceof LinkedList ? new LinkedList<>()
                : value instanceof TreeSet ? new TreeSet<>(((TreeSet) value).comparator()) : new LinkedHashSet<>();
        for (Object element : (Collection<?>) value) {
            copy.add(thawed(element));
        }
        return copy;
    }

    private static boolean containsFrozen(Object value) {
        Iterable<?> elements = value instanceof Map<?, ?> map ? flatten(map) : (Collection<?>) value;
        for (Object element : elements) {
            if (element instanceof Frozen || element instanceof Object[]
                    || (element != null && collection(element) && containsFrozen(element))) {
                return true;
            }
        }
        return false;
    }

    private static List<Object> flatten(Map<?, ?> map) {
        List<Object> all = new ArrayList<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            all.add(entry.getKey());
            all.add(entry.getValue());
        }
        return all;
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
