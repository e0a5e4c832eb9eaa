package io.autobot.optimizer.agent.policy.parallel;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Whether a thread is a virtual thread. The agent is built for Java 17, which has none, so
 * {@code Thread.isVirtual()} (JDK 21) is found once, by a method handle, when this class loads.
 */
final class VirtualThreads {

    /** {@code Thread.isVirtual()}, or null on a JDK without virtual threads. */
    private static final MethodHandle IS_VIRTUAL = isVirtualHandle();

    private VirtualThreads() {
    }

    static boolean isVirtual(Thread thread) {
        if (IS_VIRTUAL == null) {
            return false;
        }
        try {
            return (boolean) IS_VIRTUAL.invokeExact(thread);
        } catch (Throwable unexpected) { // Thread.isVirtual() throws nothing; a JVM where the call fails has none
            return false;
        }
    }

    private static MethodHandle isVirtualHandle() {
        try {
            return MethodHandles.publicLookup().findVirtual(Thread.class, "isVirtual",
                    MethodType.methodType(boolean.class));
        } catch (NoSuchMethodException | IllegalAccessException none) {
            return null;
        }
    }
}
