package io.autobot.optimizer.agent.policy.ratelimit;

import io.autobot.optimizer.agent.call.MethodSpec;
import io.autobot.optimizer.agent.config.RuntimeSettings;
import io.autobot.optimizer.agent.config.Setting;
import io.autobot.optimizer.agent.redis.RedisLink;
import io.autobot.optimizer.protocol.settings.Catalogue;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JVM's rate limiters by name: every method that names the same limiter shares its budget.
 * A limiter runs at the lowest rate declared for it; one that no declaration gives a rate follows
 * {@code MAX_REQUESTS_PER_SECOND} while {@code REQUEST_THROTTLING} is on and is unlimited while it
 * is off, and a change of either applies at once. A limiter is the fleet's ({@link FleetRateLimiter})
 * when the first method that names it asks for the fleet scope and the fleet's Redis is set.
 */
final class RateLimiters {

    private static final Logger LOG = LoggerFactory.getLogger("io.autobot.optimizer");

    private final RuntimeSettings settings;
    private final FleetBucket bucket;
    private final Map<String, Entry> limiters = new ConcurrentHashMap<>();
    private boolean warnedNoRedis;

    /** A limiter and the rate declared for it, zero when it follows the settings. */
    private static final class Entry {
        final Limiter limiter;
        final boolean fleet;
        double declaredRate;
        /** Whether a {@code @RateLimited} method names this limiter (read on every throttled call). */
        volatile boolean declared;

        Entry(Limiter limiter, boolean fleet, double declaredRate) {
            this.limiter = limiter;
            this.fleet = fleet;
            this.declaredRate = declaredRate;
        }
    }

    /** Limiters of this JVM only. */
    RateLimiters(RuntimeSettings settings) {
        this(settings, null);
    }

    /**
     * @param link the fleet's Redis, or null when {@code AUTOBOT_REDIS_URL} is not set (then every
     *     limiter is this JVM's)
     */
    RateLimiters(RuntimeSettings settings, RedisLink link) {
        this.settings = settings;
        this.bucket = link == null ? null : new FleetBucket(link);
        settings.addListener((setting, oldValue, newValue) -> {
            if (setting == Setting.MAX_REQUESTS_PER_SECOND || setting == Setting.REQUEST_THROTTLING) {
                applyDefaultRate();
            }
        });
    }

    /** The rate of limiters without a declared rate: zero (unlimited) while throttling is off. */
    double defaultRate() {
        return settings.requestThrottling() ? settings.maxRequestsPerSecond() : 0;
    }

    /** Whether a declared scope ({@code local}, {@code fleet}, empty for the setting's) is the fleet's. */
    boolean fleetScope(String declaredScope) {
        String scope = declaredScope == null || declaredScope.isEmpty()
                ? settings.get(Setting.of(Catalogue.RATE_LIMIT_SCOPE, String.class)) : declaredScope;
        return MethodSpec.RateLimited.FLEET.equals(scope);
    }

    /**
     * The limiter a {@code @RateLimited} method names, created on first use.
     *
     * @param declaredRate the rate the declaration asks for, zero for the default
     * @param declaredBy the declaring method, for the warnings about conflicting declarations
     * @param fleet whether the declaration asks for the fleet's scope
     */
    synchronized Limiter declared(String name, double declaredRate, String declaredBy, boolean fleet) {
        Entry entry = entry(name, declaredRate, declaredBy, fleet);
        entry.declared = true;
        return entry.limiter;
    }

    /**
     * The limiter of a throttled operation, created on first use, and whether it takes permits now:
     * not while a {@code @RateLimited} method names the same limiter. That method is where the
     * operation's requests leave the JVM, so its permits are the operation's; the operation's
     * methods taking a permit of their own as well would count each request twice (or once per
     * batch of them, for a method that fans its work out).
     */
    synchronized Throttle throttle(String name, String declaredBy, boolean fleet) {
        Entry entry = entry(name, 0, declaredBy, fleet);
        return new Throttle(entry.limiter, () -> !entry.declared);
    }

    /** An operation's limiter, and whether it is the one taking the operation's permits now. */
    record Throttle(Limiter limiter, BooleanSupplier takesPermits) {
    }

    private Entry entry(String name, double declaredRate, String declaredBy, boolean fleet) {
        Entry entry = limiters.get(name);
        if (entry == null) {
            entry = create(name, declaredRate > 0 ? declaredRate : defaultRate(), declaredBy, fleet, declaredRate);
            limiters.put(name, entry);
        } else if (fleet != entry.fleet && bucket != null) {
            LOG.warn("rate limiter '{}' is declared {} by {}, but another method declared it {} first; it stays {}",
                    name, scope(fleet), declaredBy, scope(entry.fleet), scope(entry.fleet));
        }
        if (declaredRate > 0 && declaredRate != entry.declaredRate) {
            if (entry.declaredRate > 0) {
                LOG.warn("rate limiter '{}' is declared with {}/s and {}/s (by {}); it runs at the lower rate", name,
                        Setting.MAX_REQUESTS_PER_SECOND.format(entry.declaredRate),
                        Setting.MAX_REQUESTS_PER_SECOND.format(declaredRate), declaredBy);
            }
            if (entry.declaredRate == 0 || declaredRate < entry.declaredRate) {
                entry.declaredRate = declaredRate;
                entry.limiter.rate(declaredRate);
            }
        }
        return entry;
    }

    private Entry create(String name, double rate, String declaredBy, boolean fleet, double declaredRate) {
        if (fleet && bucket == null) {
            if (!warnedNoRedis) {
                warnedNoRedis = true;
                LOG.warn("{} asks for a fleet-wide rate limit (RATE_LIMIT_SCOPE=fleet or scope = FLEET), which needs"
                        + " AUTOBOT_REDIS_URL ({}); rate limits hold per JVM", declaredBy, Catalogue.REDIS_URL.accepted());
            }
            return new Entry(new RateLimiter(name, rate), false, declaredRate);
        }
        return new Entry(fleet ? new FleetRateLimiter(name, rate, bucket) : new RateLimiter(name, rate), fleet,
                declaredRate);
    }

    private static String scope(boolean fleet) {
        return fleet ? "fleet-wide" : "per JVM";
    }

    private synchronized void applyDefaultRate() {
        double rate = defaultRate();
        for (Entry entry : limiters.values()) {
            if (entry.declaredRate == 0) {
                entry.limiter.rate(rate);
            }
        }
    }
}
