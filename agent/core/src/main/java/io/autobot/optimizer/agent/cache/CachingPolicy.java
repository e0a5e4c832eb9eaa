package io.autobot.optimizer.agent.cache;

import io.autobot.optimizer.agent.call.Chain;
import io.autobot.optimizer.agent.call.Invocation;
import io.autobot.optimizer.agent.call.MethodMeta;
import io.autobot.optimizer.agent.call.Policy;
import io.autobot.optimizer.agent.config.OperationProfile;
import io.autobot.optimizer.agent.config.OperationProfiles;
import java.time.Duration;
import java.util.List;

/**
 * Memoizes a method's results: the outermost policy, so that a hit skips everything else. The
 * TTL is the one written in {@code @Cached}, or the operation profile's, read at every store so
 * that a profile changed through JMX applies to the next results.
 */
public final class CachingPolicy implements Policy {

    private final ResultCache cache;
    private final OperationProfiles profiles;
    private final Duration explicitTtl;
    private final List<Policy> below;

    /**
     * @param explicitTtl the TTL written on the method, or null for the profile's
     * @param below the method's other policies, which run below the cache
     */
    public CachingPolicy(ResultCache cache, OperationProfiles profiles, Duration explicitTtl, List<Policy> below) {
        this.cache = cache;
        this.profiles = profiles;
        this.explicitTtl = explicitTtl;
        this.below = List.copyOf(below);
    }

    /** The fast path: the stored value ({@code Dispatcher.NULL} for null) or null on a miss. */
    public Object lookup(CallKey key) {
        return cache.lookup(key);
    }

    @Override
    public Object apply(Invocation invocation, Chain next) throws Throwable {
        MethodMeta method = invocation.method();
        CallKey key = invocation.cacheKey() instanceof CallKey
                ? (CallKey) invocation.cacheKey() : CallKey.of(method, invocation.self(), invocation.args());
        return cache.getOrLoad(key, () -> next.call(invocation), terms(method));
    }

    /**
     * Begins a miss of a method that only caches, whose body then runs in the caller's own frame:
     * the value to return instead ({@code Dispatcher.NULL} for null), or the {@link PendingLoad}
     * the body's outcome must go to.
     *
     * @param self the receiver, null for a static method
     */
    public Object begin(MethodMeta method, Object self, Object[] args) {
        return cache.begin(CallKey.of(method, self, args), terms(method));
    }

    /** What a miss of the method runs and is stored under, as the profile says now. */
    private LoadTerms terms(MethodMeta method) {
        OperationProfile profile = profiles.get(method.spec().operation());
        Duration ttl = explicitTtl != null ? explicitTtl : profile.cacheTtl();
        return new LoadTerms(ttl, profile.maxResultSize(), method.stats(), timeLimitBelow());
    }

    /** The tightest time limit of the policies below the cache, or 0 for none. */
    private long timeLimitBelow() {
        long limit = 0;
        for (Policy policy : below) {
            long own = policy.timeLimitNanos();
            if (own > 0 && (limit == 0 || own < limit)) {
                limit = own;
            }
        }
        return limit;
    }
}
