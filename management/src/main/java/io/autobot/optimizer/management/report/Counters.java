package io.autobot.optimizer.management.report;

import io.autobot.optimizer.agent.call.OperationStats;

/**
 * The counters of one method, one operation or every method, added up; the difference of two
 * readings gives the figures of the time between them.
 *
 * @param calls every call, cache hits included
 * @param fastHits hits answered before any policy ran (not timed)
 * @param hits every cache hit
 * @param misses cache misses (the body ran)
 * @param errors calls that threw to their caller
 * @param rateLimitErrors errors that said a rate limit was hit
 * @param callNanos time of the calls that were timed (all but the fast hits)
 * @param missNanos time the body took on cache misses
 * @param savedNanos time the fast hits saved, each valued at its own method's average miss: a
 *     sum of counters adds the methods' savings, never values one method's hits at another's cost
 * @param verified hits whose body was run again and gave the stored result
 * @param mismatches hits whose body was run again and gave another result
 * @param notCacheable calls that ran as the plain method because their key could not say what the method sees
 */
public record Counters(long calls, long fastHits, long hits, long misses, long errors, long rateLimitErrors,
        long callNanos, long missNanos, double savedNanos, long verified, long mismatches, long notCacheable) {

    public static final Counters ZERO = new Counters(0, 0, 0, 0, 0, 0, 0, 0);

    /** The counters of one method: its fast hits saved its own average miss each. */
    public Counters(long calls, long fastHits, long hits, long misses, long errors, long rateLimitErrors,
            long callNanos, long missNanos) {
        this(calls, fastHits, hits, misses, errors, rateLimitErrors, callNanos, missNanos,
                saved(fastHits, misses, missNanos), 0, 0, 0);
    }

    private static double saved(long fastHits, long misses, long missNanos) {
        return misses == 0 ? 0.0 : fastHits * (missNanos / (double) misses);
    }

    public static Counters of(OperationStats stats) {
        // slow calls before fast hits: a call racing the reading then counts at most once too few
        long slowCalls = stats.slowCalls();
        long fastHits = stats.fastHits();
        long misses = stats.misses();
        long missNanos = stats.missNanos();
        return new Counters(slowCalls + fastHits, fastHits, stats.hits(), misses, stats.errors(),
                stats.rateLimitErrors(), stats.callNanos(), missNanos, saved(fastHits, misses, missNanos),
                stats.verified(), stats.mismatches(), stats.notCacheable());
    }

    public Counters plus(Counters other) {
        return new Counters(calls + other.calls, fastHits + other.fastHits, hits + other.hits, misses + other.misses,
                errors + other.errors, rateLimitErrors + other.rateLimitErrors, callNanos + other.callNanos,
                missNanos + other.missNanos, savedNanos + other.savedNanos, verified + other.verified,
                mismatches + other.mismatches, notCacheable + other.notCacheable);
    }

    /** What happened since {@code earlier}; never negative (a reset in between counts from zero). */
    public Counters minus(Counters earlier) {
        if (calls < earlier.calls || hits < earlier.hits || misses < earlier.misses) {
            return this;
        }
        return new Counters(calls - earlier.calls, fastHits - earlier.fastHits, hits - earlier.hits,
                misses - earlier.misses, errors - earlier.errors, rateLimitErrors - earlier.rateLimitErrors,
                callNanos - earlier.callNanos, missNanos - earlier.missNanos,
                Math.max(0, savedNanos - earlier.savedNanos), verified - earlier.verified,
                mismatches - earlier.mismatches, notCacheable - earlier.notCacheable);
    }

    /** Cache lookups: hits and misses. */
    public long lookups() {
        return hits + misses;
    }

    /** Hits over lookups; 0 before the first lookup. */
    public double hitRate() {
        long lookups = lookups();
        return lookups == 0 ? 0.0 : hits / (double) lookups;
    }

    /** Average time of a call in seconds, with fast cache hits counted as taking no time. */
    public double averageSeconds() {
        return calls == 0 ? 0.0 : callNanos / 1e9 / calls;
    }

    /**
     * Time the cache saved, in seconds: each fast hit would have cost what a miss of its own
     * method costs on average; for several methods, the sum of theirs. Hits that waited for
     * another caller's computation are not counted.
     */
    public double savedSeconds() {
        return savedNanos / 1e9;
    }

    /**
     * The time saved against what the calls would have cost without the agent, in percent:
     * saved / (spent + saved).
     */
    public double effectivenessPercent() {
        double saved = savedSeconds();
        double total = callNanos / 1e9 + saved;
        return total <= 0 ? 0.0 : saved / total * 100;
    }
}
