package io.autobot.optimizer.agent.policy.ratelimit;

/**
 * What a rate-limited call takes its permits from: a limiter of this JVM ({@link RateLimiter}) or
 * the fleet's shared one ({@link FleetRateLimiter}).
 */
interface Limiter {

    String name();

    /** Permits per second; zero when unlimited. */
    double rate();

    /** Changes the rate (zero: unlimited); it applies to the next permit. */
    void rate(double permitsPerSecond);

    /**
     * Takes a permit, waiting for it at most {@code maxWaitNanos}.
     *
     * @return false when no permit could be had within that time
     * @throws InterruptedException when interrupted while waiting
     */
    boolean tryAcquire(long maxWaitNanos) throws InterruptedException;
}
