package io.autobot.optimizer.agent.discovery;

import io.autobot.optimizer.bootstrap.Probe;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * The temporary advice inlined into an observed method: it hands the arguments to {@link Probe}
 * before the body and the outcome after it, and changes nothing (the return value is read only, a
 * throwable is rethrown as it was). JDK types and the bootstrap {@link Probe} only; no field or
 * method is added, so it is retransformation-safe and removed by retransforming without it.
 *
 * <p>Inlined advice builds the argument array (boxing primitives) where the code reads it, so it is
 * read only for a call {@link Probe#observes} picks: the others allocate nothing.
 */
final class ObserveAdvice {

    private ObserveAdvice() {
    }

    @Advice.OnMethodEnter
    static Object enter(@ProbeId int id, @Advice.This(optional = true) Object self,
            @Advice.AllArguments Object[] args) {
        return Probe.observes(id) ? Probe.enter(id, self, args) : null;
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, backupArguments = false)
    static void exit(@ProbeId int id, @Advice.Enter Object token,
            @Advice.Return(typing = Assigner.Typing.DYNAMIC) Object returned, @Advice.Thrown Throwable thrown) {
        if (token != null) {
            Probe.exit(id, token, returned, thrown);
        }
    }
}
