package io.autobot.optimizer.agent.policy.parallel;

import io.autobot.optimizer.agent.call.MethodMeta;
import io.autobot.optimizer.agent.call.MethodSpec;
import io.autobot.optimizer.agent.call.Policy;
import io.autobot.optimizer.agent.call.PolicyProvider;
import io.autobot.optimizer.agent.config.RuntimeSettings;
import io.autobot.optimizer.agent.policy.Declarations;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code @Parallel}, declared by an annotation or by a rule naming the parallel policy. Only such
 * methods are split: splitting is right only for element-wise methods, and only their author can
 * say that a method is one. {@code @Optimized} alone never splits; on a {@code @Parallel} method its
 * operation profile gives the {@code parallel_threshold}.
 */
public final class ParallelPolicyProvider implements PolicyProvider, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger("io.autobot.optimizer");

    private final RuntimeSettings settings;
    private final WorkerPool pool;

    public ParallelPolicyProvider(RuntimeSettings settings, WorkerPool pool) {
        this.settings = settings;
        this.pool = pool;
    }

    @Override
    public String name() {
        return "parallel";
    }

    /** Stops the worker pool (the agent stops or detaches). */
    @Override
    public void close() {
        pool.shutdown();
    }

    @Override
    public Policy create(MethodMeta method) {
        MethodSpec spec = method.spec();
        MethodSpec.Parallel declared = spec.parallel();
        if (declared == null) {
            return null;
        }
        int parameter = declared.argument().isBlank() ? firstSplittable(method.parameterTypes())
                : named(method, declared.argument().trim());
        if (parameter < 0) {
            throw new IllegalArgumentException("@Parallel has nothing to split: no parameter is " + Splittable.ACCEPTED
                    + " (parameter types: " + method.parameterTypes() + ")");
        }
        if (!Merge.accepts(method.returnType())) {
            throw new IllegalArgumentException("@Parallel cannot merge results of type " + method.returnType()
                    + ": expected " + Merge.ACCEPTED);
        }
        if (declared.threshold() < 0) {
            throw Declarations.rejected("@Parallel(threshold = ...)", declared.threshold(),
                    "a positive size, or 0 for the profile's parallel_threshold");
        }
        if (declared.distinct() && method.isVoid()) {
            throw new IllegalArgumentException("@Parallel(distinct = true) has no result to de-duplicate: the method is void");
        }
        if (settings.parallelActive()) {
            pool.warmUp(); // once: the first @Parallel method's class is loading, its first call comes next
        }
        return new ParallelPolicy(settings, pool, spec.operation(), parameter,
                Splittable.of(method.parameterTypes().get(parameter)), declared.threshold(), declared.distinct(),
                verdict(method), method.stats().policies());
    }

    /**
     * A synchronized method is never split: its body holds the receiver's (or class's) monitor, which
     * the caller holds while it waits for the chunks, so every chunk on a worker would wait for ever.
     * It keeps the policy all the same, for {@code distinct}.
     */
    private static SplitVerdict verdict(MethodMeta method) {
        if (method.isSynchronized()) {
            LOG.warn("{}: @Parallel on a synchronized method is not split: its chunks would wait on other threads for"
                    + " the monitor its caller holds; its calls run whole, on the caller's thread", method.qualifiedName());
        }
        return new SplitVerdict(method.qualifiedName(), !method.isVoid(), !method.isSynchronized(),
                ResultShape.declared(method.returnType()), method.returnType(), method.spec().memoized());
    }

    private static int firstSplittable(List<String> types) {
        for (int i = 0; i < types.size(); i++) {
            if (Splittable.of(types.get(i)) != null) {
                return i;
            }
        }
        return -1;
    }

    private static int named(MethodMeta method, String name) {
        int index = method.parameterNames().indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException("@Parallel(argument = \"" + name + "\") names no parameter: the"
                    + " parameters are " + method.parameterNames() + " (compile with -parameters to keep their names)");
        }
        String type = method.parameterTypes().get(index);
        if (Splittable.of(type) == null) {
            throw new IllegalArgumentException("@Parallel(argument = \"" + name + "\") cannot be split: its type "
                    + type + " is not " + Splittable.ACCEPTED);
        }
        return index;
    }
}
