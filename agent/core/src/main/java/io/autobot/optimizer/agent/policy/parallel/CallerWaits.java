package io.autobot.optimizer.agent.policy.parallel;

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
 *       caller running the chunk waits for the class as a sequential run would);
 *   <li>the caller is a virtual thread, and the worker was blocked on the same monitor, held by a
 *       thread that runs none of this call's chunks, at two looks in a row. The bean cannot name a
 *       virtual thread as a monitor's owner: it names the carrier the virtual thread is mounted on
 *       (while the caller looks, its own carrier), or nobody while it is unmounted, so the caller's
 *       monitors cannot be told from those of a thread it shares no carrier with. The two looks
 *       rule out a monitor that was only briefly held by someone else.
 * </ul>
 *
 * One instance per split call: it remembers what the last look saw.
 */
final class CallerWaits {

    private final Thread caller;
    private final boolean virtualCaller;
    /** For a virtual caller: per chunk, the monitor its worker was blocked on at the last look, or null. */
    private final String[] lastMonitors;

    CallerWaits(Thread caller, int chunks) {
        this(caller, VirtualThreads.isVirtual(caller), chunks);
    }

    /** @param virtualCaller whether the caller is a virtual thread (a test can say so on a JDK without them) */
    CallerWaits(Thread caller, boolean virtualCaller, int chunks) {
        this.caller = caller;
        this.virtualCaller = virtualCaller;
        this.lastMonitors = new String[chunks];
    }

    /**
     * @param workers per chunk, the worker running it, or null (not started, ended, or run by the caller)
     * @return per chunk, what its worker waits for when that is the caller (for the warning), else null
     */
    String[] look(Thread[] workers) {
        ThreadInfo[] states = ThreadStates.of(workers);
        String[] waiting = new String[workers.length];
        for (int i = 0; i < workers.length; i++) {
            waiting[i] = states[i] == null ? null : waitForCaller(i, states[i], workers);
        }
        return waiting;
    }

    @SuppressWarnings("deprecation") // Thread.threadId() is JDK 19+; getId() is the same number
    private String waitForCaller(int chunk, ThreadInfo state, Thread[] workers) {
        boolean monitorTwice = virtualCaller && blockedTwiceOnAMonitorOfAnother(chunk, state, workers);
        if (state.getLockOwnerId() == caller.getId()) {
            return "a lock its caller holds";
        }
        if (ClassInitialization.isWaitingIn(state)) {
            return "a class initialization";
        }
        return monitorTwice ? "a monitor its caller, a virtual thread, holds" : null;
    }

    private boolean blockedTwiceOnAMonitorOfAnother(int chunk, ThreadInfo state, Thread[] workers) {
        String monitor = state.getThreadState() == Thread.State.BLOCKED && !runsAChunk(state.getLockOwnerId(), workers)
                ? state.getLockName() : null;
        String before = lastMonitors[chunk];
        lastMonitors[chunk] = monitor;
        return monitor != null && monitor.equals(before);
    }

    @SuppressWarnings("deprecation")
    private static boolean runsAChunk(long threadId, Thread[] workers) {
        for (Thread worker : workers) {
            if (worker != null && worker.getId() == threadId) {
                return true;
            }
        }
        return false;
    }
}
