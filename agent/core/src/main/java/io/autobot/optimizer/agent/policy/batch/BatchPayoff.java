package io.autobot.optimizer.agent.policy.batch;

import java.util.Arrays;
import java.util.Locale;

/**
 * How batching pays for one {@code @Batched} method, learnt from its own batches while the host
 * runs.
 *
 * <p>How many calls a batch waits for. A batch that its wait time sent with {@code n} calls would
 * have been the same batch, sent sooner, had it been sent at its {@code n}th call: as when the host
 * calls the method from a pool of {@code n} threads. So a batch is sent once as many calls wait as
 * the most that the last {@link #RECENT} batches sent by their wait time held (never more than the
 * declared size). One batch in {@link #FILL_PROBE_EVERY} waits for the declared size again, to
 * learn whether more calls come now.
 *
 * <p>Whether to batch at all. A batch of one call saves nothing: it is one call of the backend, as
 * the plain call is. So after {@link #LONE_BEFORE_ASIDE} batches of one in a row, as when the host
 * calls the method from one thread at a time, batching steps aside: the calls run as plain calls.
 * Those are timed; once they took {@link #PROBE_AFTER_WAITS} times the wait in all, the next call
 * opens a batch again that waits for the declared size, and calls that come while it waits join
 * it. If one does, batching resumes. A probe's wait is so at most a twentieth of the time the
 * method's calls take.
 */
final class BatchPayoff {

    /** Batches of one call in a row before batching steps aside. */
    static final int LONE_BEFORE_ASIDE = 4;
    /** While batching is aside, plain calls taking this many wait times in all make the next one a probe. */
    static final int PROBE_AFTER_WAITS = 20;
    /** The batches sent by their wait time whose sizes say how many calls a batch waits for. */
    static final int RECENT = 8;
    /** One batch in this many waits for the declared size. */
    static final int FILL_PROBE_EVERY = 8;

    /** The sizes of the last batches sent by their wait time, 0 where none yet. */
    private final int[] recent = new int[RECENT];
    private int nextRecent;
    /** The most calls of {@link #recent}: what a batch waits for; 0 before a batch was sent by its wait time. */
    private int fill;
    private long opened;

    private int loneInARow;
    private boolean aside;
    /** The plain calls' time since batching stepped aside or the last probe. */
    private long aloneNanos;
    private long batches;
    private long batchedCalls;

    /**
     * How many calls the batch opened now by a call that found none open waits for: the learnt
     * number, or {@code declared} (before a number is learnt, in one batch of
     * {@link #FILL_PROBE_EVERY}, and in a probe while batching is aside); 0 when the call runs
     * alone, batching being aside.
     */
    synchronized int opensBatch(long waitNanos, int declared) {
        if (aside) {
            if (aloneNanos < PROBE_AFTER_WAITS * waitNanos) {
                return 0;
            }
            aloneNanos = 0;
            return declared;
        }
        return fill == 0 || ++opened % FILL_PROBE_EVERY == 0 ? declared : Math.min(fill, declared);
    }

    /** A call ran as the plain call, because batching stepped aside, in {@code nanos}. */
    synchronized void ranAlone(long nanos) {
        aloneNanos += nanos;
    }

    /**
     * A batch of {@code size} calls was sent, by its wait time or not (it filled, or its caller was
     * interrupted); returns whether that changed whether batching steps aside.
     */
    synchronized boolean sent(int size, boolean byWaitTime) {
        batches++;
        batchedCalls += size;
        if (byWaitTime) {
            recent[nextRecent] = size;
            nextRecent = (nextRecent + 1) % RECENT;
            fill = Arrays.stream(recent).max().orElse(0);
        }
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

    /**
     * The figures in words, such as {@code batched: 3.5 calls per batch, sent once 4 wait}, or null
     * before a batch was sent.
     */
    synchronized String verdict() {
        if (batches == 0) {
            return null;
        }
        if (aside) {
            return "not batched, it does not pay: its last " + loneInARow + " batches had one call each";
        }
        String average = String.format(Locale.ROOT, "batched: %.1f calls per batch", (double) batchedCalls / batches);
        return fill == 0 ? average : average + ", sent once " + fill + " wait";
    }
}
