package io.autobot.optimizer.agent.engine;

import io.autobot.optimizer.agent.cache.CachingPolicy;
import io.autobot.optimizer.agent.cache.CallKey;
import io.autobot.optimizer.agent.cache.ResultCache;
import io.autobot.optimizer.agent.config.Durations;
import io.autobot.optimizer.agent.config.RuntimeSettings;
import io.autobot.optimizer.agent.config.Setting;
import io.autobot.optimizer.agent.instrument.MethodSpec;
import io.autobot.optimizer.agent.policy.Policy;
import io.autobot.optimizer.agent.policy.PolicyProvider;
import io.autobot.optimizer.bootstrap.CallHandler;
import io.autobot.optimizer.bootstrap.Dispatcher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine: what every intercepted call goes through. It looks the method up by its id, answers
 * cache hits straight away, and sends everything else through the method's pipeline of policies
 * to the body. It fails open: when anything inside the agent fails before the body ran, the
 * method's body runs as if the agent were not there.
 */
public final class Engine implements CallHandler {

    private static final Logger LOG = LoggerFactory.getLogger("io.autobot.optimizer");

    private final RuntimeSettings settings;
    private final MethodRegistry registry = new MethodRegistry();
    private final ResultCache cache;
    private final List<PolicyProvider> providers;
    private final FailOpen failOpen;

    /**
     * @param settings the live settings
     * @param cache the result cache
     * @param providers the non-caching policies, outermost first
     * @param failOpen where internal failures are counted and reported
     */
    public Engine(RuntimeSettings settings, ResultCache cache, List<PolicyProvider> providers, FailOpen failOpen) {
        this.settings = settings;
        this.failOpen = failOpen;
        this.cache = cache;
        this.providers = List.copyOf(providers);
        settings.addListener((setting, oldValue, newValue) -> {
            if (setting == Setting.CACHE_SIZE || setting == Setting.LEVEL) {
                cache.resize(settings.effectiveCacheSize());
            } else if (setting == Setting.CACHE_STRATEGY) {
                cache.strategy(settings.cacheStrategy());
            }
        });
    }

    @Override
    public Object enter(int methodId, Class<?> declaringType, Object self, Object[] args) throws Throwable {
        CallState state = CallState.current();
        if (state.consumeBypass(methodId)) {
            return null;
        }
        MethodMeta method = registry.get(methodId);
        Pipeline pipeline = method == null ? null : method.pipeline();
        if (pipeline == null) {
            return null;
        }
        CachingPolicy caching = pipeline.caching();
        if (caching != null) {
            CallKey key = state.borrowLookupKey();
            try {
                Object hit = caching.lookup(
                        key == null ? CallKey.of(method, self, args) : key.reuse(method, self, args));
                if (hit != null) {
                    method.stats().recordFastHit();
                    return hit;
                }
            } catch (Throwable internal) {
                failOpen.report("cache lookup", method, internal);
                return null;
            } finally {
                state.returnLookupKey(key);
            }
        }
        return call(method, pipeline, new Invocation(method, declaringType, self, args, null));
    }

    private Object call(MethodMeta method, Pipeline pipeline, Invocation invocation) throws Throwable {
        long start = System.nanoTime();
        boolean failed = false;
        try {
            Object result = pipeline.chain().call(invocation);
            return result == null ? Dispatcher.NULL : result;
        } catch (CallerFailure failure) {
            failed = true;
            if (RateLimitErrors.matches(failure.failure())) {
                method.stats().recordRateLimitError();
            }
            throw failure.failure();
        } catch (Throwable internal) {
            failOpen.report("policies", method, internal);
            if (invocation.bodyReturned()) {
                Object result = invocation.bodyResult(); // never run a body twice on the caller's thread
                return result == null ? Dispatcher.NULL : result;
            }
            return null;
        } finally {
            record(method, System.nanoTime() - start, failed);
        }
    }

    private void record(MethodMeta method, long nanos, boolean failed) {
        try {
            method.stats().recordCall(nanos, failed);
        } catch (RuntimeException e) {
            failOpen.report("statistics", method, e);
        }
    }

    /**
     * Registers an instrumented method and builds its pipeline. Called by the transformer, so it
     * must not load classes. A wrong declaration is reported once, naming the method, and the
     * method then runs unoptimized.
     */
    public MethodMeta register(ClassLoader loader, MethodSignature signature, MethodSpec spec, String fingerprint) {
        MethodMeta method = registry.register(loader, signature, spec, fingerprint);
        try {
            method.pipeline(buildPipeline(method));
        } catch (IllegalArgumentException wrong) {
            LOG.warn("{}: {}; the method runs unoptimized", method.qualifiedName(), wrong.getMessage());
            method.pipeline(null);
        }
        return method;
    }

    private Pipeline buildPipeline(MethodMeta method) {
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
        if (spec.cached() == null && !spec.optimized()) {
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
        return new CachingPolicy(cache, settings.profiles(), ttl, below);
    }

    /** The policies a method runs through, outermost first; empty when it runs unoptimized. */
    public List<String> policiesOf(MethodMeta method) {
        Pipeline pipeline = method.pipeline();
        return pipeline == null ? List.of() : pipeline.policyNames();
    }

    /** Empties every cache tier. */
    public void clearCache() {
        cache.clear();
    }

    /** Empties the cache entries of one operation (or {@code SimpleClass.method} name). */
    public void clearCache(String operation) {
        Predicate<MethodMeta> matches = method -> method.operation().equals(operation);
        cache.clear(matches);
    }

    public RuntimeSettings settings() {
        return settings;
    }

    public MethodRegistry registry() {
        return registry;
    }

    public ResultCache cache() {
        return cache;
    }

    public FailOpen failOpen() {
        return failOpen;
    }
}
