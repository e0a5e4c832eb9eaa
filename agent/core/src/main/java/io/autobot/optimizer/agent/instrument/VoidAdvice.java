package io.autobot.optimizer.agent.instrument;

import io.autobot.optimizer.bootstrap.Dispatcher;
import net.bytebuddy.asm.Advice;

/** Inlined into every instrumented void method; see {@link ValueAdvice}. */
final class VoidAdvice {

    private VoidAdvice() {
    }

    /** Returns null to run the body, anything else to skip it (the agent already ran it). */
    @Advice.OnMethodEnter(skipOn = Advice.OnNonDefaultValue.class)
    static Object enter(@MethodId int id, @Advice.Origin Class<?> type, @Advice.This(optional = true) Object self,
            @Advice.AllArguments Object[] args) throws Throwable {
        return Dispatcher.enter(id, type, self, args);
    }
}
