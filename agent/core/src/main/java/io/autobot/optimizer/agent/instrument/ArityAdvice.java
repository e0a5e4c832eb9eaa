package io.autobot.optimizer.agent.instrument;

import io.autobot.optimizer.bootstrap.Dispatcher;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * The advice of a method that returns a value and takes at most {@link #MAX_ARITY} arguments: its
 * arguments are handed to the bridge one by one ({@code Dispatcher.hit0} to {@code hit3}), so a
 * cache hit builds no argument array. Anything but a plain hit (a miss, a bypass, a hit to verify)
 * makes the array there and then and goes the way of {@link ValueAdvice}, whose exit part each
 * class here repeats (advice is inlined: it cannot call a method of the agent's). The exit never
 * reads the parameters back, since the body may have reassigned them: it gets the array the
 * entry built.
 */
final class ArityAdvice {

    /** The most arguments a method may take to get an advice of its arity. */
    static final int MAX_ARITY = 3;

    private static final Class<?>[] BY_ARITY = {Zero.class, One.class, Two.class, Three.class};
    private static final boolean BRIDGE_HAS_HITS = bridgeHasHits();

    private ArityAdvice() {
    }

    /**
     * The advice for a method of {@code arity} arguments, or null when there is none: too many
     * arguments, or a bridge in the boot loader from an agent built before the hit probes (an
     * earlier attach of an older jar), which the advice could not call.
     */
    static Class<?> forArity(int arity) {
        return BRIDGE_HAS_HITS && arity <= MAX_ARITY ? BY_ARITY[arity] : null;
    }

    private static boolean bridgeHasHits() {
        try {
            Dispatcher.class.getMethod("hit0", int.class, Object.class);
            Dispatcher.class.getMethod("hit3", int.class, Object.class, Object.class, Object.class, Object.class);
            return true;
        } catch (NoSuchMethodException | SecurityException | LinkageError older) {
            return false;
        }
    }

    /** A method of no argument. */
    static final class Zero {

        private Zero() {
        }

        @Advice.OnMethodEnter(skipOn = Advice.OnNonDefaultValue.class)
        static Object enter(@MethodId int id, @Advice.Origin Class<?> type, @Advice.This(optional = true) Object self,
                @Advice.Local("autobotFrame") Object[] frame) throws Throwable {
            Object hit = Dispatcher.hit0(id, self);
            if (hit != null) {
                return hit;
            }
            frame = new Object[0]; // a frame of its own: it tells this call from the thread's others
            return Dispatcher.enter(id, type, self, frame);
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, backupArguments = false)
        static void exit(@MethodId int id, @Advice.Enter Object provided, @Advice.Local("autobotFrame") Object[] frame,
                @Advice.Return(readOnly = false, typing = Assigner.Typing.DYNAMIC) Object returned,
                @Advice.Thrown Throwable thrown) {
            if (provided != null) {
                returned = Dispatcher.unwrap(provided);
            } else {
                try {
                    Dispatcher.exit(id, frame, returned, thrown);
                } catch (Throwable ignored) {
                    // never replace the body's outcome
                }
            }
        }
    }

    /** A method of one argument. */
    static final class One {

        private One() {
        }

        @Advice.OnMethodEnter(skipOn = Advice.OnNonDefaultValue.class)
        static Object enter(@MethodId int id, @Advice.Origin Class<?> type, @Advice.This(optional = true) Object self,
                @Advice.Argument(value = 0, typing = Assigner.Typing.DYNAMIC) Object arg0,
                @Advice.Local("autobotFrame") Object[] frame) throws Throwable {
            Object hit = Dispatcher.hit1(id, self, arg0);
            if (hit != null) {
                return hit;
            }
            frame = new Object[] {arg0};
            return Dispatcher.enter(id, type, self, frame);
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, backupArguments = false)
        static void exit(@MethodId int id, @Advice.Enter Object provided, @Advice.Local("autobotFrame") Object[] frame,
                @Advice.Return(readOnly = false, typing = Assigner.Typing.DYNAMIC) Object returned,
                @Advice.Thrown Throwable thrown) {
            if (provided != null) {
                returned = Dispatcher.unwrap(provided);
            } else {
                try {
                    Dispatcher.exit(id, frame, returned, thrown);
                } catch (Throwable ignored) {
                    // never replace the body's outcome
                }
            }
        }
    }

    /** A method of two arguments. */
    static final class Two {

        private Two() {
        }

        @Advice.OnMethodEnter(skipOn = Advice.OnNonDefaultValue.class)
        static Object enter(@MethodId int id, @Advice.Origin Class<?> type, @Advice.This(optional = true) Object self,
                @Advice.Argument(value = 0, typing = Assigner.Typing.DYNAMIC) Object arg0,
                @Advice.Argument(value = 1, typing = Assigner.Typing.DYNAMIC) Object arg1,
                @Advice.Local("autobotFrame") Object[] frame) throws Throwable {
            Object hit = Dispatcher.hit2(id, self, arg0, arg1);
            if (hit != null) {
                return hit;
            }
            frame = new Object[] {arg0, arg1};
            return Dispatcher.enter(id, type, self, frame);
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, backupArguments = false)
        static void exit(@MethodId int id, @Advice.Enter Object provided, @Advice.Local("autobotFrame") Object[] frame,
                @Advice.Return(readOnly = false, typing = Assigner.Typing.DYNAMIC) Object returned,
                @Advice.Thrown Throwable thrown) {
            if (provided != null) {
                returned = Dispatcher.unwrap(provided);
            } else {
                try {
                    Dispatcher.exit(id, frame, returned, thrown);
                } catch (Throwable ignored) {
                    // never replace the body's outcome
                }
            }
        }
    }

    /** A method of three arguments. */
    static final class Three {

        private Three() {
        }

        @Advice.OnMethodEnter(skipOn = Advice.OnNonDefaultValue.class)
        static Object enter(@MethodId int id, @Advice.Origin Class<?> type, @Advice.This(optional = true) Object self,
                @Advice.Argument(value = 0, typing = Assigner.Typing.DYNAMIC) Object arg0,
                @Advice.Argument(value = 1, typing = Assigner.Typing.DYNAMIC) Object arg1,
                @Advice.Argument(value = 2, typing = Assigner.Typing.DYNAMIC) Object arg2,
                @Advice.Local("autobotFrame") Object[] frame) throws Throwable {
            Object hit = Dispatcher.hit3(id, self, arg0, arg1, arg2);
            if (hit != null) {
                return hit;
            }
            frame = new Object[] {arg0, arg1, arg2};
            return Dispatcher.enter(id, type, self, frame);
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, backupArguments = false)
        static void exit(@MethodId int id, @Advice.Enter Object provided, @Advice.Local("autobotFrame") Object[] frame,
                @Advice.Return(readOnly = false, typing = Assigner.Typing.DYNAMIC) Object returned,
                @Advice.Thrown Throwable thrown) {
            if (provided != null) {
                returned = Dispatcher.unwrap(provided);
            } else {
                try {
                    Dispatcher.exit(id, frame, returned, thrown);
                } catch (Throwable ignored) {
                    // never replace the body's outcome
                }
            }
        }
    }
}
