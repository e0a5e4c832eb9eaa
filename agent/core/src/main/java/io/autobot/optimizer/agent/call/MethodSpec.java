package io.autobot.optimizer.agent.call;

import java.util.List;

/**
 * What a method asks for, as read from its annotations or from a rule of the rules file. Raw
 * values only (strings, numbers); the engine turns them into policies and reports what is wrong.
 * A {@code null} component means the method does not ask for that policy.
 *
 * @param operation the {@code @Optimized} operation, or null
 * @param cached {@code @Cached}, or null
 * @param parallel {@code @Parallel}, or null
 * @param rateLimited {@code @RateLimited}, or null
 * @param batched {@code @Batched}, or null
 * @param timeout {@code @Timeout}, or null
 */
public record MethodSpec(String operation, Cached cached, Parallel parallel, RateLimited rateLimited,
        Batched batched, Timeout timeout) {

    /**
     * {@code @Cached(ttl, scope, identityKeys, storeByValue, verify)}.
     *
     * @param ttl the lifetime; empty means the profile's
     * @param scope {@code instance} (the receiver is part of the key) or {@code arguments} (the
     *     result depends on the arguments only: the receiver is left out)
     * @param identityKeys whether arguments without value semantics are keyed by identity rather
     *     than making the call run uncached
     * @param storeByValue whether arrays and the JDK's mutable collections are stored and served as copies
     * @param verify the fraction of hits whose body is run again and compared; empty means the
     *     {@code verify} setting
     */
    public record Cached(String ttl, String scope, boolean identityKeys, boolean storeByValue, String verify) {

        /** The scope that leaves the receiver out of the key. */
        public static final String ARGUMENTS = "arguments";
        /** The default scope: the receiver is part of the key. */
        public static final String INSTANCE = "instance";

        /** {@code @Cached(ttl)} with every other attribute at its default. */
        public Cached(String ttl) {
            this(ttl, INSTANCE, false, true, "");
        }

        /** Whether the receiver is left out of the key. */
        public boolean argumentsOnly() {
            return ARGUMENTS.equals(scope);
        }
    }

    /** {@code @Parallel(threshold, argument, distinct)}; threshold 0 means the profile's. */
    public record Parallel(int threshold, String argument, boolean distinct) {
    }

    /**
     * {@code @RateLimited}; retryOn holds class names.
     *
     * @param scope {@code local}, {@code fleet}, or empty for the {@code RATE_LIMIT_SCOPE} setting
     */
    public record RateLimited(double perSecond, String name, String maxWait, List<String> retryOn, int maxRetries,
            String backoff, String scope) {

        /** Held per JVM. */
        public static final String LOCAL = "local";
        /** Held by the fleet together, through Redis. */
        public static final String FLEET = "fleet";

        /** A declaration whose scope is the setting's. */
        public RateLimited(double perSecond, String name, String maxWait, List<String> retryOn, int maxRetries,
                String backoff) {
            this(perSecond, name, maxWait, retryOn, maxRetries, backoff, "");
        }
    }

    /**
     * {@code @Batched(via, size, maxWait)}.
     *
     * @param viaCandidates the methods named {@code via} that the declaring class declares, as the
     *     transformer saw them; null when not known (then the batch method is checked at first call)
     */
    public record Batched(String via, int size, String maxWait, List<MethodSignature> viaCandidates) {

        /** A declaration whose batch method is checked at first call. */
        public Batched(String via, int size, String maxWait) {
            this(via, size, maxWait, null);
        }
    }

    /** {@code @Timeout(value, adaptive, min)}. */
    public record Timeout(String value, boolean adaptive, String min) {
    }

    /** Whether the method is optimized through an operation profile. */
    public boolean optimized() {
        return operation != null;
    }

    /**
     * Whether the method's results are memoized: {@code @Cached}, or {@code @Optimized}, whose
     * operation profile caches (a void method has nothing to memoize, whatever this says).
     */
    public boolean memoized() {
        return cached != null || operation != null;
    }

    /** Whether anything is asked for at all. */
    public boolean isEmpty() {
        return operation == null && cached == null && parallel == null && rateLimited == null && batched == null
                && timeout == null;
    }
}
