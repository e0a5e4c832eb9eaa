package io.autobot.optimizer.agent.cache;

import io.autobot.optimizer.agent.call.MethodMeta;
import io.autobot.optimizer.agent.call.OperationStats;

/**
 * The memory tier's entries of one method of one argument whose key holds no receiver object (a
 * static method, one whose scope leaves the receiver out, or one of a stateless receiver, whose
 * class stands for it), by that argument, when the argument is a JDK final value ({@code String},
 * a box) or an enum constant: the memory tier's index for the cache-hit path.
 * Such an argument's own {@code equals} is exactly the key's comparison (its class is final and
 * its {@code equals} requires that class; a constant is only itself), so looking it up here
 * finds the entry of the very call, in one lookup ({@link ArgumentTable}). No key is made and no
 * per-thread object is needed. An entry serves a call only when its key's receiver part is the
 * very one of the call (none, or the token of the receiver's class): a stateless subclass's call
 * is not another's.
 *
 * <p>The index mirrors the memory tier, which stays the one store (its bound, its eviction, each
 * entry's lifetime): an entry stored there is indexed, an entry removed there for any reason is
 * dropped here, and the tier checks after indexing an entry that it still holds it, so a removal
 * racing the store leaves nothing here. A call that is there but not here goes the long way and
 * is indexed again. The index never holds more entries than the tier's capacity: past that it is
 * emptied, which costs hits the long way until they are indexed again.
 */
public final class ArgumentKeys {

    private final MethodMeta method;
    private final MemoryTier tier;
    /** The method's statistics, where a hit found here is counted. */
    private final OperationStats stats;
    /** Whether the method's key leaves its receiver out ({@code scope = ARGUMENTS}). */
    private final boolean argumentsOnly;
    /** Whether the method's mutable results are served as copies (see {@link Results#byValue}). */
    private final boolean byValue;
    private final ArgumentTable byArgument = new ArgumentTable();

    ArgumentKeys(MethodMeta method, MemoryTier tier) {
        this.method = method;
        this.tier = tier;
        this.stats = method.stats();
        this.argumentsOnly = method.argumentsOnly();
        this.byValue = Results.byValue(method);
    }

    /** The memory tier this index points into. */
    public MemoryTier tier() {
        return tier;
    }

    OperationStats stats() {
        return stats;
    }

    boolean byValue() {
        return byValue;
    }

    /**
     * Whether a stored key of this method is the key of a call on {@code self}: its receiver part
     * is the call's ({@code CallKey.receiverPart}), told without computing the call's. A key here
     * holds no receiver part (a static method, or one whose key leaves the receiver out) or the
     * token of a stateless class, which is the part of exactly that class's receivers.
     */
    boolean sameReceiver(CallKey stored, Object self) {
        Object part = stored.receiver();
        if (part == null) {
            return self == null || argumentsOnly;
        }
        return self != null && !argumentsOnly && part instanceof StatelessReceiver token
                && token.standsFor(self.getClass());
    }

    /** Whether the method takes one argument (its receiver, if any, is checked per key). */
    static boolean applies(MethodMeta method) {
        return method != null && method.parameterTypes().size() == 1;
    }

    /** Whether an argument is one whose own equality is the key's: a JDK final value or an enum constant. */
    static boolean indexable(Object arg) {
        return arg != null && (KeyValues.plainValue(arg.getClass()) || arg instanceof Enum<?>);
    }

    /** Whether a key is one this index may hold: of one indexable argument, without a receiver object in it. */
    static boolean indexable(CallKey key) {
        Object[] args = key.args();
        Object receiver = key.receiver();
        return (receiver == null || receiver instanceof StatelessReceiver) && args.length == 1 && indexable(args[0]);
    }

    MethodMeta method() {
        return method;
    }

    /** The stored entry of the call with this (indexable) argument, or null. */
    MemoryTier.Entry get(Object arg) {
        return byArgument.get(arg);
    }

    /** An entry the memory tier stored; past {@code capacity} entries the index starts again. */
    void stored(MemoryTier.Entry entry, long capacity) {
        if (byArgument.size() >= capacity) {
            byArgument.clear();
        }
        byArgument.put(entry, false);
    }

    /** An entry the memory tier found stored, indexed unless the call is indexed already. */
    void found(MemoryTier.Entry entry) {
        byArgument.put(entry, true);
    }

    /** The memory tier no longer holds this entry: dropped if the index still holds that very one. */
    void removed(MemoryTier.Entry entry) {
        byArgument.remove(entry);
    }
}
