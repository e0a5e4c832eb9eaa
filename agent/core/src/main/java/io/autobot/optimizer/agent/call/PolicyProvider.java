package io.autobot.optimizer.agent.call;


/**
 * Creates one kind of policy for the methods that ask for it. Providers are asked in the order
 * their policies wrap the body, outermost first, when a method is instrumented; they must not
 * load classes then (the transformer is running), only check the declaration's text.
 */
public interface PolicyProvider {

    /** The policy's name in reports and logs, such as {@code timeout}. */
    String name();

    /**
     * The policy for this method, or null when the method does not ask for it.
     *
     * @throws IllegalArgumentException when the declaration is wrong; the message says what is
     *     wrong and what is accepted, and the method then runs unoptimized
     */
    Policy create(MethodMeta method);
}
