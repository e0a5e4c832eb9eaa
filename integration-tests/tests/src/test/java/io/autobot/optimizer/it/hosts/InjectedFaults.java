package io.autobot.optimizer.it.hosts;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The switch of the fault-injection rules (StageFaultIT): Byteman rules in the agent's own classes
 * ask {@link #fire()} whether to throw, so a stage fails on every third pass and works between
 * ({@link #fireAlways()} for stages passed only once or twice), and the host can print how many
 * faults were injected.
 */
public final class InjectedFaults {

    private static final AtomicLong PASSES = new AtomicLong();
    private static final AtomicLong FIRED = new AtomicLong();

    private InjectedFaults() {
    }

    /** Whether the stage being passed fails this time; counts the faults. */
    public static boolean fire() {
        if (PASSES.incrementAndGet() % 3 != 0) {
            return false;
        }
        FIRED.incrementAndGet();
        return true;
    }

    /** For stages passed once or a few times (start-up, instrumentation): fails every pass; counts them. */
    public static boolean fireAlways() {
        FIRED.incrementAndGet();
        return true;
    }

    /** How many faults were injected. */
    public static long fired() {
        return FIRED.get();
    }
}
