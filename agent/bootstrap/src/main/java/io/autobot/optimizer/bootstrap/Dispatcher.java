package io.autobot.optimizer.bootstrap;

/**
 * The static facade that instrumented methods call. It forwards to a {@link CallHandler} that
 * the agent installs at start-up; the default is {@link CallHandler#NOOP}, so an instrumented
 * method whose agent was stopped (detached) simply runs its body.
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
    public static Object enter(int methodId, Class<?> declaringType, Object self, Object[] args)
            throws Throwable {
        return handler.enter(methodId, declaringType, self, args);
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
