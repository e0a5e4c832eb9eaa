package io.autobot.optimizer.agent.discovery;

import java.lang.reflect.Array;
import java.util.Collection;
import java.util.Map;

/**
 * 64-bit hashes of arguments and results, by their {@code hashCode} (arrays by content). Only
 * hashes are kept by discovery, never the values; two calls are taken to have equal arguments when
 * their hashes are equal.
 */
final class Hashes {

    private Hashes() {
    }

    /** @param receiverHash the receiver's part (see {@link Observer}), 0 for a static method */
    static long ofCall(long receiverHash, Object[] args) {
        long hash = mix(0x9E3779B97F4A7C15L + receiverHash);
        if (args != null) {
            for (Object arg : args) {
                hash = mix(hash * 31 + of(arg));
            }
        }
        return hash;
    }

    static long of(Object value) {
        if (value == null) {
            return 0;
        }
        Class<?> type = value.getClass();
        long hash;
        if (type.isArray()) {
            hash = 1;
            int length = Array.getLength(value);
            for (int i = 0; i < length; i++) {
                hash = hash * 31 + of(Array.get(value, i));
            }
        } else {
            hash = value.hashCode();
        }
        return mix(hash ^ ((long) type.getName().hashCode() << 32));
    }

    /** A rough size of a result in bytes (shallow for objects, by content for strings, arrays and collections). */
    static long size(Object value) {
        if (value == null) {
            return 0;
        }
        if (value instanceof CharSequence text) {
            return 40 + 2L * text.length();
        }
        if (value instanceof Collection<?> collection) {
            return 32 + 24L * collection.size();
        }
        if (value instanceof Map<?, ?> map) {
            return 48 + 48L * map.size();
        }
        if (value.getClass().isArray()) {
            int length = Array.getLength(value);
            return 16 + (value.getClass().getComponentType().isPrimitive() ? 8L : 16L) * length;
        }
        return 16 + 8L * ValueSemantics.fieldCount(value.getClass());
    }

    /** Whether a value is a list, collection or array: what a split call cuts and merges. */
    static boolean isSequence(Object value) {
        return value instanceof Collection<?> || (value != null && value.getClass().isArray());
    }

    /** The length of a collection or array; -1 for anything else. */
    static int length(Object value) {
        if (value instanceof Collection<?> collection) {
            return collection.size();
        }
        return value != null && value.getClass().isArray() ? Array.getLength(value) : -1;
    }

    /** The finalizer of SplitMix64. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
