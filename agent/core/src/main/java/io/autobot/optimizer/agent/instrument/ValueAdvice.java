package io.autobot.optimizer.agent.instrument;

import io.autobot.optimizer.bootstrap.Dispatcher;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * Inlined into every instrumented method that returns a value. It may only use classes every
 * class loader can see: JDK types and the bootstrap {@link Dispatcher}. No fields or methods are
 * added, so the same advice works for retransformation and attach.
 */
final class ValueAdvice {

    private ValueAdvice() {
    }

    /** Returns null to run the body, or the value to return instead (skipping the body). */
    @Advice.OnMethodEnter(skipOn = Advice.OnNonDefaultValue.class)
    static Object enter(@MethodId int id, @Advice.Origin Class<?> type, @Advice.This(optional = true) Object self,
            @Advice.AllArguments Object[] args) throws Throwable {
        return Dispatcher.enter(id, type, self, args);
    }

    /** When the body was skipped, returns what the agent provided. */
    @Advice.OnMethodExit
    static void exit(@Advice.Enter Object provided,
            @Advice.Return(readOnly = false, typing = Assigner.Typing.DYNAMIC) Object returned) {
        if (provided != null) {
            returned = Dispatcher.unwrap(provided);
        }
    }
}
