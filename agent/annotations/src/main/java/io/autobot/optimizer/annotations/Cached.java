package io.autobot.optimizer.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Memoizes the method by its call.
 *
 * <p>The key is the method, the receiver of an instance method and the arguments, compared by
 * value ({@code equals}/{@code hashCode}; arrays by content and by class, so an {@code Integer[]}
 * and an {@code Object[]} are different arguments); two methods never share entries. The receiver
 * counts by its own {@code equals} (identity for most objects, value for records, the constant for
 * enums), except that a receiver whose class has no instance fields (a stateless service object)
 * counts by its class only, so that instances made per call share entries. Array arguments are
 * copied before the body runs, so a body that changes its array has its result stored under the
 * array as passed. Concurrent callers of one key run the body once and all receive its result or
 * its exception; a caller that is interrupted while it waits, or that waits longer than the
 * method usually takes (at least a second), runs the body itself. Exceptions are never cached;
 * {@code null} results are. Arguments used as keys must not be mutated after the call, as with
 * any memo.
 *
 * <p>Without the agent this annotation does nothing.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Cached {

    /**
     * How long an entry lives after it was computed: {@code 500ms}, {@code 30s}, {@code 2h},
     * {@code 1d} or ISO-8601 ({@code PT2H}). Empty means the operation profile's {@code cache_ttl}
     * (one hour when the method has no {@link Optimized} operation).
     */
    String ttl() default "";
}
