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
 * without the agent. The same holds for {@link #hit0} to {@link #hit3}, the cache-hit probes of
 * the arity-specialised advice. A cache hit costs the same either way (it was measured; the JIT compiles the
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
     * Entry point of the arity-specialised enter advice of a method of no argument: the value of a
     * cache hit ({@link #NULL} for a stored null), or null when the call is not a plain hit, which
     * the advice then sends through {@link #enter} with its argument array. Added beside
     * {@link #enter}, which keeps its signature: an agent built before these methods leaves its own
     * bridge in the boot loader, and a later agent uses them only when the loaded bridge has them.
     * It never throws: a failure is not a hit.
     */
    @DontInline
    public static Object hit0(int methodId, Object self) {
        try {
            return handler.hit0(methodId, self);
        } catch (Throwable notAHit) {
            return null;
        }
    }

    /** {@link #hit0} of a method of one argument. */
    @DontInline
    public static Object hit1(int methodId, Object self, Object arg0) {
        try {
            return handler.hit1(methodId, self, arg0);
        } catch (Throwable notAHit) {
            return null;
        }
    }

    /** {@link #hit0} of a method of two arguments. */
    @DontInline
    public static Object hit2(int methodId, Object self, Object arg0, Object arg1) {
        try {
            return handler.hit2(methodId, self, arg0, arg1);
        } catch (Throwable notAHit) {
            return null;
        }
    }

    /** {@link #hit0} of a method of three arguments. */
    @DontInline
    public static Object hit3(int methodId, Object self, Object arg0, Object arg1, Object arg2) {
        try {
            return handler.hit3(methodId, self, arg0, arg1, arg2);
        } catch (Throwable notAHit) {
            return null;
        }
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
