package io.autobot.optimizer.agent.cache;

import io.autobot.optimizer.bootstrap.Dispatcher;

/**
 * A miss whose body is about to run, begun by {@link ResultCache#begin}: when the body returned,
 * {@link #returned} hands the result to the callers waiting for it, counts it and stores it; when
 * the body threw (or anything failed), {@link #abandon} lets the waiters run their own calls. One
 * of the two must follow, exactly once, on the thread that began it.
 */
public final class PendingLoad {

    private final ResultCache cache;
    private final CallKey key;
    private final Flight flight;
    private final LoadTerms terms;
    private final boolean counted;
    private final Object[] args;
    private CachingPolicy verifying;
    private Object expected;
    private final long startNanos = System.nanoTime();

    /**
     * @param key the detached key the result is stored under, or null when it is not stored
     * @param flight the flight this call owns (other callers wait for it), or null
     * @param counted whether the run counts as a miss of the method (not for a call that only
     *     stands in for one: an interrupted waiter's, a body's call of its own key)
     */
    PendingLoad(ResultCache cache, CallKey key, Flight flight, LoadTerms terms, boolean counted, Object[] args) {
        this.args = args;
        this.cache = cache;
        this.key = key;
        this.flight = flight;
        this.terms = terms;
        this.counted = counted;
    }

    private boolean byValue() {
        return key == null || Results.byValue(key.method());
    }

    /**
     * A run of the body on a hit, to verify it: when the body returns, its result is compared
     * with the stored one (see {@link CachingPolicy#check}); nothing is stored or shared.
     */
    static PendingLoad verification(CachingPolicy policy, Object stored, Object[] args, LoadTerms terms) {
        PendingLoad load = new PendingLoad(null, null, null, terms, false, args);
        load.verifying = policy;
        load.expected = stored;
        return load;
    }

    /** The body returned {@code result} (null for null): share, count and store it. */
    public void returned(Object result) {
        try {
            long nanos = System.nanoTime() - startNanos;
            Object stored = result == null ? Dispatcher.NULL
                    : key == null && flight == null ? result // neither shared nor stored
                    : Results.storable(result, args, byValue());
            if (verifying != null) {
                verifying.check(expected, result, args);
                return;
            }
            if (flight != null) {
                flight.succeed(stored);
            }
            if (counted) {
                terms.stats().recordMiss(nanos);
                if (flight == null || !flight.givenUp()) {
                    terms.stats().recordLoad(nanos); // a run a waiter gave up on may have waited for that waiter
                }
            }
            if (key != null) {
                cache.store(key, stored, terms, nanos);
            }
        } finally {
            release();
        }
    }

    /**
     * The body threw, or the call failed: nothing is stored, and the waiters run their own calls.
     * What the body threw is never shared: it may belong to this caller alone (its interrupt, its
     * timeout, its thread's state), and exceptions are not cached anyway.
     */
    public void abandon() {
        release();
    }

    private void release() {
        if (flight != null) {
            cache.release(key, flight);
        }
    }
}
