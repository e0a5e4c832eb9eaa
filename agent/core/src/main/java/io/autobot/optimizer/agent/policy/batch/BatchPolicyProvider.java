package io.autobot.optimizer.agent.policy.batch;

import io.autobot.optimizer.agent.call.MethodMeta;
import io.autobot.optimizer.agent.call.MethodSignature;
import io.autobot.optimizer.agent.call.MethodSpec;
import io.autobot.optimizer.agent.call.Policy;
import io.autobot.optimizer.agent.call.PolicyProvider;
import io.autobot.optimizer.agent.config.RuntimeSettings;
import io.autobot.optimizer.agent.policy.Declarations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code @Batched}. The batch method is checked here as far as the transformer described it (it
 * exists, takes a list, returns a list, is static when the single method is); when it was not
 * described it is checked at the first call, and a wrong one turns batching off for the method
 * with one warning.
 */
public final class BatchPolicyProvider implements PolicyProvider {

    private final RuntimeSettings settings;

    public BatchPolicyProvider(RuntimeSettings settings) {
        this.settings = settings;
    }

    @Override
    public String name() {
        return "batch";
    }

    @Override
    public Policy create(MethodMeta method) {
        MethodSpec.Batched declared = method.spec().batched();
        if (declared == null) {
            return null;
        }
        if (method.parameterTypes().size() != 1) {
            throw new IllegalArgumentException("@Batched needs a method with exactly one parameter, not "
                    + method.parameterTypes().size());
        }
        String via = declared.via().trim();
        if (via.isEmpty()) {
            throw new IllegalArgumentException("@Batched(via = \"\") names no batch method");
        }
        if (declared.size() < 0) {
            throw Declarations.rejected("@Batched(size = ...)", declared.size(),
                    "a positive number of calls, or 0 for BATCH_SIZE");
        }
        Duration maxWait = declared.maxWait().isBlank() ? null
                : Declarations.positiveDuration("@Batched(maxWait = ...)", declared.maxWait());
        String descriptor = declared.viaCandidates() == null ? null : descriptor(method, via, declared.viaCandidates());
        return new BatchPolicy(settings, method, via, descriptor, declared.size(), maxWait);
    }

    /** The descriptor of the one fitting candidate; a clear error when none fits. */
    private static String descriptor(MethodMeta method, String via, List<MethodSignature> candidates) {
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("@Batched(via = \"" + via + "\"): " + method.className()
                    + " declares no method " + via);
        }
        List<String> problems = new ArrayList<>();
        for (MethodSignature candidate : candidates) {
            String problem = BatchTarget.problem(method, candidate);
            if (problem == null) {
                return candidate.descriptor();
            }
            problems.add(problem);
        }
        throw new IllegalArgumentException("@Batched(via = \"" + via + "\") has the wrong shape: "
                + String.join("; ", problems));
    }
}
