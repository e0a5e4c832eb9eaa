package io.autobot.optimizer.bootstrap;

/**
 * What the advice inlined into an instrumented method calls. Implemented by the agent's engine;
 * JDK types only, because this interface lives on the bootstrap class path.
 */
public interface CallHandler {

    /** Runs every method's body as it is. */
    CallHandler NOOP = (methodId, declaringType, self, args) -> null;

    /**
     * Called on entry to an instrumented method.
     *
     * @param methodId the constant the agent gave the method when it instrumented it
     * @param declaringType the class that declares the method
     * @param self the receiver, or {@code null} for a static method
     * @param args the arguments
     * @return {@code null} to run the method's body, or the value to return instead
     *     ({@link Dispatcher#NULL} stands for {@code null}); a throwable thrown here is what the
     *     body threw and reaches the caller as it is
     */
    Object enter(int methodId, Class<?> declaringType, Object self, Object[] args) throws Throwable;

    /**
     * Called on entry to a method of no argument instrumented with the arity-specialised advice,
     * before {@link #enter}: a cache hit answered without an argument array.
     *
     * @return the stored value ({@link Dispatcher#NULL} for null), or {@code null} when the call is
     *     anything but a plain hit (a miss, a bypass, a hit to verify, a failure): the advice then
     *     calls {@link #enter}, which does everything as if this had not been asked. It must not
     *     count a miss or change anything when it returns {@code null}.
     */
    default Object hit0(int methodId, Object self) {
        return null;
    }

    /** {@link #hit0} of a method of one argument (a primitive boxed). */
    default Object hit1(int methodId, Object self, Object arg0) {
        return null;
    }

    /** {@link #hit0} of a method of two arguments. */
    default Object hit2(int methodId, Object self, Object arg0, Object arg1) {
        return null;
    }

    /** {@link #hit0} of a method of three arguments. */
    default Object hit3(int methodId, Object self, Object arg0, Object arg1, Object arg2) {
        return null;
    }

    /**
     * Called when the body of a method that returns a value ended, on the thread that ran it, when
     * {@link #enter} had returned {@code null} for that call (so the body ran in the method's own
     * frame). The handler finishes what it began for the call, if anything (a cache miss stores the
     * result). It must not throw; the body's result or throwable reaches the caller unchanged.
     *
     * @param methodId the constant the agent gave the method
     * @param frame the very argument array {@link #enter} got for this call: it tells this call from
     *     any other call of the method on the thread
     * @param returned what the body returned (boxed), or null when it threw
     * @param thrown what the body threw, or null when it returned
     */
    default void exit(int methodId, Object[] frame, Object returned, Throwable thrown) {
    }
}
