package io.autobot.optimizer.agent.call;

/** The rest of a method's pipeline: the next policies, then the method's body. */
@FunctionalInterface
public interface Chain {

    Object call(Invocation invocation) throws Throwable;
}
