package io.autobot.optimizer.it.hosts;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadFactory;

/**
 * Makes a pool's threads and keeps them, so a host can wait until one of them waits (for another
 * caller's run of its key, in a batch) before it acts: a state, not a guessed sleep.
 */
final class ParkedThreads implements ThreadFactory {

    private final List<Thread> made = new CopyOnWriteArrayList<>();

    @Override
    public Thread newThread(Runnable task) {
        Thread thread = new Thread(task);
        made.add(thread);
        return thread;
    }

    /** The pool's {@code index}th thread, once made. */
    Thread made(int index) throws InterruptedException {
        while (made.size() <= index) {
            Thread.sleep(1);
        }
        return made.get(index);
    }

    /** Returns once the pool's {@code index}th thread waits. */
    void awaitParked(int index) throws InterruptedException {
        awaitParked(made(index));
    }

    /** Returns once {@code thread} waits; fails the host's check if it ends first. */
    static void awaitParked(Thread thread) throws InterruptedException {
        for (Thread.State state = thread.getState(); state != Thread.State.WAITING
                && state != Thread.State.TIMED_WAITING; state = thread.getState()) {
            HostOutput.check(state != Thread.State.TERMINATED, thread.getName() + " ended before it waited");
            Thread.sleep(1);
        }
    }
}
