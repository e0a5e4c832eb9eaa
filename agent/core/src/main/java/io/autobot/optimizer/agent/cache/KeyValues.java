package io.autobot.optimizer.agent.cache;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.SortedSet;

/**
 * How a key sees an argument: as the method can see it. Two arguments are the same only when they
 * are of the same runtime class (a {@code java.sql.Timestamp} is never a {@code java.util.Date}, a
 * {@code TreeSet} never a {@code LinkedHashSet}) and equal; arrays by content at any depth; the
 * JDK's collections and maps element by element in their iteration order (two equal
 * {@code HashSet}s of different capacities iterate differently, and a method can see it), sorted
 * ones with the same comparator. An argument whose class has no value semantics (its
 * {@code equals} is {@code Object}'s and it has state: a {@code StringBuilder}, an iterator, a
 * stream, an atomic, an application class without {@code equals}) makes the call not cacheable
 * ({@link NotCacheable}), unless the method keeps identity keys. A value nested deeper than
 * {@link #MAX_DEPTH} levels (an array that contains itself) makes it not cacheable too.
 */
public final class KeyValues {

    /** How deep a key looks into arrays and collections before it gives up on the call. */
    static final int MAX_DEPTH = 64;

    private KeyValues() {
    }

    /** A call whose key cannot say what the method sees: it runs as the plain method. */
    public static final class NotCacheable extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Class<?> type;

        NotCacheable(Class<?> type, String reason) {
            super(reason, null, false, false);
            this.type = type;
        }

