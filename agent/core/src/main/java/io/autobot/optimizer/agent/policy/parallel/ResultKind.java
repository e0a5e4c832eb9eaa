package io.autobot.optimizer.agent.policy.parallel;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The runtime classes of results that a merge can rebuild faithfully from chunk results, each with
 * how: lists are concatenated, sets united (the first occurrence kept, sorted sets by their
 * comparator), maps united (a key in two chunks keeps the later chunk's value, as one sequential
 * pass would), arrays concatenated. The merged result is of the same class as the chunks' (the
 * JDK's unmodifiable lists, sets and maps: of the same kind, unmodifiable too). A class is matched
 * exactly, never by {@code instanceof}: a subclass may hold more than its elements.
 */
enum ResultKind {
    ARRAY_LIST(true, parts -> addAll(new ArrayList<>(), parts)),
    LINKED_LIST(true, parts -> addAll(new LinkedList<>(), parts)),
    /** {@code List.of}, {@code List.copyOf}: refuse nulls. */
    IMMUTABLE_LIST(true, parts -> List.copyOf(addAll(new ArrayList<>(), parts))),
    /** {@code Stream.toList()}: the same classes, allowing nulls. */
    IMMUTABLE_LIST_ALLOWING_NULLS(true, parts -> addAll(new ArrayList<>(), parts).stream().toList()),
    UNMODIFIABLE_LIST(true, parts -> Collections.unmodifiableList(addAll(new ArrayList<>(), parts))),
    UNMODIFIABLE_SEQUENTIAL_LIST(true, parts -> Collections.unmodifiableList(addAll(new LinkedList<>(), parts))),
    HASH_SET(false, parts -> addAll(new HashSet<>(), parts)),
    LINKED_HASH_SET(false, parts -> addAll(new LinkedHashSet<>(), parts)),
    TREE_SET(false, parts -> addAll(new TreeSet<>(setComparator(parts)), parts)),
    /** {@code Set.of}, {@code Set.copyOf}, {@code Collectors.toUnmodifiableSet()}. */
    IMMUTABLE_SET(false, parts -> Set.copyOf(addAll(new LinkedHashSet<>(), parts))),
    UNMODIFIABLE_SET(false, parts -> Collections.unmodifiableSet(addAll(new LinkedHashSet<>(), parts))),
    UNMODIFIABLE_SORTED_SET(false,
            parts -> Collections.unmodifiableSortedSet(addAll(new TreeSet<>(setComparator(parts)), parts))),
    UNMODIFIABLE_NAVIGABLE_SET(false,
            parts -> Collections.unmodifiableNavigableSet(addAll(new TreeSet<>(setComparator(parts)), parts))),
    /** Entry by entry, never {@code putAll}: that sizes the table ahead, and a table of another size iterates in another order. */
    HASH_MAP(false, parts -> putEach(new HashMap<>(), parts)),
    /** In insertion order only: one in access order has no kind ({@link #of}). */
    LINKED_HASH_MAP(false, parts -> putAll(new LinkedHashMap<>(), parts)),
    TREE_MAP(false, parts -> putAll(new TreeMap<>(mapComparator(parts)), parts)),
    CONCURRENT_HASH_MAP(false, parts -> putEach(new ConcurrentHashMap<>(), parts)),
    /** {@code Map.of}, {@code Map.copyOf}, {@code Collectors.toUnmodifiableMap()}. */
    IMMUTABLE_MAP(false, parts -> Map.copyOf(putAll(new LinkedHashMap<>(), parts))),
    UNMODIFIABLE_MAP(false, parts -> Collections.unmodifiableMap(putAll(new LinkedHashMap<>(), parts))),
    UNMODIFIABLE_SORTED_MAP(false,
            parts -> Collections.unmodifiableSortedMap(putAll(new TreeMap<>(mapComparator(parts)), parts))),
    UNMODIFIABLE_NAVIGABLE_MAP(false,
            parts -> Collections.unmodifiableNavigableMap(putAll(new TreeMap<>(mapComparator(parts)), parts))),
    /** Any array: an array of the chunks' component type. */
    ARRAY(false, ResultKind::concatenateArrays),
    /** The body returned its own argument (after working on it in place, say): the call returns the caller's. */
    ARGUMENT(false, null);

    private static final Map<Class<?>, ResultKind> BY_CLASS = byClass();

    private final boolean list;
    private final Function<List<Object>, Object> merge;

    ResultKind(boolean list, Function<List<Object>, Object> merge) {
        this.list = list;
        this.merge = merge;
    }

    /**
     * The kind of a result (not null), or null when no merge can rebuild it: a class not in the
     * table, or a {@code LinkedHashMap} in access order (its order is that of the body's reads,
     * which a merge of the chunks' maps cannot repeat).
     */
    static ResultKind of(Object result) {
        if (result.getClass().isArray()) {
            return ARRAY;
        }
        ResultKind kind = BY_CLASS.get(result.getClass());
        if (kind == LINKED_HASH_MAP && inAccessOrder((LinkedHashMap<?, ?>) result)) {
            return null;
        }
        return kind == IMMUTABLE_LIST && allowsNulls((List<?>) result) ? IMMUTABLE_LIST_ALLOWING_NULLS : kind;
    }

    /** What a result that has no kind ({@link #of} gave null) is, for the warning. */
    static String describeUnmergeable(Object result) {
        return result.getClass() == LinkedHashMap.class ? "java.util.LinkedHashMaps in access order"
                : "of class " + result.getClass().getName();
    }

