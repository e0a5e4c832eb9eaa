package io.autobot.optimizer.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Splits the method's list, collection or array argument into chunks that run on the agent's
 * worker pool, and merges the chunk results back in the original order into a result of the class
 * the body returns (lists are concatenated, maps and sets united; {@code void} methods just wait
 * for all chunks). The first call that could be split runs whole, to learn that class; a method
 * whose results no merge can rebuild (a collection class of its own, a lambda) is never split.
 *
 * <p>Only for element-wise methods: what the method returns for, or does to, each element depends
 * on that element only, and it adds no element to its argument and removes none (element writes,
 * such as {@code a[i] = ...} or {@code list.set(i, ...)}, are copied back into the caller's
 * argument). The body must not depend on the calling thread: chunks that run on the agent's
 * workers do not see the caller's {@code ThreadLocal}s, security context or transaction. See
 * {@code docs/policies.md}.
 *
 * <p>When chunks throw, the caller gets the exception of the one that comes first in the argument's
 * order, unchanged, as a sequential run would throw it; chunks after it that have not started are
 * skipped, and no chunk is interrupted. With {@code OPTIMIZATION_PARALLEL=false} or level
 * {@code basic} the call runs sequentially on the caller's thread. Without the agent this annotation
 * does nothing.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Parallel {

    /**
     * The smallest argument size that is split; smaller calls run as they are. Zero means the
     * operation profile's {@code parallel_threshold}; a negative threshold is rejected.
     */
    int threshold() default 0;

    /** The name of the parameter to split; empty means the first list, collection or array. */
    String argument() default "";

    /**
     * Remove repeated elements from list and array results, keeping the first (result
     * de-duplication, docs/policies.md); applied to every call, split or not.
     */
    boolean distinct() default false;
}