        /** The class of the argument without value semantics, or null for a call nested too deep. */
        public Class<?> type() {
            return type;
        }
    }

    private static final NotCacheable TOO_DEEP = new NotCacheable(null,
            "an argument nested deeper than " + MAX_DEPTH + " levels (or containing itself)");

    /** How a class's instances are keyed. */
    enum Kind { VALUE, ARRAY, COLLECTION, MAP, IDENTITY, NO_VALUE }

    private static final ClassValue<Kind> KINDS = new ClassValue<>() {
        @Override
        protected Kind computeValue(Class<?> type) {
            return kindOf(type);
        }
    };

    static Kind kind(Class<?> type) {
        return KINDS.get(type);
    }

    private static Kind kindOf(Class<?> type) {
        if (type.isArray()) {
            return Kind.ARRAY;
        }
        boolean jdk = type.getClassLoader() == null;
        if (jdk && Map.class.isAssignableFrom(type)) {
            return Kind.MAP;
        }
        if (jdk && Collection.class.isAssignableFrom(type)) {
            return Kind.COLLECTION;
        }
        if (!identityEquals(type) || type.isEnum() || type == Class.class || type == Object.class
                || type == java.util.regex.Pattern.class) {
            return Kind.VALUE;
        }
        if (!jdk && Receivers.stateless(type)) {
            return Kind.IDENTITY; // no state: its identity is all there is to it
        }
        return Kind.NO_VALUE;
    }

    private static boolean identityEquals(Class<?> type) {
        try {
            return type.getMethod("equals", Object.class).getDeclaringClass() == Object.class;
        } catch (NoSuchMethodException | SecurityException | LinkageError e) {
            return true;
        }
    }

    /** Whether instances of the class have no value semantics (what {@link NotCacheable} names). */
    public static boolean withoutValueSemantics(Class<?> type) {
        return kind(type) == Kind.NO_VALUE;
    }

    /**
     * The hash of a key's arguments, consistent with {@link #same}.
     *
     * @param identityKeys whether arguments without value semantics are keyed by identity
     * @throws NotCacheable when an argument makes the call not cacheable
     */
    static int hashArgs(Object[] args, boolean identityKeys) {
        if (args.length == 1) {
            return 31 + hash(args[0], identityKeys, 1);
        }
        int hash = 1;
        for (Object arg : args) {
            hash = 31 * hash + hash(arg, identityKeys, 1);
        }
        return hash;
    }

    /** Small, so that the JIT inlines it into the hit path: the common cases first, the rest in {@link #slowHash}. */
    static int hash(Object value, boolean identityKeys, int depth) {
        if (value == null) {
            return 0;
        }
        Class<?> type = value.getClass();
        if (plainValue(type) || value instanceof Enum<?>) {
            return value.hashCode(); // what slowHash gives a VALUE, without its kind lookup
        }
        return slowHash(value, type, identityKeys, depth);
    }

    private static int slowHash(Object value, Class<?> type, boolean identityKeys, int depth) {
        if (depth > MAX_DEPTH) {
            throw TOO_DEEP;
        }
        if (type == ArrayList.class) {
            return listHash((ArrayList<?>) value, identityKeys, depth); // the common collection, without an iterator
        }
        if (value instanceof Frozen frozen) {
            return frozen.hash;
        }
        switch (kind(type)) {
            case ARRAY:
                if (value instanceof Object[] array) {
                    int hash = 1;
                    for (Object element : array) {
                        hash = 31 * hash + hash(element, identityKeys, depth + 1);
                    }
                    return hash;
                }
                return primitiveHash(value);
            case COLLECTION:
                return orderedHash(((Collection<?>) value), identityKeys, depth);
            case MAP: {
                int hash = 1;
                for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                    hash = 31 * hash + hash(entry.getKey(), identityKeys, depth + 1);
                    hash = 31 * hash + hash(entry.getValue(), identityKeys, depth + 1);
                }
                return hash;
            }
            case NO_VALUE:
                if (!identityKeys) {
                    throw new NotCacheable(type, "argument of class " + type.getName());
                }
                return value.hashCode();
            default:
                return value.hashCode();
        }
    }

    private static int listHash(ArrayList<?> list, boolean identityKeys, int depth) {
        int hash = 1;
        for (int i = 0, size = list.size(); i < size; i++) {
            hash = 31 * hash + hash(list.get(i), identityKeys, depth + 1);
        }
        return hash;
    }

    static int orderedHash(Iterable<?> elements, boolean identityKeys, int depth) {
        int hash = 1;
        for (Object element : elements) {
            hash = 31 * hash + hash(element, identityKeys, depth + 1);
        }
        return hash;
    }

    private static int primitiveHash(Object value) {
        if (value instanceof int[] a) {
            return Arrays.hashCode(a);
        }
        if (value instanceof long[] a) {
            return Arrays.hashCode(a);
        }
        if (value instanceof byte[] a) {
            return Arrays.hashCode(a);
        }
        if (value instanceof char[] a) {
            return Arrays.hashCode(a);
        }
        if (value instanceof double[] a) {
            return Arrays.hashCode(a);
        }
        if (value instanceof float[] a) {
            return Arrays.hashCode(a);
        }
        if (value instanceof short[] a) {
            return Arrays.hashCode(a);
        }
        return Arrays.hashCode((boolean[]) value);
    }

    /** Whether two key values are the same to the method: same class, equal, in the same order. */
    static boolean same(Object left, Object right) {
        return same(left, right, 1);
    }

    /** Small, so that the JIT inlines it into the hit path: the common cases first, the rest in {@link #slowSame}. */
    static boolean same(Object left, Object right, int depth) {
        if (left == right) {
            return true;
        }
        if (left == null || right == null) {
            return false;
        }
        Class<?> type = left.getClass();
        if (plainValue(type)) {
            return type == right.getClass() && left.equals(right);
        }
        if (left instanceof Enum<?>) {
            return false; // a constant is only itself (Enum's equals is final), and was not right
        }
        return slowSame(left, right, depth);
    }

    /**
     * Whether instances of the class are keyed by {@code equals} alone: the JDK's final value
     * classes, which are never arrays, collections, maps or {@link Frozen} ({@link #slowSame}
     * would find their kind VALUE and call {@code equals} too). Class comparisons, so that the
     * common arguments need no {@link #kind} lookup on the hit path.
     */
    static boolean plainValue(Class<?> type) {
        return type == String.class || type == Integer.class || type == Long.class || type == Boolean.class
                || type == Double.class || type == Character.class || type == Short.class || type == Byte.class
                || type == Float.class;
    }

    /**
     * {@link #sameElements} of a call's arguments (depth 0), unrolled for up to three: a key's
     * equality under the cache's lookup, on every hit.
     */
    static boolean sameArgs(Object[] left, Object[] right) {
        int length = left.length;
        if (length != right.length) {
            return false;
        }
        switch (length) {
            case 0:
                return true;
            case 1:
                return same(left[0], right[0], 1);
            case 2:
                return same(left[0], right[0], 1) && same(left[1], right[1], 1);
            case 3:
                return same(left[0], right[0], 1) && same(left[1], right[1], 1) && same(left[2], right[2], 1);
            default:
                return sameElements(left, right, 0);
        }
    }

    private static boolean slowSame(Object left, Object right, int depth) {
        if (depth > MAX_DEPTH) {
            return false;
        }
        if (left instanceof Frozen frozen) {
            return frozen.matches(right, depth);
        }
        if (right instanceof Frozen frozen) {
            return frozen.matches(left, depth);
        }
        Class<?> type = left.getClass();
        if (type != right.getClass()) {
            return false;
        }
        if (type == ArrayList.class) {
            return sameList((ArrayList<?>) left, (ArrayList<?>) right, depth);
        }
        switch (kind(type)) {
            case ARRAY:
                if (left instanceof Object[] array) {
                    return sameElements(array, (Object[]) right, depth);
                }
                return samePrimitives(left, right);
            case COLLECTION:
                if (left instanceof SortedSet<?> sorted
                        && !sameComparator(sorted.comparator(), ((SortedSet<?>) right).comparator())) {
                    return false;
                }
                return sameOrder((Collection<?>) left, (Collection<?>) right, depth);
            case MAP:
                if (left instanceof SortedMap<?, ?> sorted
                        && !sameComparator(sorted.comparator(), ((SortedMap<?, ?>) right).comparator())) {
                    return false;
                }
                return sameEntries((Map<?, ?>) left, (Map<?, ?>) right, depth);
            default:
                return left.equals(right);
        }
    }

    static boolean sameComparator(Object left, Object right) {
        return left == right || (left != null && right != null && left.getClass() == right.getClass()
                && kind(left.getClass()) == Kind.VALUE && left.equals(right));
    }

    static boolean sameElements(Object[] left, Object[] right, int depth) {
        if (left.length != right.length) {
            return false;
        }
        for (int i = 0; i < left.length; i++) {
            if (!same(left[i], right[i], depth + 1)) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameList(ArrayList<?> left, ArrayList<?> right, int depth) {
        int size = left.size();
        if (size != right.size()) {
            return false;
        }
        for (int i = 0; i < size; i++) {
            if (!same(left.get(i), right.get(i), depth + 1)) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameOrder(Collection<?> left, Collection<?> right, int depth) {
        if (left.size() != right.size()) {
            return false;
        }
        Iterator<?> other = right.iterator();
        for (Object element : left) {
            if (!other.hasNext() || !same(element, other.next(), depth + 1)) {
                return false;
            }
        }
        return !other.hasNext();
    }

    private static boolean sameEntries(Map<?, ?> left, Map<?, ?> right, int depth) {
        if (left.size() != right.size()) {
            return false;
        }
        Iterator<? extends Map.Entry<?, ?>> other = right.entrySet().iterator();
        for (Map.Entry<?, ?> entry : left.entrySet()) {
            if (!other.hasNext()) {
                return false;
            }
            Map.Entry<?, ?> next = other.next();
            if (!same(entry.getKey(), next.getKey(), depth + 1) || !same(entry.getValue(), next.getValue(), depth + 1)) {
                return false;
            }
        }
        return !other.hasNext();
    }

    static boolean samePrimitives(Object left, Object right) {
        if (left instanceof int[] a) {
            return Arrays.equals(a, (int[]) right);
        }
        if (left instanceof long[] a) {
            return Arrays.equals(a, (long[]) right);
        }
        if (left instanceof byte[] a) {
            return Arrays.equals(a, (byte[]) right);
        }
        if (left instanceof char[] a) {
            return Arrays.equals(a, (char[]) right);
        }
        if (left instanceof double[] a) {
            return Arrays.equals(a, (double[]) right);
        }
        if (left instanceof float[] a) {
            return Arrays.equals(a, (float[]) right);
        }
        if (left instanceof short[] a) {
            return Arrays.equals(a, (short[]) right);
        }
        return Arrays.equals((boolean[]) left, (boolean[]) right);
    }

    /**
     * Whether a fresh result equals a stored one as far as a caller can tell: the same class,
     * arrays by content at any depth, everything else by {@code equals}. Used by verification.
     */
    public static boolean sameResult(Object left, Object right) {
        if (left == right) {
            return true;
        }
        if (left == null || right == null || left.getClass() != right.getClass()) {
            return false;
        }
        if (left.getClass().isArray()) {
            return Objects.deepEquals(left, right) && sameArrayClasses(left, right);
        }
        return left.equals(right);
    }

    private static boolean sameArrayClasses(Object left, Object right) {
        if (!(left instanceof Object[] l)) {
            return true;
        }
        Object[] r = (Object[]) right;
        for (int i = 0; i < l.length; i++) {
            if (l[i] != null && r[i] != null && l[i].getClass() != r[i].getClass()) {
                return false;
            }
            if (l[i] != null && l[i].getClass().isArray() && !sameArrayClasses(l[i], r[i])) {
                return false;
            }
        }
        return true;
    }
}
