package io.autobot.optimizer.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Memoizes the method by its call.
 *
 * <p>The key is the method, the receiver of an instance method (unless {@link #scope()} leaves it
 * out) and the arguments, compared by exact runtime class and value ({@code equals}; arrays by
 * content; the JDK's collections element by element in their iteration order); two methods never
 * share entries. A call with an argument that has no value semantics (identity {@code equals} on
 * an object with state: a {@code StringBuilder}, an iterator) runs uncached unless
 * {@link #identityKeys()}. The receiver counts by its own {@code equals} (identity for most
 * objects, value for records, the constant for enums), except that a receiver whose class has no
 * instance fields (a stateless service object) counts by its class only, so that instances made per
 * call share entries. Array and collection arguments are copied before the body runs, so a body
 * that changes its array has its result stored under the array as passed. A result that is one of
 * the arguments is answered as the caller's own argument; returned arrays and the JDK's mutable
 * collections are served as copies unless {@link #storeByValue()} is false. Concurrent callers of one key run the body once and all receive its result or
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

    /**
     * What the result depends on. {@link Scope#INSTANCE} (the default): the receiver of an
     * instance method is part of the key, as described above. {@link Scope#ARGUMENTS}: the result
     * depends on the arguments only, never on which instance runs the method (what Spring's and
     * JCache's keys assume); the receiver is left out of the key, so every instance shares
     * entries and the calls can be stored on disk whatever the receiver holds.
     */
    Scope scope() default Scope.INSTANCE;

    /**
     * Key arguments without value semantics (a class whose {@code equals} is identity and that
     * has state: a {@code StringBuilder}, an iterator, an application class without
     * {@code equals}) by identity. By default such a call runs as the plain method, uncached,
     * since the same object may hold other content at the next call.
     */
    boolean identityKeys() default false;

    /**
     * Store and serve arrays and the JDK's mutable collections as copies (the default, as JCache
     * does), so that a caller that changes its result cannot change what the next caller gets.
     * {@code false} serves the stored object itself, for callers that never change what they get.
     */
    boolean storeByValue() default true;

    /**
     * The fraction of hits on which the body is run again and its result compared with the
     * stored one ({@code "0.01"} or {@code "1%"}); empty means the {@code verify} setting. A
     * difference stops caching the method for the rest of the run.
     */
    String verify() default "";

    /** What a cached method's result depends on. */
    enum Scope {
        /** The receiver and the arguments. */
        INSTANCE,
        /** The arguments only: the receiver is left out of the key. */
        ARGUMENTS
    }
}
