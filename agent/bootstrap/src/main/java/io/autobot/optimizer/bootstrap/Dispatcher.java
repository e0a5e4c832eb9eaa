package io.autobot.optimizer.bootstrap;

import jdk.internal.vm.annotation.DontInline;

/**
 * The static facade that instrumented methods call. It forwards to a {@link CallHandler} that
 * the agent installs at start-up; the default is {@link CallHandler#NOOP}, so an instrumented
 * method whose agent was stopped (detached) simply runs its body.
 *
 * <p>{@link #enter} and {@link #exit} are never inlined into the instrumented methods ({@code DontInline},
 * which the JVM honours for classes of the boot loader, where this one is defined). Inlined, the
 * agent's code that runs behind them would become part of the host method's compiled frame,
 * several times its own size: a recursion of the host's would overflow its stack much sooner than
 * without the agent. A cache hit costs the same either way (it was measured; the JIT compiles the
 * agent's side once, in these two methods).
 */
public final class Dispatcher {

    /** Stands for a {@code null} result that was taken from the cache. */
    public static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "autobot:null";
        }
    };

    private static volatile CallHandler handler = CallHandler.NOOP;

    private Dispatcher() {
    }

    /** Entry point of the inlined enter advice; see {@link CallHandler#enter}. */
    @DontInline
    public static Object enter(int methodId, Class<?> declaringType, Object self, Object[] args)
            throws Throwable {
        return handler.enter(methodId, declaringType, self, args);
    }

    /**
     * Entry point of the inlined exit advice of a method whose body ran; see {@link CallHandler#exit}.
     * It never throws: nothing the agent does after the body may change what the body returned or
     * threw.
     */
    @DontInline
    public static void exit(int methodId, Object[] frame, Object returned, Throwable thrown) {
        try {
            handler.exit(methodId, frame, returned, thrown);
        } catch (Throwable ignored) {
            // the handler reports its own failures; this is the last resort that keeps the body's outcome
        }
    }

    /** Turns the value returned by {@link #enter} back into the method's result. */
    public static Object unwrap(Object value) {
        return value == NULL ? null : value;
    }

    /** Installs the agent's handler. */
    public static void install(CallHandler newHandler) {
        handler = newHandler == null ? CallHandler.NOOP : newHandler;
    }

    /** Puts the no-op handler back: every instrumented method runs its body again. */
    public static void reset() {
        handler = CallHandler.NOOP;
    }

    /** The handler currently installed. */
    public static CallHandler handler() {
        return handler;
    }
}
