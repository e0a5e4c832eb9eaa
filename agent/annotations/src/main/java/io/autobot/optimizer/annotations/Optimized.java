package io.autobot.optimizer.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Applies what the named operation's profile and the current optimization level enable.
 *
 * <p>The built-in profiles are {@code component_analysis}, {@code pattern_validation},
 * {@code api_validation}, {@code search} and {@code multi_layer_validation}; each sets a cache TTL,
 * a parallel threshold, a maximum cached result size, a batch size and a timeout (see
 * {@code docs/configuration.md}). Any other name is a custom operation that starts from the
 * defaults and can be tuned from the configuration file ({@code profile.<name>.<key>=...}).
 *
 * <p>Without the agent this annotation does nothing.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Optimized {

    /** The operation profile to apply; also the name under which the agent reports the method. */
    String operation() default "";
}
