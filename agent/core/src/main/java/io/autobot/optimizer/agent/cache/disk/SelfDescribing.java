package io.autobot.optimizer.agent.cache.disk;

import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Whether a call's serialized form is all there is to it: every object in it is written with the
 * name of its own class and with all the state its key compares. Then calls of equal bytes are
 * equal calls, and a disk entry found under a call's bytes needs no reading back of the call that
 * wrote it (see {@link CallCodec}): that call read back as itself when it was written, and this
 * one is the same. Strings, boxes, enums, records written as a {@link RecordForm} (their equality
 * is their components'), arrays, and the JDK's list, set and map classes that write their own
 * class and elements and read back in the order written, with elements of these kinds. The JDK's immutable lists are written as a
 * proxy, and read back as the class {@code List.of} gives for their size: one is self-describing
 * only when it is of that class. Anything else (a class with transient state or its own
 * {@code writeObject}, a hash set or map, an immutable set or map, a sorted collection with a comparator, a value
 * nested too deep, too many values) leaves the call to be read back and compared.
 */
final class SelfDescribing {

    /** How many values one call may hold before the check gives up (and the call is read back). */
    static final int MAX_VALUES = 10_000;
    private static final int MAX_DEPTH = 64;

    private static final Set<Class<?>> SCALARS = Set.of(String.class, Integer.class, Long.class, Short.class,
            Byte.class, Character.class, Boolean.class, Float.class, Double.class);
    /**
     * Read back, these iterate in the order they were written. A {@code HashSet} or {@code HashMap}
     * need not: it is left to the reading back, which compares iteration orders (see KeyValues).
     */
    private static final Set<Class<?>> COLLECTIONS = Set.of(ArrayList.class, LinkedList.class, LinkedHashSet.class,
            LinkedHashMap.class);
    /** The classes {@code List.of} gives for sizes 0, 1, 2 and 3 or more: what reading back gives. */
    private static final List<Class<?>> IMMUTABLE_LISTS = List.of(List.of().getClass(), List.of(0).getClass(),
            List.of(0, 1).getClass(), List.of(0, 1, 2).getClass());

    private int budget = MAX_VALUES;
    private final Map<Object, Boolean> seen = new IdentityHashMap<>();

    private SelfDescribing() {
    }

    /**
     * Whether the receiver part (null for none) and the arguments, as the disk tier writes them,
     * are self-describing.
     */
    static boolean call(Object receiverPart, Object[] diskArgs) throws java.io.IOException {
        SelfDescribing check = new SelfDescribing();
        return check.value(receiverPart, 0) && check.value(diskArgs, 0);
    }

    private boolean value(Object value, int depth) throws java.io.IOException {
        if (value == null) {
            return true;
        }
        if (--budget < 0 || depth > MAX_DEPTH) {
            return false;
        }
        Class<?> type = value.getClass();
        if (SCALARS.contains(type) || value instanceof Enum<?>) {
            return true;
        }
        if (seen.put(value, Boolean.TRUE) != null) {
            return true; // written once, then referred to: checked already
        }
        if (type.isArray()) {
            return !(value instanceof Object[] array) || all(array, depth);
        }
        if (value instanceof Record) {
            RecordForm form = RecordForm.of(value);
            return form != null && all(form.values(), depth);
        }
        if (value instanceof Collection<?> collection) {
            return collectionClass(collection, type) && all(collection, depth);
        }
        if (value instanceof Map<?, ?> map) {
            return mapClass(map, type) && all(map.keySet(), depth) && all(map.values(), depth);
        }
        return false;
    }

    private static boolean collectionClass(Collection<?> collection, Class<?> type) {
        if (COLLECTIONS.contains(type)) {
            return true;
        }
        if (type == TreeSet.class) {
            return ((TreeSet<?>) collection).comparator() == null;
        }
        return IMMUTABLE_LISTS.contains(type)
                && IMMUTABLE_LISTS.get(Math.min(collection.size(), IMMUTABLE_LISTS.size() - 1)) == type;
    }

    private static boolean mapClass(Map<?, ?> map, Class<?> type) {
        return COLLECTIONS.contains(type) || (type == TreeMap.class && ((TreeMap<?, ?>) map).comparator() == null);
    }

    private boolean all(Collection<?> values, int depth) throws java.io.IOException {
        for (Object element : values) {
            if (!value(element, depth + 1)) {
                return false;
            }
        }
        return true;
    }

    private boolean all(Object[] values, int depth) throws java.io.IOException {
        for (Object element : values) {
            if (!value(element, depth + 1)) {
                return false;
            }
        }
        return true;
    }
}
