package io.autobot.optimizer.agent.engine;

import io.autobot.optimizer.agent.cache.CachingPolicy;
import io.autobot.optimizer.agent.call.Chain;
import io.autobot.optimizer.agent.call.Invocation;
import io.autobot.optimizer.agent.call.Policy;
import java.util.List;

/**
 * A method's policies in the order they wrap the body, outermost first, with the caching policy
 * (if any) kept apart for the engine's allocation-light hit path.
 */
public final class Pipeline {

    private final CachingPolicy caching;
    private final List<String> names;
    private final Chain chain;
    private final Chain belowCache;

    /**
     * @param caching the caching policy, or null
     * @param policies the other policies, outermost first, with their names
     */
    Pipeline(CachingPolicy caching, List<Named> policies) {
        this.caching = caching;
        Chain current = Invocation::invokeOriginal;
        for (int i = policies.size() - 1; i >= 0; i--) {
            Policy policy = policies.get(i).policy();
            Chain next = current;
            current = invocation -> policy.apply(invocation, next);
        }
        this.belowCache = current;
        if (caching != null) {
            Chain next = current;
            current = invocation -> caching.apply(invocation, next);
        }
        this.chain = current;
        this.names = policies.stream().map(Named::name).toList();
    }

    /** A policy with the name reports and logs use for it. */
    public record Named(String name, Policy policy) {
    }

    /** The caching policy, or null when the method is not memoized. */
    public CachingPolicy caching() {
        return caching;
    }

    /**
     * Whether the method only caches: its body then runs in its own frame on a miss, with nothing
     * of the agent's between the caller and the body, so a recursion is as deep as without the agent.
     */
    public boolean cachingOnly() {
        return caching != null && names.isEmpty();
    }

    /** The whole chain: caching, the other policies, the body. */
    Chain chain() {
        return chain;
    }

    /** The chain below the cache: the other policies and the body (a verified hit, a method no longer cached). */
    Chain belowCache() {
        return belowCache;
    }

    /** The policies' names, outermost first, caching included. */
    public List<String> policyNames() {
        if (caching == null) {
            return names;
        }
        List<String> all = new java.util.ArrayList<>();
        all.add("cache");
        all.addAll(names);
        return List.copyOf(all);
    }
}
