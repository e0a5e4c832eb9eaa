package io.autobot.optimizer.agent.cache;

import io.autobot.optimizer.agent.call.MethodMeta;
import java.util.Arrays;

/**
 * A memo key: the method, the receiver of an instance method (see {@link Receivers}; none when the
 * method's scope is its arguments) and the arguments as the method sees them (see
 * {@link KeyValues}: exact class, arrays by content, JDK collections in iteration order). Two
 * methods never share keys, even with equal arguments. Making a key of a call whose arguments
 * have no value semantics throws {@link KeyValues.NotCacheable}.
 *
 * <p>Keys that are stored never change. For lookups, each thread reuses one key object
 * ({@link #reusable()}, {@link #reuse}), and the cache-hit path its own argument arrays, so that a
 * cache hit allocates nothing.
 */
public final class CallKey {

    private final boolean reusable;
    private MethodMeta method;
    private Object receiver;
    private Object[] args;
    private int hash;

    private CallKey() {
        this.reusable = true;
    }

    private CallKey(MethodMeta method, Object receiver, Object[] args, int hash) {
        this.reusable = false;
        this.method = method;
        this.receiver = receiver;
        this.args = args;
        this.hash = hash;
    }

    /** A key object for one thread's lookups; point it at a call with {@link #reuse}. */
    public static CallKey reusable() {
        return new CallKey();
    }

    /**
     * Points a {@link #reusable()} key at a call. Only for keys that are never stored: the cache
     * keeps the keys it stores and relies on them not changing.
     *
     * @param self the receiver, null for a static method
     */
    public CallKey reuse(MethodMeta callMethod, Object self, Object[] callArgs) {
        Object callReceiver = receiverPart(callMethod, self);
        int callHash = hash(callMethod, callReceiver, callArgs);
        this.method = callMethod;
        this.receiver = callReceiver;
        this.args = callArgs;
        this.hash = callHash;
        return this;
    }

    /** Lets go of the call a reusable key points at, so it does not keep arguments alive. */
    public void release() {
        this.method = null;
        this.receiver = null;
        this.args = null;
    }

    /**
     * @throws KeyValues.NotCacheable when an argument has no value semantics (and the method does
     *     not keep identity keys) or is nested too deep: the call runs as the plain method
     */
    private static int hash(MethodMeta method, Object receiver, Object[] args) {
        int head = 31 * method.id() + (receiver == null ? 0 : receiver.hashCode());
        return 31 * head + KeyValues.hashArgs(args, identityKeys(method));
    }

    private static boolean identityKeys(MethodMeta method) {
        return method.identityKeys();
    }

    /** The receiver's part: none for a static method or a method whose results depend on its arguments only. */
    static Object receiverPart(MethodMeta method, Object self) {
        if (self == null) {
            return null;
        }
        return method.argumentsOnly() ? null : Receivers.keyPart(self);
    }

    /**
     * A key over a call's receiver (null for a static method) and arguments, for a lookup.
     *
     * @throws KeyValues.NotCacheable when the call cannot be keyed by what the method sees
     */
    public static CallKey of(MethodMeta method, Object self, Object[] args) {
        Object receiver = receiverPart(method, self);
        return new CallKey(method, receiver, args, hash(method, receiver, args));
    }

    /** A key over a static method's call. */
    public static CallKey of(MethodMeta method, Object[] args) {
        return of(method, null, args);
    }

    /**
     * A key safe to store: array arguments and the JDK's mutable collections among them are copied
     * (see {@link KeyCopies}), so that neither the body nor a caller that later reuses or changes
     * its array or list can change the stored key; a reusable key is copied.
     */
    public CallKey detached() {
        boolean mutable = false;
        for (Object arg : args) {
            mutable |= KeyCopies.copied(arg);
        }
        if (!mutable && !reusable) {
            return this;
        }
        // a reusable key's array may be the thread's own probe array, which the next lookup refills
        return new CallKey(method, receiver, mutable ? KeyCopies.copy(args) : reusable ? args.clone() : args, hash);
    }

    /**
     * Whether the receiver part and the arguments are estimated larger than {@code limit} bytes
     * (see {@link SizeEstimator}); a stateless receiver's part is its class's token, of no size.
     */
    public boolean largerThan(long limit) {
        return SizeEstimator.exceeds(receiver instanceof StatelessReceiver ? null : receiver, args, limit);
    }

    /**
     * Whether the receiver and the arguments still hash as they did when the key was made. Objects
     * other than arrays and the JDK's collections are kept, not copied: a body that changes one
     * (an object of the application's with a setter) would leave a stored key that names other
     * contents than the call had.
     */
    public boolean unchanged() {
        return hash(method, receiver, args) == hash;
    }

    public MethodMeta method() {
        return method;
    }

    /**
     * The receiver's part of the key: null for a static method, a {@link StatelessReceiver} for
     * the receiver's class when it is stateless, else the receiver.
     */
    public Object receiver() {
        return receiver;
    }

    /** The arguments; do not modify. */
    public Object[] args() {
        return args;
    }

    /** Whether a call with this receiver part and these arguments is this key's call, by the key's own equality. */
    public boolean matches(Object otherReceiver, Object[] otherArgs) {
        return same(receiver, otherReceiver) && sameElements(args, otherArgs);
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
        return hash == that.hash && method.id() == that.method.id() && matches(that.receiver, that.args);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        // Argument values are deliberately left out: they may be sensitive.
        return "CallKey[" + method.displayName() + (receiver == null ? "" : ", a receiver") + ", " + args.length
                + " args, hash=" + hash + "]";
    }

    private static boolean sameElements(Object[] left, Object[] right) {
        return KeyValues.sameArgs(left, right);
    }

    private static boolean same(Object left, Object right) {
        return KeyValues.same(left, right);
    }

    /** The arguments as the disk tier serializes them (frozen collections made real again). */
    public Object[] diskArgs() throws java.io.NotSerializableException {
        return KeyCopies.thawed(args);
    }
}
