package io.autobot.optimizer.agent.engine;

import io.autobot.optimizer.agent.cache.CallKey;
import io.autobot.optimizer.agent.call.ThreadTally;

/**
 * Per-thread state of the call path. The agent runs a method's real body by setting a one-shot
 * bypass for that method on the thread that is about to call it: the method's enter advice sees
 * it, clears it and lets the body run, so calls the body makes (even recursive ones) are
 * intercepted as usual. It also keeps the thread's cached calls whose bodies run in the host's own
 * frame ({@link PendingCalls}), and how many calls run nested inside the agent's policies.
 */
final class CallState {

    /**
     * How many calls may run nested inside the policies on one thread (each such call adds the
     * agent's frames between the caller and the body); a deeper call runs its plain body in place,
     * so that a recursion through policies cannot overflow the stack where the plain method would not.
     */
    static final int MAX_NESTED = 64;

    private static final int NONE = -1;
    private static final ThreadLocal<CallState> CURRENT = ThreadLocal.withInitial(CallState::new);

    private final CallKey lookupKey = CallKey.reusable();
    /** The argument arrays of the cache-hit path's lookups, by arity: used with {@link #lookupKey}, never stored. */
    private final Object[][] probes = {new Object[0], new Object[1], new Object[2], new Object[3]};
    private final ThreadTally tally = ThreadTally.current();
    private final PendingCalls pending = new PendingCalls();
    private int bypass = NONE;
    private int nested;
    private boolean lookupKeyBusy;

    static CallState current() {
        return CURRENT.get();
    }

    /** Whether the next entry of {@code methodId} on this thread should run its body; leaves it set. */
    boolean bypassing(int methodId) {
        return bypass == methodId;
    }

    /**
     * This thread's argument array for a lookup of a call of {@code arity} arguments (at most 3);
     * only while the thread holds its lookup key ({@link #borrowLookupKey}), and emptied before it
     * returns it.
     */
    Object[] probe(int arity) {
        return probes[arity];
    }

    /** This thread's cells for the counts of the cache-hit path. */
    ThreadTally tally() {
        return tally;
    }

    /** Whether the next entry of {@code methodId} on this thread should run its body; clears it. */
    boolean consumeBypass(int methodId) {
        if (bypass == methodId) {
            bypass = NONE;
            HitGate.release();
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
        if (bypass == NONE) {
            HitGate.hold(); // before the call that must see it: this thread's next hit reads it
        }
        bypass = methodId;
    }

    /** Clears the bypass; returns whether it was still pending (the body never started). */
    boolean clearBypass(int methodId) {
        boolean pending = bypass == methodId;
        if (bypass != NONE) {
            HitGate.release();
        }
        bypass = NONE;
        return pending;
    }

    /** The thread's cached calls whose bodies run in the host's own frames. */
    PendingCalls pending() {
        return pending;
    }

    /**
     * Counts a call that is about to run nested inside the policies.
     *
     * @return false, counting nothing, when {@link #MAX_NESTED} such calls run on this thread already
     */
    boolean enterNested() {
        if (nested >= MAX_NESTED) {
            return false;
        }
        nested++;
        return true;
    }

    /** A call counted by {@link #enterNested} ended. */
    void exitNested() {
        nested--;
    }
}
