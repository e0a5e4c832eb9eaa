package io.autobot.optimizer.agent.policy.parallel;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * How the chunk results of a split call become one result. Which declared result types allow a
 * split is decided by name when the method is registered ({@link #accepts}); how a call's results
 * are merged is decided by their runtime class, which must be the one the method's first whole
 * call returned ({@link ResultShape}): a {@code Collection} that is a {@code HashSet} is united as
 * one, a {@code Set} that is a {@code TreeSet} stays sorted. When every chunk returned null the
 * call returns null; when only some did, the results cannot be merged.
 */
final class Merge {

    /** The chunks' results cannot be merged into what a sequential run returns. */
    static final Object MISMATCH = new Object();

    /** What can be merged, for messages. */
    static final String ACCEPTED = "void, a List, Collection, Iterable, Set, SortedSet, Map, SortedMap, ConcurrentMap"
            + " (or one of their common JDK classes) or an array";

    private static final Set<String> DECLARED = Set.of("void", "java.util.List", "java.util.Collection",
            "java.lang.Iterable", "java.util.SequencedCollection", "java.util.AbstractList", "java.util.ArrayList",
            "java.util.LinkedList", "java.util.Set", "java.util.SequencedSet", "java.util.HashSet",
            "java.util.LinkedHashSet", "java.util.SortedSet", "java.util.NavigableSet", "java.util.TreeSet",
            "java.util.Map", "java.util.SequencedMap", "java.util.HashMap", "java.util.LinkedHashMap",
            "java.util.SortedMap", "java.util.NavigableMap", "java.util.TreeMap", "java.util.concurrent.ConcurrentMap",
            "java.util.concurrent.ConcurrentHashMap");

    private Merge() {
    }

    /** Whether results of a declared return type ({@link Class#getName()} spelling) can be merged. */
    static boolean accepts(String typeName) {
        return typeName.startsWith("[") || DECLARED.contains(typeName);
    }

    /**
     * The chunks' results as one result of the shape the method's whole calls return, or
     * {@link #MISMATCH}. When every chunk returned its own chunk, the body returns its argument
     * (a body that returns its argument when it has nothing to do, say): the call returns the
     * caller's argument, whatever the shape learnt, and a merge would return a copy of another
     * class instead. When only some did, the body returned its argument for some elements and
     * something else for others, which no merge can make into what a sequential run returns.
     */
    static Object merge(ResultShape expected, Object[] results, Object[] chunks, Object argument) {
        int own = ownChunks(results, chunks);
        if (own == results.length) {
            return argument;
        }
        if (own > 0 || expected == ResultShape.ARGUMENT) {
            return MISMATCH;
        }
        List<Object> parts = new ArrayList<>(results.length);
        for (Object result : results) {
            if (result != null) {
                if (!expected.equals(ResultShape.of(result))) {
                    return MISMATCH;
                }
                parts.add(result);
            }
        }
        if (parts.isEmpty()) {
            return null;
        }
        // null from some chunks only: a body that answers null for a whole list (one element it
        // refuses, say) would return null sequentially, which no merge of the other chunks gives
        return parts.size() < results.length ? MISMATCH : expected.kind().merge(parts);
    }

    /** How many chunks' results are the chunk itself. */
    private static int ownChunks(Object[] results, Object[] chunks) {
        int own = 0;
        for (int i = 0; i < results.length; i++) {
            if (results[i] != null && results[i] == chunks[i]) {
                own++;
            }
        }
        return own;
    }
}