    /** Whether results of this kind are lists (so {@code distinct} can rebuild one). */
    boolean isList() {
        return list;
    }

    /** One result of this kind from the non-null chunk results, in chunk order; all of this kind. */
    Object merge(List<Object> parts) {
        return merge.apply(parts);
    }

    private static Map<Class<?>, ResultKind> byClass() {
        Map<Class<?>, ResultKind> kinds = new HashMap<>();
        kinds.put(ArrayList.class, ARRAY_LIST);
        kinds.put(LinkedList.class, LINKED_LIST);
        kinds.put(List.of().getClass(), IMMUTABLE_LIST);
        kinds.put(List.of("").getClass(), IMMUTABLE_LIST);
        kinds.put(Collections.unmodifiableList(new ArrayList<>()).getClass(), UNMODIFIABLE_LIST);
        kinds.put(Collections.unmodifiableList(new LinkedList<>()).getClass(), UNMODIFIABLE_SEQUENTIAL_LIST);
        kinds.put(HashSet.class, HASH_SET);
        kinds.put(LinkedHashSet.class, LINKED_HASH_SET);
        kinds.put(TreeSet.class, TREE_SET);
        kinds.put(Set.of().getClass(), IMMUTABLE_SET);
        kinds.put(Set.of("").getClass(), IMMUTABLE_SET);
        kinds.put(Collections.unmodifiableSet(new HashSet<>()).getClass(), UNMODIFIABLE_SET);
        kinds.put(Collections.unmodifiableSortedSet(new TreeSet<>()).getClass(), UNMODIFIABLE_SORTED_SET);
        kinds.put(Collections.unmodifiableNavigableSet(new TreeSet<>()).getClass(), UNMODIFIABLE_NAVIGABLE_SET);
        kinds.put(HashMap.class, HASH_MAP);
        kinds.put(LinkedHashMap.class, LINKED_HASH_MAP);
        kinds.put(TreeMap.class, TREE_MAP);
        kinds.put(ConcurrentHashMap.class, CONCURRENT_HASH_MAP);
        kinds.put(Map.of().getClass(), IMMUTABLE_MAP);
        kinds.put(Map.of("", "").getClass(), IMMUTABLE_MAP);
        kinds.put(Collections.unmodifiableMap(new HashMap<>()).getClass(), UNMODIFIABLE_MAP);
        kinds.put(Collections.unmodifiableSortedMap(new TreeMap<>()).getClass(), UNMODIFIABLE_SORTED_MAP);
        kinds.put(Collections.unmodifiableNavigableMap(new TreeMap<>()).getClass(), UNMODIFIABLE_NAVIGABLE_MAP);
        return Map.copyOf(kinds);
    }

    /** {@code List.of} refuses even to look for a null; {@code Stream.toList()} (the same class) allows nulls. */
    private static boolean allowsNulls(List<?> list) {
        try {
            list.contains(null);
            return true;
        } catch (NullPointerException refused) {
            return false;
        }
    }

    /**
     * Whether a {@code LinkedHashMap} keeps access order, asked of a clone ({@code HashMap.clone}
     * keeps the order mode; nothing else tells it without reflection into java.base): a read of its
     * first entry moves that entry last only in access order. The map itself is not read, let alone
     * reordered; the clone costs a copy of its entries. A clone that fails counts as access order:
     * then the method is not split.
     */
    @SuppressWarnings("unchecked")
    private static boolean inAccessOrder(LinkedHashMap<?, ?> map) {
        try {
            LinkedHashMap<Object, Object> probe = (LinkedHashMap<Object, Object>) map.clone();
            probe.clear();
            Object first = new Object();
            Object second = new Object();
            probe.put(first, first);
            probe.put(second, second);
            probe.get(first);
            return probe.keySet().iterator().next() != first;
        } catch (RuntimeException cannotTell) {
            return true;
        }
    }

    @SuppressWarnings("unchecked")
    private static <C extends Collection<Object>> C addAll(C merged, List<Object> parts) {
        for (Object part : parts) {
            merged.addAll((Collection<Object>) part);
        }
        return merged;
    }

    @SuppressWarnings("unchecked")
    private static <M extends Map<Object, Object>> M putAll(M merged, List<Object> parts) {
        for (Object part : parts) {
            merged.putAll((Map<Object, Object>) part);
        }
        return merged;
    }

    @SuppressWarnings("unchecked")
    private static <M extends Map<Object, Object>> M putEach(M merged, List<Object> parts) {
        for (Object part : parts) {
            for (Map.Entry<Object, Object> entry : ((Map<Object, Object>) part).entrySet()) {
                merged.put(entry.getKey(), entry.getValue());
            }
        }
        return merged;
    }

    @SuppressWarnings("unchecked")
    private static Comparator<Object> setComparator(List<Object> parts) {
        return (Comparator<Object>) ((SortedSet<?>) parts.get(0)).comparator();
    }

    @SuppressWarnings("unchecked")
    private static Comparator<Object> mapComparator(List<Object> parts) {
        return (Comparator<Object>) ((SortedMap<?, ?>) parts.get(0)).comparator();
    }

    private static Object concatenateArrays(List<Object> parts) {
        int total = 0;
        for (Object part : parts) {
            total += Array.getLength(part);
        }
        Object merged = Array.newInstance(parts.get(0).getClass().getComponentType(), total);
        int at = 0;
        for (Object part : parts) {
            int length = Array.getLength(part);
            System.arraycopy(part, 0, merged, at, length);
            at += length;
        }
        return merged;
    }
}
