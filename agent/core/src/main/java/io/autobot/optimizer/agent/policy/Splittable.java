package io.autobot.optimizer.agent.policy;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The parameter types the parallel splitter can cut into chunks, chosen by the declared type's
 * name at transform time. Chunks are contiguous, keep the argument's iteration order, differ in
 * size by one at most, and are fresh copies of the declared kind: a body may keep them, and what it
 * writes into their elements is copied back into the argument afterwards ({@link WriteBack}).
 */
enum Splittable {
    /** List, Collection and their common JDK classes: ArrayList chunks. */
    LIST,
    LINKED_LIST,
    /** Set, HashSet, LinkedHashSet: LinkedHashSet chunks. */
    SET,
    /** SortedSet, NavigableSet, TreeSet: TreeSet chunks with the argument's comparator. */
    SORTED_SET,
    /** Any array, primitive or not: arrays of the same component type. */
    ARRAY;

    private static final Map<String, Splittable> BY_TYPE = Map.ofEntries(
            Map.entry("java.util.List", LIST),
            Map.entry("java.util.Collection", LIST),
            Map.entry("java.util.SequencedCollection", LIST),
            Map.entry("java.util.AbstractList", LIST),
            Map.entry("java.util.AbstractCollection", LIST),
            Map.entry("java.util.ArrayList", LIST),
            Map.entry("java.util.LinkedList", LINKED_LIST),
            Map.entry("java.util.Set", SET),
            Map.entry("java.util.SequencedSet", SET),
            Map.entry("java.util.AbstractSet", SET),
            Map.entry("java.util.HashSet", SET),
            Map.entry("java.util.LinkedHashSet", SET),
            Map.entry("java.util.SortedSet", SORTED_SET),
            Map.entry("java.util.NavigableSet", SORTED_SET),
            Map.entry("java.util.TreeSet", SORTED_SET));

    /** What the splitter accepts, for messages. */
    static final String ACCEPTED = "a List, Collection, Set, SortedSet (or ArrayList, LinkedList, HashSet,"
            + " LinkedHashSet, TreeSet) or an array";

    /** The kind for a declared parameter type name ({@link Class#getName()} spelling), or null. */
    static Splittable of(String typeName) {
        return typeName.startsWith("[") ? ARRAY : BY_TYPE.get(typeName);
    }

    int size(Object argument) {
        return this == ARRAY ? Array.getLength(argument) : ((Collection<?>) argument).size();
    }

    /** Cuts the argument into {@code parts} chunks (at most its size, at least two). */
    Object[] split(Object argument, int parts) {
        Object source = source(argument);
        Object[] chunks = new Object[parts];
        for (int i = 0; i < parts; i++) {
            chunks[i] = chunk(argument, source, parts, i);
        }
        return chunks;
    }

    /** A fresh copy of one chunk of the argument, as {@link #split} cut it. */
    Object chunk(Object argument, int parts, int index) {
        return chunk(argument, source(argument), parts, index);
    }

    /** What chunks are copied from: the argument itself, or a collection's elements in iteration order. */
    private Object source(Object argument) {
        return this == ARRAY || argument instanceof List ? argument : new ArrayList<>((Collection<?>) argument);
    }

    private Object chunk(Object argument, Object source, int parts, int index) {
        int size = size(argument);
        int from = chunkStart(size, parts, index);
        int length = chunkLength(size, parts, index);
        if (this == ARRAY) {
            Object chunk = Array.newInstance(argument.getClass().getComponentType(), length);
            System.arraycopy(argument, from, chunk, 0, length);
            return chunk;
        }
        return copy(argument, ((List<?>) source).subList(from, from + length));
    }

    private Collection<Object> copy(Object argument, List<?> elements) {
        switch (this) {
            case LINKED_LIST:
                return new LinkedList<>(elements);
            case SET:
                return new LinkedHashSet<>(elements);
            case SORTED_SET:
                @SuppressWarnings("unchecked")
                SortedSet<Object> sorted = new TreeSet<>(((SortedSet<Object>) argument).comparator());
                sorted.addAll(elements);
                return sorted;
            default:
                return new ArrayList<>(elements);
        }
    }

    /** Where chunk {@code index} starts in the argument: the first {@code size % parts} chunks are one longer. */
    static int chunkStart(int size, int parts, int index) {
        return index * (size / parts) + Math.min(index, size % parts);
    }

    static int chunkLength(int size, int parts, int index) {
        return size / parts + (index < size % parts ? 1 : 0);
    }
}
