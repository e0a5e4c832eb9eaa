package io.autobot.optimizer.agent.policy.batch;

import io.autobot.optimizer.agent.call.CallerFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The single calls coalesced into one call of the batch method, and that call's outcome. It is
 * filled under its policy's lock, run once by the thread that closed it, and read by every
 * caller after {@link #done}.
 */
final class Batch {

    final Object receiver;
    final long deadline;
    /** The calls it is sent at, unless its wait time sends it first. */
    final int target;
    final List<Object> arguments = new ArrayList<>();
    private final CountDownLatch done = new CountDownLatch(1);
    private Object[] results;
    private Throwable failure;
    /** The caller whose thread sent the batch and alone gets the failure; -1 when every caller gets it. */
    private int onlyFailing = -1;
    /** When its sender called the batch method; read by the callers after {@link #done}. */
    private long sentAt;
    private boolean sent;

    Batch(Object receiver, long deadline, int target) {
        this.receiver = receiver;
        this.deadline = deadline;
        this.target = target;
    }

    /** Adds a call's argument (under the policy's lock); returns its position. */
    int add(Object argument) {
        arguments.add(argument);
        return arguments.size() - 1;
    }

    int size() {
        return arguments.size();
    }

    /** Whether it holds the calls it is sent at (under the policy's lock). */
    boolean full() {
        return arguments.size() >= target;
    }

    /** The sender calls the batch method now. */
    void markSent() {
        sentAt = System.nanoTime();
        sent = true;
    }

    /** Whether the batch was sent after a caller joined it at {@code joined} (it was sent at all). */
    boolean sentAfter(long joined) {
        return sent && sentAt - joined > 0;
    }

    long sentAt() {
        return sentAt;
    }

    void complete(Object[] results) {
        this.results = results;
        done.countDown();
    }

    /**
     * Ends the batch with a failure for every caller: a {@link CallerFailure} (the batch method
     * threw) or an internal failure (after which each caller runs its own call).
     */
    void fail(Throwable failure) {
        this.failure = failure;
        done.countDown();
    }

    /**
     * Ends the batch with a failure of its sender's own (its thread was interrupted): the sender
     * gets it, and every other caller runs its own call.
     *
     * @param sender the sending caller's position in the batch
     */
    void failSenderOnly(int sender, Throwable failure) {
        this.onlyFailing = sender;
        fail(failure);
    }

    /** Whether this caller runs its own call: the batch failed for its sender's own reason, and this is another caller. */
    boolean runsOwnCall(int index) {
        return onlyFailing >= 0 && index != onlyFailing;
    }

    /** Ends a batch that was closed but never completed: an internal failure for every caller. */
    void endIfOpen() {
        if (!isDone()) {
            fail(new IllegalStateException("the batch was closed but not sent"));
        }
    }

    boolean isDone() {
        return done.getCount() == 0;
    }

    /** Waits until done or the deadline; returns whether done. */
    boolean awaitUntilDeadline() throws InterruptedException {
        return done.await(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
    }

    /** Waits until done however often interrupted; returns whether it was interrupted. */
    boolean awaitUninterruptibly() {
        boolean interrupted = false;
        for (;;) {
            try {
                done.await();
                return interrupted;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
    }

    /** The failure every caller gets (only its sender, after {@link #failSenderOnly}), or null. */
    Throwable failure() {
        return failure;
    }

    Object result(int index) {
        return results == null ? null : results[index];
    }
}
