package io.autobot.optimizer.agent.engine;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many threads have, right now, something that a cache hit must not pass by: a pending
 * one-shot bypass (the agent is about to run a method's body itself, {@link CallState#bypass}) or
 * a stack of {@link StackHeadroom#CHECKED_FROM} or more bodies running in the host's frames
 * ({@link PendingCalls}). While it is zero, no thread has either, so the hit path of a method keyed
 * by its one argument needs no per-thread state at all (no {@code ThreadLocal}). A thread always
 * sees its own count: it holds the gate before it calls the method that must see it.
 *
 * <p>It is written only when a thread begins or ends one of those states (the agent running a
 * body through its policies, a memoized recursion sixteen calls deep), never on a hit, so a hit
 * reads a line that stays in every core's cache. A count above zero only sends hits the long
 * way, through the thread's state, which decides exactly; a thread counts a state before it
 * enters it and uncounts it after it left it, so a {@code StackOverflowError} thrown in between
 * can only leave the gate shut (a count above or below zero: {@link #open} asks for exactly zero),
 * never open while a thread is in such a state.
 */
final class HitGate {

    private static final AtomicInteger HELD = new AtomicInteger();

    private HitGate() {
    }

    /** Whether no thread has a pending bypass or a deep stack of bodies. */
    static boolean open() {
        return HELD.get() == 0;
    }

    /** The calling thread has begun a state that hits must see. */
    static void hold() {
        HELD.incrementAndGet();
    }

    /** The calling thread has ended a state that {@link #hold} counted. */
    static void release() {
        HELD.decrementAndGet();
    }
}
