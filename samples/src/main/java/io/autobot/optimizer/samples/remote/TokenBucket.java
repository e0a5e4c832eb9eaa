package io.autobot.optimizer.samples.remote;

/** The registry's rate limit: a token bucket refilled continuously, shared by every client. */
public final class TokenBucket {

    private final double perSecond;
    private final double capacity;
    private double tokens;
    private long refilledAt = System.nanoTime();

    public TokenBucket(double perSecond, int capacity) {
        this.perSecond = perSecond;
        this.capacity = capacity;
        this.tokens = capacity;
    }

    /** Takes a token: 0 when one was free, else how many milliseconds until the next one. */
    public synchronized long tryAcquire() {
        long now = System.nanoTime();
        tokens = Math.min(capacity, tokens + (now - refilledAt) / 1e9 * perSecond);
        refilledAt = now;
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return Math.max(1, (long) Math.ceil((1 - tokens) / perSecond * 1000));
    }
}
