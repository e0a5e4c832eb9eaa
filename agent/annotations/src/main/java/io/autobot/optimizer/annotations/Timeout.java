package io.autobot.optimizer.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Bounds the time of a call. On expiry the running body is interrupted and the caller gets a
 * {@code io.autobot.optimizer.api.OperationTimeoutException} (a {@link RuntimeException}). The body
 * runs on the caller's own thread: one that never checks for interruption runs to its end, and
 * its result is then dropped for the exception.
 *
 * <p>The limit is fixed ({@link #value()}), or adaptive: a high percentile of the method's
 * observed latency times a factor, kept between {@link #min()} and {@link #value()}. Without the
 * agent this annotation does nothing.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Timeout {

    /**
     * The limit ({@code 120s}, {@code 500ms}, {@code PT2M}); for an adaptive timeout, its upper
     * bound. Empty means the operation profile's {@code timeout}.
     */
    String value() default "";

    /** Derive the limit from the observed latency instead of using {@link #value()} as it is. */
    boolean adaptive() default false;

    /** The lower bound of an adaptive limit. */
    String min() default "100ms";
}
