package io.autobot.optimizer.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Memoizes the method by its arguments.
 *
 * <p>The key is the method plus its arguments compared by value ({@code equals}/{@code hashCode},
 * arrays by content); two methods never share entries. Concurrent callers of one key run the
 * body once and all receive its result or its exception. Exceptions are never cached; {@code null}
 * results are. Arguments used as keys must not be mutated after the call, as with any memo.
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
