package io.autobot.optimizer.agent.policy;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How the chunk results of a split call become one result, chosen by the declared return type's
 * name at transform time: lists and arrays are concatenated in chunk order, sets and maps united
 * (a key in two chunks keeps the later chunk's value, as one sequential pass would), and void
 * methods just wait for all chunks. A chunk that returned null contributes nothing.
 */
enum Merge {
    VOID, LIST, LINKED_LIST, SET, SORTED_SET, MAP, SORTED_MAP, CONCURRENT_MAP, ARRAY;

    private static final Map<String, Merge> BY_TYPE = Map.ofEntries(
            Map.entry("void", VOID),
            Map.entry("java.util.List", LIST),
            Map.entry("java.util.Collection", LIST),
            Map.entry("java.lang.Iterable", LIST),
            Map.entry("java.util.SequencedCollection", LIST),
            Map.entry("java.util.AbstractList", LIST),
            Map.entry("java.util.ArrayList", LIST),
            Map.entry("java.util.LinkedList", LINKED_LIST),
            Map.entry("java.util.Set", SET),
            Map.entry("java.util.SequencedSet", SET),
            Map.entry("java.util.HashSet", SET),
            Map.entry("java.util.LinkedHashSet", SET),
            Map.entry("java.util.SortedSet", SORTED_SET),
            Map.entry("java.util.NavigableSet", SORTED_SET),
            Map.entry("java.util.TreeSet", SORTED_SET),
            Map.entry("java.util.Map", MAP),
            Map.entry("java.util.SequencedMap", MAP),
            Map.entry("java.util.HashMap", MAP),
            Map.entry("java.util.LinkedHashMap", MAP),
            Map.entry("java.util.SortedMap", SORTED_MAP),
            Map.entry("java.util.NavigableMap", SORTED_MAP),
            Map.entry("java.util.TreeMap", SORTED_MAP),
            Map.entry("java.util.concurrent.ConcurrentMap", CONCURRENT_MAP),
            Map.entry("java.util.concurrent.ConcurrentHashMap", CONCURRENT_MAP));

    /** What can be merged, for messages. */
    static final String ACCEPTED = "void, a List, Collection, Set, SortedSet, Map, SortedMap, ConcurrentMap"
            + " (or one of their common JDK classes) or an array";

    /** The merge for a declared return type name ({@link Class#getName()} spelling), or null. */
    static Merge of(String typeName) {
        return typeName.startsWith("[") ? ARRAY : BY_TYPE.get(typeName);
    }

    /** Whether {@code distinct} can remove anything from such results. */
    boolean hasDuplicates() {
        return this == LIST || this == LINKED_LIST || this == ARRAY;
    }

    @SuppressWarnings("unchecked")
    Object merge(Object[] parts) {
        switch (this) {
            case VOID:
                return null;
            case ARRAY:
                return concatenateArrays(parts);
            case MAP:
            case SORTED_MAP:
            case CONCURRENT_MAP:
                Map<Object, Object> map = null;
                for (Object part : parts) {
                    if (part != null) {
                        if (map == null) {
                            map = newMap((Map<Object, Object>) part);
                        }
                        map.putAll((Map<Object, Object>) part);
                    }
                }
                return map;
            default:
                Collection<Object> merged = null;
                for (Object part : parts) {
                    if (part != null) {
                        if (merged == null) {
                            merged = newCollection((Collection<Object>) part);
                        }
                        merged.addAll((Collection<Object>) part);
                    }
                }
                return merged;
        }
    }

    /** The result without repeated elements, the first occurrence kept; other results as they are. */
    Object distinct(Object result) {
        if (result == null || !hasDuplicates()) {
            return result;
        }
        if (this == ARRAY) {
            int length = Array.getLength(result);
            LinkedHashSet<Object> unique = new LinkedHashSet<>();
            for (int i = 0; i < length; i++) {
                unique.add(Array.get(result, i));
            }
            Object array = Array.newInstance(result.getClass().getComponentType(), unique.size());
            int i = 0;
            for (Object element : unique) {
                Array.set(array, i++, element);
            }
            return array;
        }
        LinkedHashSet<Object> unique = new LinkedHashSet<>((Collection<?>) result);
        return this == LINKED_LIST ? new LinkedList<>(unique) : new ArrayList<>(unique);
    }

    private Map<Object, Object> newMap(Map<Object, Object> first) {
        if (this == SORTED_MAP) {
            return new TreeMap<>(first instanceof SortedMap ? ((SortedMap<Object, Object>) first).comparator() : null);
        }
        return this == CONCURRENT_MAP ? new ConcurrentHashMap<>() : new LinkedHashMap<>();
    }

    private Collection<Object> newCollection(Collection<Object> first) {
        switch (this) {
            case LINKED_LIST:
                return new LinkedList<>();
            case SET:
                return new LinkedHashSet<>();
            case SORTED_SET:
                return new TreeSet<>(first instanceof SortedSet ? ((SortedSet<Object>) first).comparator() : null);
            default:
                return new ArrayList<>();
        }
    }

    private static Object concatenateArrays(Object[] parts) {
        Class<?> component = null;
        int total = 0;
        for (Object part : parts) {
            if (part != null) {
                component = component == null ? part.getClass().getComponentType() : component;
                total += Array.getLength(part);
            }
        }
        if (component == null) {
            return null;
        }
        Object merged = Array.newInstance(component, total);
        int at = 0;
        for (Object part : parts) {
            if (part != null) {
                int length = Array.getLength(part);
                System.arraycopy(part, 0, merged, at, length);
                at += length;
            }
        }
        return merged;
    }
}
