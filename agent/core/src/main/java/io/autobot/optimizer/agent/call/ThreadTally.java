package io.autobot.optimizer.agent.call;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One thread's counts of the events counted on the cache-hit path ({@link StripedCount}s): the
 * thread adds to cells no other thread writes, with plain stores (no atomic instruction, no cache
 * line shared with another thread), and a reader sums every thread's cells. A thread that ended
 * has its counts folded into a total kept for it and its cells let go, when a count is read and
 * from time to time when a thread first counts, so threads that come and go (virtual threads, a
 * pool that replaces its workers) leave nothing behind but the totals.
 *
 * <p>Cells come in chunks of 64, made when the thread first counts a slot of the chunk: a thread
 * holds cells only for the counts it adds to.
 */
public final class ThreadTally {

    private static final int CHUNK_BITS = 6;
    private static final int CHUNK = 1 << CHUNK_BITS;
    private static final int SWEEP_EVERY = 64;
    private static final VarHandle CELLS = MethodHandles.arrayElementVarHandle(long[].class);
    private static final AtomicInteger SLOTS = new AtomicInteger();
    private static final ThreadLocal<ThreadTally> CURRENT = ThreadLocal.withInitial(ThreadTally::register);
    private static final Object LOCK = new Object();
    private static final List<ThreadTally> LIVE = new ArrayList<>(); // guarded by LOCK
    private static long[] retired = new long[CHUNK]; // guarded by LOCK: the counts of threads that ended
    private static int registered; // guarded by LOCK

    private final WeakReference<Thread> owner;
    private volatile long[][] chunks = new long[1][];

    private ThreadTally(Thread owner) {
        this.owner = new WeakReference<>(owner);
    }

    /** The calling thread's tally. */
    public static ThreadTally current() {
        return CURRENT.get();
    }

    /** A new slot: the index of one count in every thread's cells. */
    static int newSlot() {
        return SLOTS.getAndIncrement();
    }

    /** Adds one to the slot's cell of this tally; only its own thread may call it. */
    void increment(int slot) {
        long[] chunk = chunk(slot >>> CHUNK_BITS);
        int cell = slot & (CHUNK - 1);
        CELLS.setOpaque(chunk, cell, chunk[cell] + 1); // a plain store that a reader on another thread sees
    }

    private long[] chunk(int index) {
        long[][] all = chunks;
        long[] chunk = index < all.length ? all[index] : null;
        return chunk != null ? chunk : newChunk(index);
    }

    private long[] newChunk(int index) {
        long[][] all = chunks;
        long[][] grown = index < all.length ? all.clone() : Arrays.copyOf(all, index + 1);
        long[] chunk = new long[CHUNK];
        grown[index] = chunk;
        chunks = grown; // published whole: a reader sees the chunk with the array that holds it
        return chunk;
    }

    private long read(int slot) {
        long[][] all = chunks;
        int index = slot >>> CHUNK_BITS;
        long[] chunk = index < all.length ? all[index] : null;
        return chunk == null ? 0 : (long) CELLS.getOpaque(chunk, slot & (CHUNK - 1));
    }

    /** The slot's total over every thread, those that ended included. */
    static long sum(int slot) {
        synchronized (LOCK) {
            sweep();
            long total = slot < retired.length ? retired[slot] : 0;
            for (ThreadTally tally : LIVE) {
                total += tally.read(slot);
            }
            return total;
        }
    }

    /** How many threads' tallies are kept (for tests: those of ended threads are folded away). */
    static int liveTallies() {
        synchronized (LOCK) {
            sweep();
            return LIVE.size();
        }
    }

    private static ThreadTally register() {
        ThreadTally tally = new ThreadTally(Thread.currentThread());
        synchronized (LOCK) {
            if (++registered % SWEEP_EVERY == 0) {
                sweep();
            }
            LIVE.add(tally);
        }
        return tally;
    }

    /** Folds the tallies of threads that ended into {@link #retired}; their last counts are visible (they ended). */
    private static void sweep() {
        for (Iterator<ThreadTally> it = LIVE.iterator(); it.hasNext();) {
            ThreadTally tally = it.next();
            Thread thread = tally.owner.get();
            if (thread == null || !thread.isAlive()) {
                fold(tally);
                it.remove();
            }
        }
    }

    private static void fold(ThreadTally tally) {
        long[][] all = tally.chunks;
        for (int index = 0; index < all.length; index++) {
            long[] chunk = all[index];
            if (chunk == null) {
                continue;
            }
            int base = index << CHUNK_BITS;
            if (base + CHUNK > retired.length) {
                retired = Arrays.copyOf(retired, base + CHUNK);
            }
            for (int cell = 0; cell < CHUNK; cell++) {
                retired[base + cell] += chunk[cell];
            }
        }
    }
}
