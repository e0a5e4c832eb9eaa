package io.autobot.optimizer.agent.policy.parallel;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Arrays;
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
 * size by one at most, and are fresh copies of the declared kind, copied from one copy of the
 * argument's elements ({@link Cut}): a body may keep them, and what it writes into their elements
 * is copied back into the argument afterwards ({@link WriteBack}).
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

    /**
     * Cuts the argument into {@code parts} chunks (at most its size, at least two): copies its
     * elements once, in iteration order (a collection by {@code toArray}, which a concurrent
     * collection takes atomically), and the chunks from that copy.
     */
    Cut cut(Object argument, int parts) {
        Object elements;
        int size;
        if (this == ARRAY) {
            size = Array.getLength(argument);
            elements = Array.newInstance(argument.getClass().getComponentType(), size);
            System.arraycopy(argument, 0, elements, 0, size);
        } else {
            elements = ((Collection<?>) argument).toArray();
            size = ((Object[]) elements).length;
        }
        return new Cut(this, argument, elements, size, parts);
    }

    /** A chunk of the declared kind holding {@code length} of the elements as cut, from {@code from}. */
    Object chunk(Object argument, Object elements, int from, int length) {
        if (this == ARRAY) {
            Object chunk = Array.newInstance(elements.getClass().getComponentType(), length);
            System.arraycopy(elements, from, chunk, 0, length);
            return chunk;
        }
        return copy(argument, Arrays.asList((Object[]) elements).subList(from, from + length));
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
}
