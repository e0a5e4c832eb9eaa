package io.autobot.optimizer.agent.cache;

import io.autobot.optimizer.bootstrap.Dispatcher;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a cached result is, stored and served. A result that is one of its call's arguments is
 * stored as {@link ArgumentResult} and served as the caller's own argument. Arrays and the JDK's
 * general-purpose mutable collections ({@code ArrayList}, {@code LinkedList}, {@code HashMap},
 * {@code LinkedHashMap}, {@code TreeMap}, {@code HashSet}, {@code LinkedHashSet}, {@code TreeSet})
 * are stored by value (a copy, taken when the body returned) and served as a fresh copy on each
 * hit, so that no caller can change what another gets, unless the method opts out
 * ({@code storeByValue = false}). Arrays and such collections nested in them are copied too.
 * Everything else is stored and served as it is.
 */
public final class Results {

    private Results() {
    }

    /**
     * The form a body's result is stored in (never null: {@link Dispatcher#NULL} for null).
     *
     * @param args the call's own arguments, as the caller passed them
     */
    public static Object storable(Object result, Object[] args, boolean byValue) {
        if (result == null) {
            return Dispatcher.NULL;
        }
        if (args != null) {
            for (int i = 0; i < args.length; i++) {
                if (args[i] == result) {
                    return ArgumentResult.of(i);
                }
            }
        }
        return byValue ? copy(result) : result;
    }

    /**
     * What a caller gets for a stored value ({@link Dispatcher#NULL} stays as it is): its own
     * argument for an {@link ArgumentResult}, a copy of a mutable value stored by value.
     *
     * @param args the caller's own arguments
     */
    public static Object served(Object stored, Object[] args, boolean byValue) {
        if (stored instanceof ArgumentResult argument) {
            Object own = args != null && argument.index() < args.length ? args[argument.index()] : null;
            return own == null ? Dispatcher.NULL : own;
        }
        return byValue ? copy(stored) : stored;
    }

    /** {@link #served} of a call of one argument, without an argument array. */
    public static Object servedOne(Object stored, Object arg0, boolean byValue) {
        if (stored instanceof ArgumentResult argument) {
            return argument.index() == 0 && arg0 != null ? arg0 : Dispatcher.NULL;
        }
        return byValue ? copy(stored) : stored;
    }

    /** Whether the method's mutable results are stored and served as copies (the default). */
    public static boolean byValue(io.autobot.optimizer.agent.call.MethodMeta method) {
        io.autobot.optimizer.agent.call.MethodSpec.Cached cached = method == null ? null : method.spec().cached();
        return cached == null || cached.storeByValue();
    }

    /** Whether {@link #copy} copies the value. */
    public static boolean copied(Object value) {
        if (value == null) {
            return false;
        }
        Class<?> type = value.getClass();
        return type.isArray() || collection(type);
    }

    private static boolean collection(Class<?> type) {
        return type == ArrayList.class || type == HashMap.class || type == HashSet.class || type == LinkedHashMap.class
                || type == LinkedHashSet.class || type == TreeMap.class || type == TreeSet.class
                || type == LinkedList.class;
    }

    /** A copy of an array or a mutable JDK collection, with such values nested in it copied too; anything else as it is. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static Object copy(Object value) {
        if (value == null) {
            return null;
        }
        Class<?> type = value.getClass();
        if (type.isArray()) {
            if (value instanceof Object[] array) {
                Object[] copy = array.clone();
                for (int i = 0; i < copy.length; i++) {
                    copy[i] = copy(copy[i]);
                }
                return copy;
            }
            return KeyCopies.copyValue(value);
        }
        if (!collection(type)) {
            return value;
        }
        if (value instanceof List list) {
            List copy = (List) (value instanceof ArrayList ? ((ArrayList) value).clone() : ((LinkedList) value).clone());
            for (int i = 0; i < copy.size(); i++) {
                Object element = copy.get(i);
                if (copied(element)) {
                    copy.set(i, copy(element));
                }
            }
            return copy;
        }
        if (value instanceof Map) {
            Map copy = (Map) (value instanceof HashMap ? ((HashMap) value).clone() : ((TreeMap) value).clone());
            for (Object entry : copy.entrySet()) {
                Map.Entry e = (Map.Entry) entry;
                if (copied(e.getValue())) {
                    e.setValue(copy(e.getValue()));
                }
            }
            return copy;
        }
        // sets: a clone; their elements are keys of the set and are not copied (a copy of an array
        // element would not be the same element)
        return value instanceof HashSet ? ((HashSet) value).clone() : ((TreeSet) value).clone();
    }

    /** Whether a fresh result is the stored one, for verification (see {@link KeyValues#sameResult}). */
    public static boolean matches(Object stored, Object fresh, Object[] args) {
        if (stored instanceof ArgumentResult argument) {
            return args != null && argument.index() < args.length && args[argument.index()] == fresh;
        }
        Object expected = stored == Dispatcher.NULL ? null : stored;
        return KeyValues.sameResult(expected, fresh);
    }

}
