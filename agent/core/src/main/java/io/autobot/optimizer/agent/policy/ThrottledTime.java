package io.autobot.optimizer.agent.policy;

/**
 * The time each thread has spent held back by the agent's rate limits: waiting for a permit, or
 * backing off before a retry. The splitter leaves out of its figures the calls a limit held back:
 * a limit admits as many calls a second from one thread as from several, so such a call is as fast
 * as the limit lets it be, split or not, and its time would credit or blame the split for how many
 * of its elements happened to need a permit.
 */
public final class ThrottledTime {

    /** A thread's total, in nanoseconds; one array per thread that was ever held back or asked. */
    private static final ThreadLocal<long[]> TOTAL = ThreadLocal.withInitial(() -> new long[1]);

    private ThrottledTime() {
    }

    /** Adds {@code nanos} held back to the current thread's total. */
    public static void add(long nanos) {
        if (nanos > 0) {
            TOTAL.get()[0] += nanos;
        }
    }

    /** The current thread's total so far: the difference of two readings is what lay between them. */
    public static long ofCurrentThread() {
        return TOTAL.get()[0];
    }
}
