package io.autobot.optimizer.agent.cache;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One running computation of a key that other callers of the key wait for. A wait ends with the
 * owner's result, or earlier: when the owner's call ended without one (it threw, or failed inside
 * the agent: the waiter then runs its own call, since what the owner met may be the owner's alone,
 * such as its interrupt or its timeout), when the waiter is interrupted, or at a time limit, since
 * the owner may be waiting for the waiter (a lock the waiter holds, a class it is initializing).
 */
final class Flight {

    /** What waiters get when the owner's call ended without a result to share. */
    static final Object ABANDONED = new Object();
    /** What a waiter gets when it was interrupted while waiting; its interrupt is set again. */
    static final Object INTERRUPTED = new Object();
    /** What a waiter gets when the owner did not finish within the limit. */
    static final Object TIMED_OUT = new Object();

    private final Thread owner = Thread.currentThread();
    private final CountDownLatch done = new CountDownLatch(1);
    private final long waitDeadline;
    private volatile boolean givenUp;
    private Object value;

    /**
     * @param ownerTimeLimitNanos the time limit the owner's call runs under (a {@code @Timeout}
     *     below the cache), or 0 for none: waiters then wait at most until half of it has passed
     */
    Flight(long ownerTimeLimitNanos) {
        this.waitDeadline = ownerTimeLimitNanos > 0 ? System.nanoTime() + ownerTimeLimitNanos / 2 : 0;
    }

    /** Whether the current thread runs this computation (its body asks for its own key). */
    boolean ownedByCurrentThread() {
        return owner == Thread.currentThread();
    }

    /** Whether the owner's thread still runs: a flight of a thread that died is never completed. */
    boolean ownerAlive() {
        return owner.isAlive();
    }

    void succeed(Object result) {
        value = result;
        done.countDown();
    }

    /** Releases the waiters, to compute their own, unless the flight already ended. */
    void abandon() {
        if (done.getCount() > 0) {
            succeed(ABANDONED);
        }
    }

    /** Whether a waiter stopped waiting at the time limit: this run may have been held up by it. */
    boolean givenUp() {
        return givenUp;
    }

    /**
     * Waits for the owner's outcome, at most {@code limitNanos} and, when the owner runs under a
     * time limit, no longer than half of it from the owner's start: a waiter the owner waits for
     * must let go early enough for the owner to finish in its own time.
     *
     * @return the owner's result, {@link #ABANDONED}, {@link #INTERRUPTED} or {@link #TIMED_OUT}
     */
    Object await(long limitNanos) {
        long limit = waitDeadline == 0 ? limitNanos : Math.min(limitNanos, waitDeadline - System.nanoTime());
        try {
            if (limit <= 0 || !done.await(limit, TimeUnit.NANOSECONDS)) {
                givenUp = true;
                return TIMED_OUT;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // for the waiter's own call, as it would be without the agent
            return INTERRUPTED;
        }
        return value;
    }
}
