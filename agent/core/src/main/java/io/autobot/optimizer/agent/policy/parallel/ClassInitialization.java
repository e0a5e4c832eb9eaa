package io.autobot.optimizer.agent.policy.parallel;

import java.lang.management.ThreadInfo;

/**
 * Class initialization as seen by the splitter. A thread that initializes a class holds that
 * class's initialization until its {@code <clinit>} returns, and every other thread that needs the
 * class waits for it; the JVM reports such a waiter as runnable, owning nothing and waiting for no
 * lock, so the lock check cannot see that the wait is for the caller. A call made while the
 * calling thread initializes a class is therefore not split at all ({@link #inProgress}), and a
 * worker found waiting for a class initialization is treated as waiting for its caller
 * ({@link #isWaitingIn}).
 */
final class ClassInitialization {

    private static final StackWalker WALKER = StackWalker.getInstance();
    private static final String UNSAFE = "jdk.internal.misc.Unsafe";

    private ClassInitialization() {
    }

    /**
     * Whether the current thread is initializing a class: a {@code <clinit>} frame is on its stack.
     * Walks the whole stack when there is none, so it is asked only of a call about to be split.
     */
    static boolean inProgress() {
        return WALKER.walk(frames -> frames.anyMatch(frame -> "<clinit>".equals(frame.getMethodName())));
    }

    /**
     * Whether a thread waits for a class's initialization where a method handle needs the class
     * initialized first: the way a worker calls a static method's body (its top frame is the
     * JDK's {@code Unsafe.ensureClassInitialized}, in JDK 17 to 25). A wait at a bytecode that needs
     * the class ({@code getstatic}, {@code new}, {@code invokestatic}) leaves no such trace; those
     * are what {@link #inProgress} keeps from being split.
     *
     * @param state the thread's snapshot, with at least its top frame
     */
    static boolean isWaitingIn(ThreadInfo state) {
        StackTraceElement[] frames = state.getStackTrace();
        return frames.length > 0 && UNSAFE.equals(frames[0].getClassName())
                && frames[0].getMethodName().startsWith("ensureClassInitialized");
    }
}
