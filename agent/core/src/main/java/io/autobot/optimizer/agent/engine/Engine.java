package io.autobot.optimizer.agent.engine;

import io.autobot.optimizer.agent.cache.CachingPolicy;
import io.autobot.optimizer.agent.cache.CallKey;
import io.autobot.optimizer.agent.cache.KeyValues;
import io.autobot.optimizer.agent.cache.PendingLoad;
import io.autobot.optimizer.agent.cache.ResultCache;
import io.autobot.optimizer.agent.call.CallerFailure;
import io.autobot.optimizer.agent.call.Chain;
import io.autobot.optimizer.agent.call.FailOpen;
import io.autobot.optimizer.agent.call.Invocation;
import io.autobot.optimizer.agent.call.MethodMeta;
import io.autobot.optimizer.agent.call.MethodSignature;
import io.autobot.optimizer.agent.call.MethodSpec;
import io.autobot.optimizer.agent.call.PolicyProvider;
import io.autobot.optimizer.agent.config.RuntimeSettings;
import io.autobot.optimizer.agent.config.Setting;
import io.autobot.optimizer.bootstrap.CallHandler;
import io.autobot.optimizer.bootstrap.Dispatcher;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
    private final PipelineAssembly assembly;
    private final FailOpen failOpen;
    private final Set<Integer> nestedTooDeep = ConcurrentHashMap.newKeySet();
    private final Set<Integer> nearStackEnd = ConcurrentHashMap.newKeySet();
    private final Set<Integer> notCacheable = ConcurrentHashMap.newKeySet();
    private volatile double verifyFraction;
    private final BridgeHandles handles;

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
        this.assembly = new PipelineAssembly(cache, settings.profiles(), providers, () -> verifyFraction);
        this.verifyFraction = settings.get(Setting.VERIFY);
        this.handles = new BridgeHandles(this, failOpen);
        settings.addListener((setting, oldValue, newValue) -> {
            if (setting == Setting.VERIFY) {
                verifyFraction = settings.get(Setting.VERIFY);
            }
            if (setting == Setting.CACHE_SIZE || setting == Setting.LEVEL) {
                cache.resize(settings.effectiveCacheSize());
            } else if (setting == Setting.CACHE_STRATEGY) {
                cache.strategy(settings.cacheStrategy());
            }
            if (setting == Setting.VERIFY || setting == Setting.LEVEL || setting == Setting.CACHE_STRATEGY) {
                handles.refreshAll(registry); // a hit to verify takes the engine's path; the others, to be sure
            }
        });
    }

    @Override
    public Object enter(int methodId, Class<?> declaringType, Object self, Object[] args) throws Throwable {
        CallState state = CallState.current();
        if (state.consumeBypass(methodId)) {
            return null;
        }
        Route route = registry.route(methodId);
        Pipeline pipeline = route == null ? null : route.pipeline();
        if (pipeline == null) {
            return null;
        }
        MethodMeta method = route.method();
        if (state.pending().size() >= StackHeadroom.CHECKED_FROM && nearStackEnd(method)) {
            return null; // nothing of the agent's runs where the stack may end inside a shared structure
        }
        CachingPolicy caching = pipeline.caching();
        if (caching != null && caching.disabled()) {
            // verification found its results not to be its calls': it runs as if it were not cached
            return pipeline.cachingOnly() ? null
                    : nested(state, method, pipeline, invocation(method, declaringType, self, args), true);
        }
        if (caching != null) {
            CallKey key = state.borrowLookupKey();
            try {
                Object hit = caching.lookup(
                        key == null ? CallKey.of(method, self, args) : key.reuse(method, self, args));
                if (hit != null) {
                    if (caching.verifyNow()) {
                        return verify(state, method, pipeline, caching, hit, declaringType, self, args);
                    }
                    method.stats().recordFastHit();
                    return caching.served(hit, args);
                }
            } catch (KeyValues.NotCacheable notCacheable) {
                notCacheable(method, notCacheable);
                return null; // the plain method: its key could not say what it sees
            } catch (Throwable internal) {
                failOpen.report("cache lookup", method, internal);
                return null;
            } finally {
                state.returnLookupKey(key);
            }
        }
        if (pipeline.cachingOnly()) {
            return inline(state, method, caching, self, args);
        }
        return nested(state, method, pipeline, invocation(method, declaringType, self, args), false);
    }

    @Override
    public Object hit0(int methodId, Object self) {
        return hit(methodId, self, 0, null, null, null);
    }

    /**
     * A hit of a method of one argument. The bridge asks the method's hit handle ({@link DirectHit})
     * first when it has one, and this only for what the handle did not answer; it does the same
     * by the argument itself for a bridge without handles (or a call made here directly).
     */
    @Override
    public Object hit1(int methodId, Object self, Object arg0) {
        if (HitGate.open()) {
            Object direct = directHit(methodId, self, arg0);
            if (direct != null) {
                return direct;
            }
        }
        return hit(methodId, self, 1, arg0, null, null);
    }

    /**
     * The cache-hit path of a method keyed by its one argument (with no receiver object in its
     * key), taken while no thread has a pending bypass or a deep stack of bodies ({@link HitGate}):
     * the argument itself finds the stored key ({@code cache.ArgumentKeys}), so the hit reads no per-thread state, makes no key
     * and counts in one cell. Null for anything else, having changed and counted nothing: the
     * thread's own path ({@link #hit}) decides then. An internal failure is handled as there.
     */
    private Object directHit(int methodId, Object self, Object arg0) {
        Route route = registry.route(methodId);
        Pipeline pipeline = route == null ? null : route.pipeline();
        CachingPolicy caching = pipeline == null ? null : pipeline.caching();
        if (caching == null || caching.disabled() || caching.verifyFraction() > 0) {
            return null;
        }
        try {
            return caching.directHit(self, arg0);
        } catch (Throwable internal) {
            return failedHit(CallState.current(), route.method(), internal);
        }
    }

    @Override
    public Object hit2(int methodId, Object self, Object arg0, Object arg1) {
        return hit(methodId, self, 2, arg0, arg1, null);
    }

    @Override
    public Object hit3(int methodId, Object self, Object arg0, Object arg1, Object arg2) {
        return hit(methodId, self, 3, arg0, arg1, arg2);
    }

    /**
     * The cache-hit path of the arity-specialised advice: a memory hit of a cached method, looked
     * up with the thread's own key and argument array and counted in the thread's own cells, so it
     * allocates nothing and writes no line another thread writes. Anything else (a bypass, a deep
     * stack, verification, a miss, a key that cannot be made) returns null, having changed and
     * counted nothing: the advice then calls {@link #enter}, which does it all. An internal failure
     * is reported and the call runs as the plain method, as {@link #enter} does with one.
     */
    private Object hit(int methodId, Object self, int arity, Object arg0, Object arg1, Object arg2) {
        CallState state = CallState.current();
        if (state.bypassing(methodId) || state.pending().size() >= StackHeadroom.CHECKED_FROM) {
            return null;
        }
        Route route = registry.route(methodId);
        Pipeline pipeline = route == null ? null : route.pipeline();
        CachingPolicy caching = pipeline == null ? null : pipeline.caching();
        if (caching == null || caching.disabled() || caching.verifyFraction() > 0) {
            return null;
        }
        CallKey key = state.borrowLookupKey();
        if (key == null) {
            return null; // a lookup further up the stack holds the key and the arrays
        }
        Object[] args = state.probe(arity);
        try {
            if (arity > 0) {
                args[0] = arg0;
                if (arity > 1) {
                    args[1] = arg1;
                    if (arity > 2) {
                        args[2] = arg2;
                    }
                }
            }
            MethodMeta method = route.method();
            Object stored = caching.hit(key.reuse(method, self, args), state.tally());
            if (stored == null) {
                return null;
            }
            method.stats().recordFastHit(state.tally());
            return caching.served(stored, args);
        } catch (KeyValues.NotCacheable notCacheable) {
            return null; // enter() makes the key again and says why the call is not cached
        } catch (Throwable internal) {
            return failedHit(state, route.method(), internal);
        } finally {
            clear(args, arity);
            state.returnLookupKey(key);
        }
    }

    /** Lets go of the arguments in the thread's probe array: only the slots the call filled. */
    private static void clear(Object[] args, int arity) {
        if (arity > 0) {
            args[0] = null;
            if (arity > 1) {
                args[1] = null;
                if (arity > 2) {
                    args[2] = null;
                }
            }
        }
    }

    /**
     * The hit path failed inside the agent: reported as {@link #enter}'s lookup reports it, and the
     * call runs as the plain method, as there: the bypass makes the {@code enter} that follows let
     * the body run.
     */
    private Object failedHit(CallState state, MethodMeta method, Throwable internal) {
        try {
            failOpen.report("cache lookup", method, internal);
        } finally {
            state.bypass(method.id());
        }
        return null;
    }

    private static Invocation invocation(MethodMeta method, Class<?> declaringType, Object self, Object[] args) {
        return new Invocation(BodyRunner.INSTANCE, method, declaringType, self, args, null);
    }

    /**
     * A hit drawn for verification: the body runs (below the cache) and its result is compared
     * with the stored one; the caller gets the body's own result.
     */
    private Object verify(CallState state, MethodMeta method, Pipeline pipeline, CachingPolicy caching, Object stored,
            Class<?> declaringType, Object self, Object[] args) throws Throwable {
        if (pipeline.cachingOnly()) {
            try {
                state.pending().push(new InlineCall(args, method, caching.verification(stored, args), System.nanoTime()));
            } catch (Throwable internal) {
                failOpen.report("cache", method, internal);
            }
            return null; // the body runs in the caller's frame; exit() hands its result to the check
        }
        Object fresh = nested(state, method, pipeline, invocation(method, declaringType, self, args), true);
        if (fresh != null) {
            caching.check(stored, fresh, args);
        }
        return fresh;
    }

    /** What to do about an argument class without value semantics: a JDK class cannot be changed, an application class can. */
    public static String remedy(Class<?> type) {
        return type.getClassLoader() == null
                ? "Pass a value in its place (its content as a String, a List, a record)"
                : "Give " + type.getSimpleName() + " value equality (make it a record, or implement equals and hashCode)";
    }

    /** A call that runs as the plain method because its key cannot say what the method sees: counted, said once. */
    private void notCacheable(MethodMeta method, KeyValues.NotCacheable reason) {
        try {
            method.stats().recordNotCacheable(reason.getMessage());
            if (notCacheable.add(method.id())) {
                if (reason.type() == null) {
                    LOG.debug("{}: a call with {} runs as the plain method, not cached (said once)",
                            method.qualifiedName(), reason.getMessage());
                } else {
                    LOG.info("{}: not cacheable: {}, whose equals is identity (it has no value semantics): such calls"
                            + " run as the plain method. {}, or key by identity with @Cached(identityKeys = true)"
                            + " (said once)", method.qualifiedName(), reason.getMessage(), remedy(reason.type()));
                }
            }
        } catch (RuntimeException e) {
            failOpen.report("statistics", method, e);
        }
    }

    /**
     * A miss of a method that only caches: the body runs in the host's own frame (the advice lets
     * it run when this returns null) and {@link #exit} stores what it returned. Nothing of the
     * agent stays on the stack while the body runs, so a memoized recursion is as deep as the plain
     * one. What another caller's run of the key gave is returned instead of running the body.
     */
    private Object inline(CallState state, MethodMeta method, CachingPolicy caching, Object self, Object[] args) {
        long start = System.nanoTime();
        Object started;
        try {
            started = caching.begin(method, self, args);
        } catch (Throwable internal) {
            failOpen.report("cache", method, internal);
            return null;
        }
        if (!(started instanceof PendingLoad load)) {
            record(method, System.nanoTime() - start, false);
            return started;
        }
        try {
            state.pending().push(new InlineCall(args, method, load, start));
        } catch (Throwable internal) {
            load.abandon();
            failOpen.report("cache", method, internal);
        }
        return null;
    }

    /**
     * The body of a call that {@link #enter} let run ended. When it is the body of an inline miss,
     * its result is stored as a nested miss's would be; its exception is never stored, and the
     * callers waiting for it run their own. Never throws: the body's outcome reaches its caller as
     * it is, whatever fails here.
     */
    @Override
    public void exit(int methodId, Object[] frame, Object returned, Throwable thrown) {
        InlineCall call = CallState.current().pending().pop(frame);
        if (call == null) {
            return; // a body the runtime ran itself, or one that ran in place after a failure
        }
        MethodMeta method = call.method();
        try {
            if (thrown == null) {
                call.load().returned(returned);
            } else {
                call.load().abandon();
                if (RateLimitErrors.matches(thrown)) {
                    method.stats().recordRateLimitError();
                }
            }
        } catch (Throwable internal) {
            failOpen.report("cache store", method, internal);
        }
        record(method, System.nanoTime() - call.startNanos(), thrown != null);
    }

    /**
     * A call through policies other than caching: they run between the caller and the body, on
     * the agent's frames. A thread that already runs {@link CallState#MAX_NESTED} such calls (a
     * recursion through them) runs the deeper ones as plain bodies in place, so the agent's frames
     * cannot overflow a stack that the plain method would not; cache hits are still served.
     */
    private Object nested(CallState state, MethodMeta method, Pipeline pipeline, Invocation invocation,
            boolean belowCache) throws Throwable {
        if (!state.enterNested()) {
            tooDeep(method);
            return null;
        }
        try {
            return call(method, belowCache ? pipeline.belowCache() : pipeline.chain(), invocation);
        } finally {
            state.exitNested();
        }
    }

    /** Whether the call must run as the plain method: too little stack is left (see {@link StackHeadroom}). */
    private boolean nearStackEnd(MethodMeta method) {
        try {
            if (StackHeadroom.ample()) {
                return false;
            }
            if (LOG.isDebugEnabled() && nearStackEnd.add(method.id())) {
                LOG.debug("{}: a call near the end of its thread's stack runs as the plain method (said once)",
                        method.qualifiedName());
            }
            return true;
        } catch (StackOverflowError overflow) {
            return true; // the stack ended in the probe's caller, or in the log line
        }
    }

    private void tooDeep(MethodMeta method) {
        if (LOG.isDebugEnabled() && nestedTooDeep.add(method.id())) {
            LOG.debug("{}: a call nested deeper than {} calls through the agent's policies on its thread runs as the"
                    + " plain method (said once)", method.qualifiedName(), CallState.MAX_NESTED);
        }
    }

    private Object call(MethodMeta method, Chain chain, Invocation invocation) throws Throwable {
        long start = System.nanoTime();
        boolean failed = false;
        try {
            Object result = chain.call(invocation);
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
        Route route = registry.add(loader, signature, spec, fingerprint);
        handles.refresh(route); // no pipeline yet: a handle of an earlier registration stops serving now
        try {
            Pipeline pipeline = assembly.build(route.method());
            route.pipeline(pipeline);
            if (pipeline != null && pipeline.caching() != null) {
                pipeline.caching().whenDisabled(() -> handles.refresh(route));
                cache.prepare();
            }
        } catch (IllegalArgumentException wrong) {
            LOG.warn("{}: {}; the method runs unoptimized", route.method().qualifiedName(), wrong.getMessage());
            route.pipeline(null);
        }
        handles.refresh(route);
        return route.method();
    }

    /**
     * Publishes in the bridge the hit handle of every method that qualifies for one (see
     * {@link BridgeHandles}); the agent calls it once it has installed this engine, for the
     * methods registered before. Registration and every change a handle depends on refresh them
     * on their own.
     */
    public void publishHitHandles() {
        handles.refreshAll(registry);
    }

    /** The policies a method runs through, outermost first; empty when it runs unoptimized. */
    public List<String> policiesOf(MethodMeta method) {
        Route route = registry.route(method.id());
        Pipeline pipeline = route == null || route.method() != method ? null : route.pipeline();
        return pipeline == null ? List.of() : pipeline.policyNames();
    }

    /** Empties every cache tier; the methods' hit handles are made again. */
    public void clearCache() {
        cache.clear();
        handles.refreshAll(registry);
    }

    /** Empties the cache entries of one operation (or {@code SimpleClass.method} name); its hit handles are made again. */
    public void clearCache(String operation) {
        Predicate<MethodMeta> matches = method -> method.operation().equals(operation);
        cache.clear(matches);
        for (Route route : registry.routes()) {
            if (matches.test(route.method())) {
                handles.refresh(route);
            }
        }
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
