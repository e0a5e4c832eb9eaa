package io.autobot.optimizer.agent.cache;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The memory tier's entries of one method by the call's one argument: an open-addressing table
 * read without a lock and written under one. It stands in for a {@code ConcurrentHashMap} on the
 * cache-hit path, whose {@code hashCode} and {@code equals} calls are shared by every map of the
 * JVM and so are not inlined; here they are this class's own, and the arguments (JDK final values
 * and enum constants, see {@link ArgumentKeys#indexable(Object)}) are few classes.
 *
 * <p>A lookup may miss an entry a write is moving (the table grown, or cleaned of removed slots):
 * the caller then goes the long way, which finds it and indexes it again. It never finds the entry
 * of another argument: it compares the argument it is given with the entry's own. At most half the
 * slots are ever used (live or removed), so a lookup always reaches an empty slot.
 */
final class ArgumentTable {

    private static final int INITIAL = 16;
    private static final VarHandle SLOTS = MethodHandles.arrayElementVarHandle(MemoryTier.Entry[].class);
    /** A slot whose entry was removed: a lookup goes on past it, a write may reuse it. */
    private static final MemoryTier.Entry REMOVED = new MemoryTier.Entry(null, null, 0, false);

    private volatile MemoryTier.Entry[] slots = new MemoryTier.Entry[INITIAL];
    private volatile int live; // written under this object's lock
    private int used; // live and removed slots; guarded by this object's lock

    /** The entry stored for this argument, or null. */
    MemoryTier.Entry get(Object arg) {
        MemoryTier.Entry[] table = slots;
        int mask = table.length - 1;
        for (int i = spread(arg.hashCode()) & mask;; i = (i + 1) & mask) {
            MemoryTier.Entry entry = (MemoryTier.Entry) SLOTS.getAcquire(table, i);
            if (entry == null) {
                return null;
            }
            Object stored = entry.argument;
            if (stored == arg || entry != REMOVED && stored.equals(arg)) {
                return entry;
            }
        }
    }

    /** How many entries it holds. */
    int size() {
        return live;
    }

    /** Slots holding an entry or a removal's mark (for tests: lookups run past the marks). */
    synchronized int usedSlots() {
        return used;
    }

    /** Stores the entry under its argument, replacing the one there unless {@code onlyIfAbsent}. */
    synchronized void put(MemoryTier.Entry entry, boolean onlyIfAbsent) {
        Object arg = entry.argument;
        MemoryTier.Entry[] table = slots;
        int mask = table.length - 1;
        int reusable = -1;
        int i = spread(arg.hashCode()) & mask;
        for (MemoryTier.Entry slot; (slot = table[i]) != null; i = (i + 1) & mask) {
            if (slot == REMOVED) {
                reusable = reusable < 0 ? i : reusable;
            } else if (slot.argument.equals(arg)) {
                if (!onlyIfAbsent) {
                    SLOTS.setRelease(table, i, entry);
                }
                return;
            }
        }
        if (reusable < 0) {
            used++;
        }
        SLOTS.setRelease(table, reusable < 0 ? i : reusable, entry);
        live = live + 1;
        if (used * 2 > table.length) {
            rebuild(live * 4 > table.length ? table.length * 2 : table.length);
        }
    }

    /** Removes this very entry, if it is still the one stored for its argument. */
    synchronized void remove(MemoryTier.Entry entry) {
        MemoryTier.Entry[] table = slots;
        int mask = table.length - 1;
        for (int i = spread(entry.argument.hashCode()) & mask; table[i] != null; i = (i + 1) & mask) {
            if (table[i] == entry) {
                SLOTS.setRelease(table, i, REMOVED);
                live = live - 1;
                if ((used - live) * 4 > table.length) {
                    rebuild(table.length); // removed slots lengthen every lookup that runs past them
                }
                return;
            }
        }
    }

    /** Removes every entry. */
    synchronized void clear() {
        slots = new MemoryTier.Entry[INITIAL];
        live = 0;
        used = 0;
    }

    /** A table of {@code length} slots with the live entries and no removed slot, published whole. */
    private void rebuild(int length) {
        MemoryTier.Entry[] grown = new MemoryTier.Entry[length];
        int mask = length - 1;
        for (MemoryTier.Entry entry : slots) {
            if (entry != null && entry != REMOVED) {
                int i = spread(entry.argument.hashCode()) & mask;
                while (grown[i] != null) {
                    i = (i + 1) & mask;
                }
                grown[i] = entry;
            }
        }
        used = live;
        slots = grown;
    }

    /** The hash's high bits folded into the low ones the mask keeps (as {@code HashMap} does). */
    private static int spread(int hash) {
        return hash ^ (hash >>> 16);
    }
}
