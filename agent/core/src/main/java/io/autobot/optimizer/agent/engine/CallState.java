package io.autobot.optimizer.agent.engine;

import io.autobot.optimizer.agent.cache.CallKey;

/**
 * Per-thread state of the call path. The agent runs a method's real body by setting a one-shot
 * bypass for that method on the thread that is about to call it: the method's enter advice sees
 * it, clears it and lets the body run, so calls the body makes (even recursive ones) are
 * intercepted as usual.
 */
final class CallState {

    private static final int NONE = -1;
    private static final ThreadLocal<CallState> CURRENT = ThreadLocal.withInitial(CallState::new);

    private final CallKey lookupKey = CallKey.reusable();
    private int bypass = NONE;
    private boolean lookupKeyBusy;

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

    /**
     * This thread's reusable lookup key, or null while it is in use further up the stack (an
     * argument's hashCode or equals may itself call an instrumented method).
     */
    CallKey borrowLookupKey() {
        if (lookupKeyBusy) {
            return null;
        }
        lookupKeyBusy = true;
        return lookupKey;
    }

    void returnLookupKey(CallKey key) {
        if (key == lookupKey) {
            key.release();
            lookupKeyBusy = false;
        }
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
