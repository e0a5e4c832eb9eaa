package io.autobot.optimizer.agent.instrument;

import io.autobot.optimizer.bootstrap.Dispatcher;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * Inlined into every instrumented method that returns a value. It may only use classes every
 * class loader can see: JDK types and the bootstrap {@link Dispatcher}. No fields or methods are
 * added (the argument array is kept in a local variable of the method's own frame), so the same
 * advice works for retransformation and attach.
 */
final class ValueAdvice {

    private ValueAdvice() {
    }

    /** Returns null to run the body, or the value to return instead (skipping the body). */
    @Advice.OnMethodEnter(skipOn = Advice.OnNonDefaultValue.class)
    static Object enter(@MethodId int id, @Advice.Origin Class<?> type, @Advice.This(optional = true) Object self,
            @Advice.AllArguments Object[] args, @Advice.Local("autobotFrame") Object[] frame) throws Throwable {
        frame = args; // read once: each read of the arguments would build another array
        return Dispatcher.enter(id, type, self, frame);
    }

    /**
     * When the body was skipped, returns what the agent provided; when it ran, tells the agent how
     * it ended (a cache miss whose body ran here stores its result). What the body returned or
     * threw reaches the caller unchanged: the thrown value is read only, and a failure of the
     * agent's call here is dropped, even one of the call itself (a stack that ends just here). The
     * arguments are not backed up for it (it does not read them): fewer locals in the host's frame.
     */
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
