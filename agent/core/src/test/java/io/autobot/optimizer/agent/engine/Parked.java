package io.autobot.optimizer.agent.engine;

/**
 * Waits for a thread to park (a timed or untimed wait: for a flight, a batch, a permit), so a
 * test acts once the state it needs is reached instead of after a guessed sleep.
 */
public final class Parked {

    private Parked() {
    }

    /** Returns once {@code thread} waits; fails if it ends first. */
    public static void await(Thread thread) throws InterruptedException {
        for (Thread.State state = thread.getState(); state != Thread.State.WAITING
                && state != Thread.State.TIMED_WAITING; state = thread.getState()) {
            if (state == Thread.State.TERMINATED) {
                throw new AssertionError(thread.getName() + " ended before it waited");
            }
            Thread.sleep(1);
        }
    }
}
