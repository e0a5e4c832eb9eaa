package io.autobot.optimizer.agent.call;

import java.util.concurrent.atomic.LongAdder;

/**
 * A count added to on the cache-hit path without touching a cache line another thread writes:
 * each thread adds to its own cell ({@link ThreadTally}), a read sums them. Adding without the
 * thread's tally at hand (off the hit path) goes to a {@link LongAdder} beside.
 */
public final class StripedCount {

    private final int slot = ThreadTally.newSlot();
    private final LongAdder elsewhere = new LongAdder();
    private volatile long resetAt;

    /** Adds one on the thread that owns {@code tally}. */
    public void increment(ThreadTally tally) {
        tally.increment(slot);
    }

    /** Adds one on any thread, through an atomic counter. */
    public void increment() {
        elsewhere.increment();
    }

    /** The count since creation or the last {@link #reset}. */
    public long sum() {
        return raw() - resetAt;
    }

    /** Counts from zero again (what is added meanwhile may land on either side). */
    public void reset() {
        resetAt = raw();
    }

    private long raw() {
        return ThreadTally.sum(slot) + elsewhere.sum();
    }
}
