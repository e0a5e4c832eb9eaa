package io.autobot.optimizer.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Coalesces concurrent single calls of a one-argument method into one call of the batch method
 * {@link #via()} in the same class, which takes a {@code List} of the single arguments and returns
 * a {@code List} of results in the same order.
 *
 * <p>A batch is sent when {@link #size()} calls wait or {@link #maxWait()} has passed since the
 * first of them, or, once learnt, when as many calls wait as came within the wait time lately.
 * Each caller gets its own result or its own exception. With {@code BATCH_PROCESSING=false} every
 * call runs on its own; so it does after 4 batches of one call in a row, but for a batch opened
 * now and then to learn whether calls come together again. Without the agent this annotation does
 * nothing.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Batched {

    /**
     * The batch method's name: declared in the same class, one {@code List} (or {@code Collection},
     * {@code Iterable}) parameter, returns a {@code List} with one element per argument (an element
     * that is an exception is thrown to that caller alone); static if this method is static.
     */
    String via();

    /**
     * Calls per batch; zero means the operation profile's {@code batch_size}, else
     * {@code BATCH_SIZE}. A negative size is rejected.
     */
    int size() default 0;

    /** The longest a call waits for its batch to fill; empty means {@code MAX_BATCH_WAIT_TIME}. */
    String maxWait() default "";
}
