package io.autobot.optimizer.agent.policy;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Interrupts one thread only while it runs one task. A watchdog, or a split call's caller passing
 * its own interrupt on to the chunks, can fire at any moment; the guard makes sure the interrupt
 * lands during the task and never on whatever the thread does next, and that the thread clears it
 * when the task ends (unless the thread had an interrupt of its own already).
 */
public final class InterruptGuard {

    private static final int RUNNING = 0;
    private static final int FINISHED = 1;
    private static final int INTERRUPTING = 2;
    private static final int INTERRUPTED = 3;

    private final Thread thread;
    private final AtomicInteger state = new AtomicInteger(RUNNING);
    /** The thread was interrupted already when the guard fired: that interrupt is the host's own. */
    private boolean alreadyInterrupted; // written before, read after the state's INTERRUPTED

    private InterruptGuard(Thread thread) {
        this.thread = thread;
    }

    /** A guard for a task the current thread is about to run. */
    public static InterruptGuard ofCurrentThread() {
        return new InterruptGuard(Thread.currentThread());
    }

    /** The guarded thread. */
    public Thread thread() {
        return thread;
    }

    /** Interrupts the thread if the task still runs; returns whether it did. Any thread may call it. */
    public boolean interrupt() {
        if (!state.compareAndSet(RUNNING, INTERRUPTING)) {
            return false;
        }
        alreadyInterrupted = thread.isInterrupted();
        thread.interrupt();
        state.set(INTERRUPTED);
        return true;
    }

    /**
     * Ends the task; called by the guarded thread. Returns whether this guard interrupted it, in
     * which case the interrupt is cleared: it was meant for the task, which is over. An interrupt
     * the thread already had when the guard fired is the host's, and stays.
     */
    public boolean finish() {
        if (state.compareAndSet(RUNNING, FINISHED)) {
            return false;
        }
        while (state.get() == INTERRUPTING) {
            Thread.onSpinWait();
        }
        if (!alreadyInterrupted) {
            Thread.interrupted();
        }
        return true;
    }
}
