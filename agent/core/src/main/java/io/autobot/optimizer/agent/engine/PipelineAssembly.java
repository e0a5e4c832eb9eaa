package io.autobot.optimizer.agent.engine;

import io.autobot.optimizer.agent.cache.CachingPolicy;
import io.autobot.optimizer.agent.cache.ResultCache;
import io.autobot.optimizer.agent.call.MethodMeta;
import io.autobot.optimizer.agent.call.MethodSpec;
import io.autobot.optimizer.agent.call.Policy;
import io.autobot.optimizer.agent.call.PolicyProvider;
import io.autobot.optimizer.agent.config.Durations;
import io.autobot.optimizer.agent.config.OperationProfiles;
import io.autobot.optimizer.agent.config.Setting;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds a method's pipeline from its declaration: the caching policy outermost (so a hit skips
 * everything else), then what each provider makes of the method, in the providers' order. Called
 * at registration, never on a call.
 */
final class PipelineAssembly {

    private static final Logger LOG = LoggerFactory.getLogger("io.autobot.optimizer");

    private final ResultCache cache;
    private final OperationProfiles profiles;
    private final List<PolicyProvider> providers;
    private final DoubleSupplier verifyFraction;

    /**
     * @param providers the non-caching policies, outermost first
     * @param verifyFraction the {@code verify} setting as it is now, for methods that do not set their own
     */
    PipelineAssembly(ResultCache cache, OperationProfiles profiles, List<PolicyProvider> providers,
            DoubleSupplier verifyFraction) {
        this.cache = cache;
        this.profiles = profiles;
        this.providers = List.copyOf(providers);
        this.verifyFraction = verifyFraction;
    }

    /**
     * The method's pipeline, or null when nothing applies to it.
     *
     * @throws IllegalArgumentException naming what is wrong with the method's declaration
     */
    Pipeline build(MethodMeta method) {
        List<Pipeline.Named> policies = new ArrayList<>();
        for (PolicyProvider provider : providers) {
            Policy policy = provider.create(method);
            if (policy != null) {
                policies.add(new Pipeline.Named(provider.name(), policy));
            }
        }
        CachingPolicy caching = cachingPolicy(method, policies.stream().map(Pipeline.Named::policy).toList());
        if (caching == null && policies.isEmpty()) {
            return null;
        }
        return new Pipeline(caching, policies);
    }

    private CachingPolicy cachingPolicy(MethodMeta method, List<Policy> below) {
        MethodSpec spec = method.spec();
        if (!spec.memoized()) {
            return null;
        }
        if (method.isVoid()) {
            if (spec.cached() != null) {
                LOG.warn("{}: @Cached on a void method has nothing to memoize; it is not cached",
                        method.qualifiedName());
            }
            return null;
        }
        Duration ttl = null;
        String text = spec.cached() == null ? "" : spec.cached().ttl();
        if (!text.isEmpty()) {
            try {
                ttl = Durations.parse(text);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("@Cached(ttl = \"" + text + "\") is not accepted: " + e.getMessage());
            }
        }
        double verify = Double.NaN;
        String fraction = spec.cached() == null ? "" : spec.cached().verify();
        if (!fraction.isEmpty()) {
            try {
                verify = Setting.parseFraction(fraction);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("@Cached(verify = \"" + fraction + "\") is not accepted: expected "
                        + Setting.VERIFY.accepted());
            }
        }
        return new CachingPolicy(cache, profiles, ttl, below, method, verify, verifyFraction);
    }
}
