package io.autobot.optimizer.agent.policy.ratelimit;

import io.autobot.optimizer.agent.config.Durations;
import io.autobot.optimizer.agent.config.Setting;
import io.autobot.optimizer.agent.redis.RedisLink;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A limit the whole fleet shares: each permit is reserved in the fleet's bucket in Redis
 * ({@link FleetBucket}, one round trip) and then waited for on the caller's thread. A caller that
 * may be more than half an interval late for its permit (counting the round trip, as long as the
 * round trip alone takes less than that) lets it go and reserves another, so a stalled thread or a
 * slow answer cannot add a permit to a later second (the granted rate falls below the limit rather
 * than bursting above it, as with {@link RateLimiter}).
 *
 * <p>When Redis does not answer within the link's latency bound (down, slow, refusing the
 * password), the permit comes from a local limiter at this JVM's share of the limit: the limit
 * divided by the fleet size last seen (the agents that took permits of the limit in the last 10 s;
 * 1 when Redis never answered). The next call that Redis answers in time is back on the fleet's
 * bucket: the link reconnects with backoff on its own.
 */
final class FleetRateLimiter implements Limiter {

    private static final Logger LOG = LoggerFactory.getLogger("io.autobot.optimizer");
    /** How long the first permits of a JVM wait for its first connection to Redis. */
    private static final Duration FIRST_CONNECT = Duration.ofSeconds(2);
    private static final AtomicBoolean WARNED_SLOW = new AtomicBoolean();

    private final String name;
    private final FleetBucket bucket;
    private final RateLimiter share;
    private final AtomicBoolean onShare = new AtomicBoolean();
    private final AtomicBoolean toldShare = new AtomicBoolean();
    private volatile double rate;
    private volatile long intervalNanos;
    private volatile List<String> keys;
    private volatile int fleet = 1;

    FleetRateLimiter(String name, double permitsPerSecond, FleetBucket bucket) {
        this.name = name;
        this.bucket = bucket;
        this.share = new RateLimiter(name, permitsPerSecond);
        apply(permitsPerSecond);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public double rate() {
        return rate;
    }

    @Override
    public synchronized void rate(double permitsPerSecond) {
        if (permitsPerSecond != rate) {
            apply(permitsPerSecond);
        }
    }

    private void apply(double permitsPerSecond) {
        share.rate(permitsPerSecond / fleet); // checks the rate
        rate = permitsPerSecond;
        intervalNanos = permitsPerSecond == 0 ? 0 : Math.max(1_000, Math.round(1e9 / permitsPerSecond));
        keys = FleetBucket.keys(name, permitsPerSecond);
    }

    /** The fleet size last seen; 1 until Redis answered. */
    int fleet() {
        return fleet;
    }

    /** Whether permits come from this JVM's share now, Redis not answering. */
    boolean onShare() {
        return onShare.get();
    }

    /** The rate of this JVM's share. */
    double shareRate() {
        return share.rate();
    }

    @Override
    public boolean tryAcquire(long maxWaitNanos) throws InterruptedException {
        long interval = intervalNanos;
        if (interval == 0) {
            return true;
        }
        bucket.link().awaitFirstAttempt(FIRST_CONNECT);
        long deadline = System.nanoTime() + maxWaitNanos;
        long slack = interval / 2;
        for (;;) {
            long asked = System.nanoTime();
            long left = Math.max(0, deadline - asked);
            FleetBucket.Reservation reservation = bucket.reserve(keys, interval / 1_000, left / 1_000);
            if (reservation == null) {
                return fromShare(left);
            }
            long answered = System.nanoTime();
            backOnFleet(reservation.fleet());
            if (!reservation.granted()) {
                return false;
            }
            // on this JVM's clock the permit is due between asked + wait and answered + wait: wait for the
            // later, judge lateness from the earlier (unless the round trip alone took longer than the slack)
            long wait = reservation.waitMicros() * 1_000;
            if (waitFor(answered + wait, answered - asked <= slack ? asked + wait : answered + wait, slack)) {
                return true;
            }
        }
    }

    /**
     * Parks until the permit is due.
     *
     * @return whether the caller woke at most {@code slackNanos} after {@code judgedFrom} (else the
     *     permit is let go)
     */
    private boolean waitFor(long due, long judgedFrom, long slackNanos) throws InterruptedException {
        for (long now = System.nanoTime(); due - now > 0; now = System.nanoTime()) {
            LockSupport.parkNanos(this, due - now);
            if (Thread.interrupted()) {
                throw new InterruptedException("interrupted while waiting for a permit of " + this);
            }
        }
        return System.nanoTime() - judgedFrom <= slackNanos;
    }

    /** A permit of this JVM's share, Redis not having answered in time. */
    private boolean fromShare(long maxWaitNanos) throws InterruptedException {
        int seen = fleet;
        share.rate(rate / seen);
        if (onShare.compareAndSet(false, true)) {
            String what = name + "' takes permits from this JVM's share of its limit, "
                    + format(rate / seen) + "/s (" + format(rate) + "/s over " + jvms(seen) + " last seen)";
            if (bucket.link().up() && WARNED_SLOW.compareAndSet(false, true)) {
                RedisLink.warnOnce("Redis at {} did not answer within AUTOBOT_REDIS_TIMEOUT ({}): fleet rate limiter"
                        + " '{}, while Redis answers late", bucket.link().url(),
                        Durations.format(bucket.link().bound()), what);
            } else if (toldShare.compareAndSet(false, true)) {
                LOG.info("fleet rate limiter '{} until Redis answers again", what);
            } else {
                LOG.debug("fleet rate limiter '{} until Redis answers again", what);
            }
        }
        return share.tryAcquire(maxWaitNanos);
    }

    private void backOnFleet(int seen) {
        fleet = seen;
        if (onShare.compareAndSet(true, false)) {
            LOG.info("fleet rate limiter '{}' is back on the fleet's limit of {}/s ({} seen)", name, format(rate),
                    jvms(seen));
        }
    }

    private static String jvms(int count) {
        return count + (count == 1 ? " JVM" : " JVMs");
    }

    private static String format(double rate) {
        return Setting.MAX_REQUESTS_PER_SECOND.format(rate);
    }

    @Override
    public String toString() {
        return "fleet rate limiter '" + name + "' (" + (rate == 0 ? "unlimited" : format(rate) + "/s") + ")";
    }
}
