package io.autobot.optimizer.agent.policy;

import java.lang.management.ThreadInfo;

/**
 * Which workers of one split call wait for its caller, which in turn waits for their chunks: the
 * two would wait for ever. A worker waits for the caller when, by what the JVM's thread bean says
 * ({@link ThreadStates}):
 *
 * <ul>
 *   <li>it is blocked on a monitor, or parked on an ownable synchronizer (a {@code ReentrantLock},
 *       a write lock), that the caller owns;
 *   <li>it waits for a class initialization ({@link ClassInitialization#isWaitingIn}): calls made
 *       while the caller initializes a class are not split, so this is a safety net, and a worker
 *       still waiting for a class after the first look is taken over whoever initializes it (the
 *       caller running the chunk waits for the class as a sequential run would).
 * </ul>
 *
 * One instance per split call.
 */
final class CallerWaits {

    private final Thread caller;

    CallerWaits(Thread caller) {
        this.caller = caller;
    }

    /**
     * @param workers per chunk, the worker running it, or null (not started, ended, or run by the caller)
     * @return per chunk, what its worker waits for when that is the caller (for the warning), else null
     */
    String[] look(Thread[] workers) {
        ThreadInfo[] states = ThreadStates.of(workers);
        String[] waiting = new String[workers.length];
        for (int i = 0; i < workers.length; i++) {
            waiting[i] = states[i] == null ? null : waitForCaller(states[i]);
        }
        return waiting;
    }

    @SuppressWarnings("deprecation") // Thread.threadId() is JDK 19+; getId() is the same number
    private String waitForCaller(ThreadInfo state) {
        if (state.getLockOwnerId() == caller.getId()) {
            return "a lock its caller holds";
        }
        return ClassInitialization.isWaitingIn(state) ? "a class initialization" : null;
    }
}
