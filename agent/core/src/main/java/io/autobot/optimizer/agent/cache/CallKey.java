package io.autobot.optimizer.agent.cache;

import io.autobot.optimizer.agent.engine.MethodMeta;
import java.util.Arrays;

/**
 * A memo key: the method plus its arguments by value (arrays by content). Two methods never
 * share keys, even with equal arguments.
 *
 * <p>Keys that are stored never change. For lookups, each thread reuses one key object
 * ({@link #reusable()}, {@link #reuse}) so that a cache hit allocates nothing but the argument
 * array the advice builds.
 */
public final class CallKey {

    private MethodMeta method;
    private Object[] args;
    private int hash;

    private CallKey() {
    }

    private CallKey(MethodMeta method, Object[] args) {
        this.method = method;
        this.args = args;
        this.hash = 31 * method.id() + hash(args);
    }

    /** A key object for one thread's lookups; point it at a call with {@link #reuse}. */
    public static CallKey reusable() {
        return new CallKey();
    }

    /**
     * Points a {@link #reusable()} key at a call. Only for keys that are never stored: the cache
     * keeps the keys it stores and relies on them not changing.
     */
    public CallKey reuse(MethodMeta callMethod, Object[] callArgs) {
        int callHash = 31 * callMethod.id() + hash(callArgs);
        this.method = callMethod;
        this.args = callArgs;
        this.hash = callHash;
        return this;
    }

    /** Lets go of the call a reusable key points at, so it does not keep arguments alive. */
    public void release() {
        this.method = null;
        this.args = null;
    }

    /** {@link Arrays#deepHashCode}, without its loop for the common one-argument call. */
    private static int hash(Object[] args) {
        if (args.length == 1) {
            Object arg = args[0];
            if (arg != null && !arg.getClass().isArray()) {
                return 31 + arg.hashCode();
            }
        }
        return Arrays.deepHashCode(args);
    }

    /** A key over the caller's arguments, for a lookup. */
    public static CallKey of(MethodMeta method, Object[] args) {
        return new CallKey(method, args);
    }

    /**
     * A key safe to store: array arguments are copied, so a caller that later reuses or changes
     * its array cannot change the stored key.
     */
    public CallKey detached() {
        boolean hasArray = false;
        for (Object arg : args) {
            hasArray |= arg != null && arg.getClass().isArray();
        }
        return hasArray ? new CallKey(method, (Object[]) copyArrays(args)) : this;
    }

    public MethodMeta method() {
        return method;
    }

    /** The arguments; do not modify. */
    public Object[] args() {
        return args;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof CallKey)) {
            return false;
        }
        CallKey that = (CallKey) other;
        return hash == that.hash && method.id() == that.method.id() && Arrays.deepEquals(args, that.args);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        // Argument values are deliberately left out: they may be sensitive.
        return "CallKey[" + method.displayName() + ", " + args.length + " args, hash=" + hash + "]";
    }

    private static Object copyArrays(Object value) {
        if (value instanceof Object[]) {
            Object[] copy = ((Object[]) value).clone();
            for (int i = 0; i < copy.length; i++) {
                copy[i] = copyArrays(copy[i]);
            }
            return copy;
        }
        if (value instanceof byte[]) {
            return ((byte[]) value).clone();
        }
        if (value instanceof int[]) {
            return ((int[]) value).clone();
        }
        if (value instanceof long[]) {
            return ((long[]) value).clone();
        }
        if (value instanceof char[]) {
            return ((char[]) value).clone();
        }
        if (value instanceof double[]) {
            return ((double[]) value).clone();
        }
        if (value instanceof float[]) {
            return ((float[]) value).clone();
        }
        if (value instanceof short[]) {
            return ((short[]) value).clone();
        }
        if (value instanceof boolean[]) {
            return ((boolean[]) value).clone();
        }
        return value;
    }
}
