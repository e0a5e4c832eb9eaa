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
 *
 * <p>Beside the handler, the bridge holds a table of {@link HitHandle}s by method id: a method whose
 * plain hit needs nothing but the call has one ({@link #publishHit}), and {@link #hit1} asks it
 * first, so such a hit reaches what it reads without the agent's own table. The table belongs to
 * the handler installed: {@link #install} and {@link #reset} empty it, and only the installed
 * handler may publish into it, so a detached agent leaves no handle behind.
 */
public final class Dispatcher {

    /** Stands for a {@code null} result that was taken from the cache. */
    public static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "autobot:null";
        }
    };

    private static final HitHandle[] NO_HANDLES = new HitHandle[0];
    /** Guards the writes of {@link #handler} and {@link #hitHandles}; a call reads both without it. */
    private static final Object LOCK = new Object();

    private static volatile CallHandler handler = CallHandler.NOOP;
    /**
     * The methods' hit handles by id. Written under {@link #LOCK} only: a handle is stored in place
     * (a handle's fields are final, so a call that reads the slot unordered still sees a whole one)
     * and the field written again, so that a call that reads it afterwards sees the slot's new value.
     */
    private static volatile HitHandle[] hitHandles = NO_HANDLES;

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

    /**
     * {@link #hit0} of a method of one argument: the method's {@link HitHandle}, if it has one, is
     * asked first; what it does not answer the handler decides.
     */
    @DontInline
    public static Object hit1(int methodId, Object self, Object arg0) {
        try {
            HitHandle[] handles = hitHandles;
            if (methodId >= 0 && methodId < handles.length) {
                HitHandle handle = handles[methodId];
                if (handle != null) {
                    Object hit = handle.hit(self, arg0);
                    if (hit != null) {
                        return hit;
                    }
                }
            }
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

    /** Installs the agent's handler, with no hit handle yet: the handler publishes its own. */
    public static void install(CallHandler newHandler) {
        synchronized (LOCK) {
            hitHandles = NO_HANDLES;
            handler = newHandler == null ? CallHandler.NOOP : newHandler;
        }
    }

    /** Puts the no-op handler back and drops every hit handle: every instrumented method runs its body again. */
    public static void reset() {
        synchronized (LOCK) {
            hitHandles = NO_HANDLES;
            handler = CallHandler.NOOP;
        }
    }

    /**
     * Publishes the hit handle of a method, or takes it away ({@code handle} null), on behalf of
     * the handler installed: a call from any other (one detached meanwhile) changes nothing.
     *
     * @param owner the handler the handle answers for
     * @return whether the table now holds {@code handle} for the method
     */
    public static boolean publishHit(CallHandler owner, int methodId, HitHandle handle) {
        if (methodId < 0) {
            return false;
        }
        synchronized (LOCK) {
            if (owner == null || owner != handler) {
                return false;
            }
            HitHandle[] table = hitHandles;
            if (methodId >= table.length) {
                if (handle == null) {
                    return true;
                }
                HitHandle[] grown = new HitHandle[Math.max(methodId + 1, Math.max(16, table.length * 2))];
                System.arraycopy(table, 0, grown, 0, table.length);
                table = grown;
            }
            table[methodId] = handle;
            hitHandles = table;
            return true;
        }
    }

    /** The hit handle published for the method, or null. */
    public static HitHandle hitHandle(int methodId) {
        HitHandle[] handles = hitHandles;
        return methodId >= 0 && methodId < handles.length ? handles[methodId] : null;
    }

    /** The handler currently installed. */
    public static CallHandler handler() {
        return handler;
    }
}
