package io.autobot.optimizer.agent.policy.ratelimit;

import io.autobot.optimizer.agent.config.RuntimeSettings;
import io.autobot.optimizer.agent.config.Setting;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JVM's rate limiters by name: every method that names the same limiter shares its budget.
 * A limiter runs at the lowest rate declared for it; one that no declaration gives a rate follows
 * {@code MAX_REQUESTS_PER_SECOND} while {@code REQUEST_THROTTLING} is on and is unlimited while it
 * is off, and a change of either applies at once.
 */
final class RateLimiters {

    private static final Logger LOG = LoggerFactory.getLogger("io.autobot.optimizer");

    private final RuntimeSettings settings;
    private final Map<String, Entry> limiters = new ConcurrentHashMap<>();

    /** A limiter and the rate declared for it, zero when it follows the settings. */
    private static final class Entry {
        final RateLimiter limiter;
        double declaredRate;

        Entry(RateLimiter limiter, double declaredRate) {
            this.limiter = limiter;
            this.declaredRate = declaredRate;
        }
    }

    RateLimiters(RuntimeSettings settings) {
        this.settings = settings;
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

    /**
     * The limiter of this name, created on first use.
     *
     * @param declaredRate the rate the declaration asks for, zero for the default
     * @param declaredBy the declaring method, for the warning about conflicting rates
     */
    synchronized RateLimiter limiter(String name, double declaredRate, String declaredBy) {
        Entry entry = limiters.get(name);
        if (entry == null) {
            entry = new Entry(new RateLimiter(name, declaredRate > 0 ? declaredRate : defaultRate()), declaredRate);
            limiters.put(name, entry);
        } else if (declaredRate > 0 && declaredRate != entry.declaredRate) {
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
        return entry.limiter;
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
