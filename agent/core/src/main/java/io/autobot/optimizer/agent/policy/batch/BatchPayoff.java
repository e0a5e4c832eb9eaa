package io.autobot.optimizer.agent.policy.batch;

import java.util.Locale;

/**
 * Whether batching pays for one {@code @Batched} method, learnt from its own batches while the
 * host runs. A batch of one call saves nothing (it is one call of the backend, as the plain call
 * is) and costs its caller the whole wait. So after {@link #LONE_BEFORE_ASIDE} batches of one in a
 * row, as when the host calls the method from one thread at a time, batching steps aside: the
 * calls run as plain calls. Those are timed; once they took {@link #PROBE_AFTER_WAITS} times the
 * wait in all, the next call opens a batch again, and calls that come while it waits join it. If
 * one does, batching resumes. A probe's wait is so at most a twentieth of the time the method's
 * calls take.
 */
final class BatchPayoff {

    /** Batches of one call in a row before batching steps aside. */
    static final int LONE_BEFORE_ASIDE = 4;
    /** While batching is aside, plain calls taking this many wait times in all make the next one a probe. */
    static final int PROBE_AFTER_WAITS = 20;

    private int loneInARow;
    private boolean aside;
    /** The plain calls' time since batching stepped aside or the last probe. */
    private long aloneNanos;
    private long batches;
    private long batchedCalls;

    /** Whether a call that finds no batch open opens one: batching pays, or this call is a probe. */
    synchronized boolean opensBatch(long waitNanos) {
        if (!aside) {
            return true;
        }
        if (aloneNanos < PROBE_AFTER_WAITS * waitNanos) {
            return false;
        }
        aloneNanos = 0;
        return true;
    }

    /** A call ran as the plain call, because batching stepped aside, in {@code nanos}. */
    synchronized void ranAlone(long nanos) {
        aloneNanos += nanos;
    }

    /** A batch of {@code size} calls was sent; returns whether that changed whether batching steps aside. */
    synchronized boolean sent(int size) {
        batches++;
        batchedCalls += size;
        boolean wasAside = aside;
        if (size > 1) {
            loneInARow = 0;
            aside = false;
        } else if (++loneInARow >= LONE_BEFORE_ASIDE) {
            aside = true;
        }
        return aside != wasAside;
    }

    /** Whether batching steps aside now (outside probes). */
    synchronized boolean aside() {
        return aside;
    }

    /** The figures in words, such as {@code batched: 5.0 calls per batch}, or null before a batch was sent. */
    synchronized String verdict() {
        if (batches == 0) {
            return null;
        }
        if (aside) {
            return "not batched, it does not pay: its last " + loneInARow + " batches had one call each";
        }
        return String.format(Locale.ROOT, "batched: %.1f calls per batch", (double) batchedCalls / batches);
    }
}
