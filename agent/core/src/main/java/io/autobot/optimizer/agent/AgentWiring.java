package io.autobot.optimizer.agent;

import io.autobot.optimizer.agent.cache.CacheTier;
import io.autobot.optimizer.agent.cache.disk.DiskTier;
import io.autobot.optimizer.agent.cache.redis.RedisTier;
import io.autobot.optimizer.agent.config.Setting;
import io.autobot.optimizer.agent.redis.RedisLink;
import io.autobot.optimizer.protocol.settings.Catalogue;
import java.time.Duration;
import io.autobot.optimizer.agent.call.PolicyProvider;
import io.autobot.optimizer.agent.config.AgentConfig;
import io.autobot.optimizer.agent.config.RuntimeSettings;
import io.autobot.optimizer.agent.instrument.AnnotationSelector;
import io.autobot.optimizer.agent.instrument.MethodSelector;
import io.autobot.optimizer.agent.policy.batch.BatchPolicyProvider;
import io.autobot.optimizer.agent.policy.parallel.ParallelPolicyProvider;
import io.autobot.optimizer.agent.policy.parallel.WorkerPool;
import io.autobot.optimizer.agent.policy.ratelimit.RateLimitPolicyProvider;
import io.autobot.optimizer.agent.policy.timeout.TimeoutPolicyProvider;
import io.autobot.optimizer.agent.rules.RuleSelector;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Which parts the agent is made of: the policies in their order, the method selectors, the disk
 * tier's factory. Adding a policy or a tier starts here (docs/architecture.md).
 */
final class AgentWiring {

    private AgentWiring() {
    }

    /**
     * The policies other than caching, outermost first (docs/policies.md says why in this order);
     * the rate limits may be the fleet's, through its Redis (null when not set).
     */
    static List<PolicyProvider> policyProviders(RuntimeSettings settings, RedisLink redis) {
        return List.of(new TimeoutPolicyProvider(settings), new BatchPolicyProvider(settings),
                new ParallelPolicyProvider(settings, new WorkerPool(settings)),
                new RateLimitPolicyProvider(settings, redis));
    }

    /**
     * How methods are selected at start: annotations in the code, then the rules file; a refused
     * rules file is one more problem, and the annotations alone select.
     */
    static List<MethodSelector> methodSelectors(AgentConfig config, Consumer<String> problems) {
        try {
            return selectors(config, problems);
        } catch (IllegalArgumentException refused) {
            problems.accept(refused.getMessage() + "; no rule applies, annotated methods are optimized");
            return List.of(new AnnotationSelector());
        }
    }

    /**
     * Annotations in the code, then the rules file the configuration names.
     *
     * @throws IllegalArgumentException when the rules file is refused (cannot be read, or a line does not parse)
     */
    static List<MethodSelector> selectors(AgentConfig config, Consumer<String> problems) {
        RuleSelector rules = RuleSelector.of(config, problems);
        return rules == null ? List.of(new AnnotationSelector()) : List.of(new AnnotationSelector(), rules);
    }

    /**
     * Opens the disk tier on first use (MapDB then loads on the tier's own thread). It clears the
     * entries of one operation with the help of the registered methods.
     */
    static Supplier<CacheTier> diskTierFactory(RuntimeSettings settings) {
        return () -> DiskTier.open(Path.of(settings.diskCachePath()), () -> {
            AgentRuntime runtime = AgentRuntime.current();
            return runtime == null ? List.of() : runtime.engine().registry().all();
        });
    }

    /**
     * The link to the fleet's Redis when {@code AUTOBOT_REDIS_URL} is set (it connects in the
     * background), else null; a URL that is not accepted is one start problem naming the setting.
     */
    static RedisLink redisLink(RuntimeSettings settings, Consumer<String> problems) {
        String url = settings.get(Setting.of(Catalogue.REDIS_URL, String.class));
        if (url == null || url.isBlank()) {
            if (settings.cacheStrategy().usesRemote()) {
                problems.accept("CACHE_STRATEGY=distributed needs AUTOBOT_REDIS_URL (" + Catalogue.REDIS_URL.accepted()
                        + "); results are cached in this JVM only");
            }
            return null;
        }
        try {
            return RedisLink.open(url, settings.get(Setting.of(Catalogue.REDIS_TIMEOUT, Duration.class)));
        } catch (IllegalArgumentException e) {
            problems.accept(e.getMessage());
            return null;
        }
    }

    /** Opens the shared tier on the first use of {@code distributed}: null without a link. */
    static Supplier<CacheTier> redisTierFactory(RedisLink link) {
        return () -> link == null ? null : new RedisTier(link, () -> {
            AgentRuntime runtime = AgentRuntime.current();
            return runtime == null ? List.of() : runtime.engine().registry().all();
        });
    }
}
