package io.autobot.optimizer.agent.engine;

import io.autobot.optimizer.agent.call.CallerFailure;
import io.autobot.optimizer.agent.call.Invocation;

/**
 * Runs a method's own body for the policies: it sets the one-shot bypass for the method on this
 * thread ({@link CallState}) and calls the method again, so the enter advice lets the body run.
 */
public final class BodyRunner implements Invocation.Body {

    /** The one runner; it keeps no state of its own. */
    public static final BodyRunner INSTANCE = new BodyRunner();

    private BodyRunner() {
    }

    @Override
    public Object run(Invocation call, Object[] arguments) throws CallerFailure {
        int id = call.method().id();
        CallState state = CallState.current();
        state.bypass(id);
        Object result;
        try {
            result = OriginalInvoker.invoke(call.method(), call.declaringType(), call.self(), arguments);
        } catch (Throwable thrown) {
            if (state.clearBypass(id)) {
                throw new IllegalStateException("could not invoke " + call.method().qualifiedName(), thrown);
            }
            throw new CallerFailure(thrown);
        }
        state.clearBypass(id);
        return result;
    }

    @Override
    public void prepare(Invocation call) throws ReflectiveOperationException {
        OriginalInvoker.handle(call.method(), call.declaringType());
    }
}
