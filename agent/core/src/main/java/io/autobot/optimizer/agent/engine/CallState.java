package io.autobot.optimizer.agent.engine;

/**
 * Per-thread state of the call path. The agent runs a method's real body by setting a one-shot
 * bypass for that method on the thread that is about to call it: the method's enter advice sees
 * it, clears it and lets the body run, so calls the body makes (even recursive ones) are
 * intercepted as usual.
 */
final class CallState {

    private static final int NONE = -1;
    private static final ThreadLocal<CallState> CURRENT = ThreadLocal.withInitial(CallState::new);

    private int bypass = NONE;

    static CallState current() {
        return CURRENT.get();
    }

    /** Whether the next entry of {@code methodId} on this thread should run its body; clears it. */
    boolean consumeBypass(int methodId) {
        if (bypass == methodId) {
            bypass = NONE;
            return true;
        }
        return false;
    }

    void bypass(int methodId) {
        bypass = methodId;
    }

    /** Clears the bypass; returns whether it was still pending (the body never started). */
    boolean clearBypass(int methodId) {
        boolean pending = bypass == methodId;
        bypass = NONE;
        return pending;
    }
}
