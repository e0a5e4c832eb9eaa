package io.autobot.optimizer.agent;

import io.autobot.optimizer.agent.cache.CacheTier;
import io.autobot.optimizer.agent.cache.disk.DiskTier;
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

    /** The policies other than caching, outermost first (docs/policies.md says why in this order). */
    static List<PolicyProvider> policyProviders(RuntimeSettings settings) {
        return List.of(new TimeoutPolicyProvider(settings), new BatchPolicyProvider(settings),
                new ParallelPolicyProvider(settings, new WorkerPool(settings)), new RateLimitPolicyProvider(settings));
    }

    /** How methods are selected: annotations in the code, then the rules file. */
    static List<MethodSelector> methodSelectors(AgentConfig config, Consumer<String> problems) {
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
}
