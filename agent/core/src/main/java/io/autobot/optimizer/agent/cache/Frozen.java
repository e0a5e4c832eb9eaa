package io.autobot.optimizer.agent.cache;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A stored key's copy of a {@code HashSet} or {@code HashMap} argument: its class and its
 * elements (a map's keys and values, alternating) in the order the argument iterated when the call
 * began. A copy into a new {@code HashSet} could iterate in another order (the order follows the
 * table's capacity, which a copy does not keep), so the key keeps the order instead. It equals
 * (see {@link KeyValues#same}) a live argument of the same class that iterates over the same
 * elements in the same order.
 */
final class Frozen {

    final Class<?> type;
    final Object comparator;
    final Object[] elements;
    final int hash;

    private Frozen(Class<?> type, Object comparator, Object[] elements, int hash) {
        this.type = type;
        this.comparator = comparator;
        this.elements = elements;
        this.hash = hash;
    }

    /**
     * Whether {@link #of} freezes the value: a JDK collection or map that a key neither copies
     * into its own class (see {@link KeyCopies}) nor can keep because it cannot change (the
     * immutable {@code List.of}, {@code Set.of}, {@code Map.of} and the empty and singleton ones).
     */
    static boolean freezes(Object value) {
        Class<?> type = value.getClass();
        KeyValues.Kind kind = KeyValues.kind(type);
        if (kind != KeyValues.Kind.COLLECTION && kind != KeyValues.Kind.MAP) {
            return false;
        }
        String name = type.getName();
        return !name.startsWith("java.util.ImmutableCollections$") && !name.startsWith("java.util.Collections$Empty")
                && !name.startsWith("java.util.Collections$Singleton");
    }

    /** A frozen copy, its elements copied as a key copies them; the hash as {@link KeyValues#hash} gives the live value. */
    static Frozen of(Object value, boolean identityKeys) {
        int hash = KeyValues.hash(value, identityKeys, 1);
        List<Object> elements = new ArrayList<>();
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                elements.add(KeyCopies.copyValue(entry.getKey()));
                elements.add(KeyCopies.copyValue(entry.getValue()));
            }
        } else {
            for (Object element : (Collection<?>) value) {
                elements.add(KeyCopies.copyValue(element));
            }
        }
        Object comparator = value instanceof java.util.SortedSet<?> sorted ? sorted.comparator()
                : value instanceof java.util.SortedMap<?, ?> sorted ? sorted.comparator() : null;
        return new Frozen(value.getClass(), comparator, elements.toArray(), hash);
    }

    boolean matches(Object other, int depth) {
        if (other instanceof Frozen frozen) {
            return type == frozen.type && KeyValues.sameComparator(comparator, frozen.comparator)
                    && KeyValues.sameElements(elements, frozen.elements, depth);
        }
        if (other.getClass() != type) {
            return false;
        }
        Object otherComparator = other instanceof java.util.SortedSet<?> sorted ? sorted.comparator()
                : other instanceof java.util.SortedMap<?, ?> sorted ? sorted.comparator() : null;
        if (!KeyValues.sameComparator(comparator, otherComparator)) {
            return false;
        }
        if (other instanceof Map<?, ?> map) {
            if (map.size() * 2 != elements.length) {
                return false;
            }
            int i = 0;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!KeyValues.same(elements[i++], entry.getKey(), depth + 1)
                        || !KeyValues.same(elements[i++], entry.getValue(), depth + 1)) {
                    return false;
                }
            }
            return true;
        }
        Collection<?> collection = (Collection<?>) other;
        if (collection.size() != elements.length) {
            return false;
        }
        Iterator<?> live = collection.iterator();
        for (Object element : elements) {
            if (!live.hasNext() || !KeyValues.same(element, live.next(), depth + 1)) {
                return false;
            }
        }
        return true;
    }

    /**
     * A real collection of the class, for serialization (it may iterate in another order: then it
     * does not read back as the key, and the call stays in memory).
     *
     * @throws java.io.NotSerializableException for a class other than {@code HashSet} and {@code HashMap}
     */
    Object thawed() throws java.io.NotSerializableException {
        if (type != HashMap.class && type != HashSet.class) {
            throw new java.io.NotSerializableException(type.getName() + " (a key keeps it as its elements)");
        }
        if (type == HashMap.class) {
            Map<Object, Object> map = new HashMap<>();
            for (int i = 0; i < elements.length; i += 2) {
                map.put(KeyCopies.thawed(elements[i]), KeyCopies.thawed(elements[i + 1]));
            }
            return map;
        }
        Collection<Object> set = new HashSet<>();
        for (Object element : elements) {
            set.add(KeyCopies.thawed(element));
        }
        return set;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Frozen && KeyValues.same(this, other);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return "Frozen[" + type.getName() + ", " + elements.length + "]"; // never the values
    }
}
