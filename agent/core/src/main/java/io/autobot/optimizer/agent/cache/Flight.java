package io.autobot.optimizer.agent.cache;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One running computation of a key that other callers of the key wait for. A wait ends with the
 * owner's outcome, or earlier: when the waiter is interrupted, or at a time limit, since the owner
 * may be waiting for the waiter (a lock the waiter holds, a class it is initializing).
 */
final class Flight {

    /** What waiters get when the computing caller failed inside the agent. */
    static final Object ABANDONED = new Object();
    /** What a waiter gets when it was interrupted while waiting; its interrupt is set again. */
    static final Object INTERRUPTED = new Object();
    /** What a waiter gets when the owner did not finish within the limit. */
    static final Object TIMED_OUT = new Object();

    private final Thread owner = Thread.currentThread();
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile boolean givenUp;
    private Object value;
    private Throwable failure;

    /** Whether the current thread runs this computation (its body asks for its own key). */
    boolean ownedByCurrentThread() {
        return owner == Thread.currentThread();
    }

    void succeed(Object result) {
        value = result;
        done.countDown();
    }

    void fail(Throwable thrown) {
        failure = thrown;
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
     * Waits for the owner's outcome.
     *
     * @return the owner's result, {@link #ABANDONED}, {@link #INTERRUPTED} or {@link #TIMED_OUT}
     * @throws Throwable the body's own failure ({@code CallerFailure}) the owner met
     */
    Object await(long limitNanos) throws Throwable {
        try {
            if (!done.await(limitNanos, TimeUnit.NANOSECONDS)) {
                givenUp = true;
                return TIMED_OUT;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // for the waiter's own call, as it would be without the agent
            return INTERRUPTED;
        }
        if (failure != null) {
            throw failure;
        }
        return value;
    }
}
