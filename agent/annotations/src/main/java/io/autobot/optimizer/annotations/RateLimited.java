package io.autobot.optimizer.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Admits at most {@link #perSecond()} calls per second, JVM-wide (or fleet-wide: {@link #scope()}),
 * for all methods that share the limiter {@link #name()}. Callers wait for a permit up to {@link #maxWait()}; past that they get
 * a {@code io.autobot.optimizer.api.RateLimitExceededException} (a {@link RuntimeException}).
 *
 * <p>Calls that throw one of {@link #retryOn()} are retried with exponential backoff and jitter,
 * up to {@link #maxRetries()} times. Without the agent this annotation does nothing.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RateLimited {

    /**
     * Permits per second; zero means {@code MAX_REQUESTS_PER_SECOND} (then {@code REQUEST_THROTTLING}
     * off means no limit). A negative rate is rejected.
     */
    double perSecond() default 0;

    /** The limiter's name; methods with the same name share one budget. Empty: the method's own. */
    String name() default "";

    /**
     * How long a caller may wait for a permit ({@code 5s} by default); a caller whose permit
     * cannot come within it fails at once.
     */
    String maxWait() default "5s";

    /** Exception types (and their subclasses) that are retried with exponential backoff. */
    Class<? extends Throwable>[] retryOn() default {};

    /** How many times a call is retried on {@link #retryOn()} exceptions. */
    int maxRetries() default 3;

    /** The first backoff delay; each retry doubles it, and waits between half of it and all of it. */
    String backoff() default "100ms";

    /**
     * Whether the limit holds in this JVM or for every JVM of the fleet together (through the
     * fleet's Redis, {@code AUTOBOT_REDIS_URL}). {@link Scope#DEFAULT}: as {@code RATE_LIMIT_SCOPE}
     * says ({@code local} unless set).
     */
    Scope scope() default Scope.DEFAULT;

    /** Where a limit holds. */
    enum Scope {
        /** As the {@code RATE_LIMIT_SCOPE} setting says. */
        DEFAULT,
        /** In this JVM: each JVM admits {@link #perSecond()} on its own. */
        LOCAL,
        /** For the whole fleet: the JVMs sharing the Redis admit {@link #perSecond()} together. */
        FLEET
    }
}
