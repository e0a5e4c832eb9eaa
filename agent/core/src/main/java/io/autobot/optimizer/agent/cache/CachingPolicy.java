package io.autobot.optimizer.agent.cache;

import io.autobot.optimizer.agent.call.Chain;
import io.autobot.optimizer.agent.call.Invocation;
import io.autobot.optimizer.agent.call.MethodMeta;
import io.autobot.optimizer.agent.call.Policy;
import io.autobot.optimizer.agent.call.ThreadTally;
import io.autobot.optimizer.agent.config.OperationProfile;
import io.autobot.optimizer.agent.config.OperationProfiles;
import io.autobot.optimizer.bootstrap.Dispatcher;
import io.autobot.optimizer.agent.jfr.FlightEvents;
import java.time.Duration;
import java.util.List;
import java.util.StringJoiner;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Memoizes a method's results: the outermost policy, so that a hit skips everything else. The
 * TTL is the one written in {@code @Cached}, or the operation profile's, read at every store so
 * that a profile changed through JMX applies to the next results.
 *
 * <p>It also verifies itself: on the method's verify fraction of hits the engine runs the body
 * again and hands both results to {@link #check}. A result that differs stops the caching of the
 * method for the rest of the run ({@link #disabled()}): its calls then run as the plain method.
 */
public final class CachingPolicy implements Policy {

    private static final Logger LOG = LoggerFactory.getLogger("io.autobot.optimizer");

    /** Told of a mismatch found by verification (the management plane raises a JMX notification). */
    public interface MismatchListener {
        void mismatch(MethodMeta method, String description);
    }

    private static final List<MismatchListener> LISTENERS = new CopyOnWriteArrayList<>();

    private final ResultCache cache;
    private final OperationProfiles profiles;
    private final Duration explicitTtl;
    private final List<Policy> below;
    private final MethodMeta method;
    private final double explicitVerify;
    private final DoubleSupplier verifySetting;
    private final boolean storeByValue;
    /** The memory tier's index of the method's stored keys by its one argument, or null (see {@link ArgumentKeys}). */
    private final ArgumentKeys argumentKeys;
    private volatile boolean disabled;
    private volatile Runnable disabledHook;

    /**
     * @param explicitTtl the TTL written on the method, or null for the profile's
     * @param below the method's other policies, which run below the cache
     */
    public CachingPolicy(ResultCache cache, OperationProfiles profiles, Duration explicitTtl, List<Policy> below) {
        this(cache, profiles, explicitTtl, below, null, Double.NaN, () -> 0);
    }

    /**
     * @param method the method cached
     * @param explicitVerify the verify fraction written on the method, or NaN for the setting's
     * @param verifySetting the {@code verify} setting, read at every hit
     */
    public CachingPolicy(ResultCache cache, OperationProfiles profiles, Duration explicitTtl, List<Policy> below,
            MethodMeta method, double explicitVerify, DoubleSupplier verifySetting) {
        this.cache = cache;
        this.profiles = profiles;
        this.explicitTtl = explicitTtl;
        this.below = List.copyOf(below);
        this.method = method;
        this.explicitVerify = explicitVerify;
        this.verifySetting = verifySetting;
        this.storeByValue = Results.byValue(method);
        this.argumentKeys = method == null ? null : cache.argumentKeys(method);
    }

    /** Adds a listener of verification mismatches. */
    public static void addMismatchListener(MismatchListener listener) {
        LISTENERS.add(listener);
    }

    /** Removes a listener of verification mismatches. */
    public static void removeMismatchListener(MismatchListener listener) {
        LISTENERS.remove(listener);
    }

    /** The fast path: the stored value ({@code Dispatcher.NULL} for null) or null on a miss. */
    public Object lookup(CallKey key) {
        return cache.lookup(key);
    }

    /** The lookup of the cache-hit path: the stored value, or null for anything that is not a memory hit. */
    public Object hit(CallKey key, ThreadTally tally) {
        return cache.hit(key, tally);
    }

    /**
     * The cache-hit path of a method keyed by its one argument (and the class of a stateless
     * receiver), with nothing but the call itself:
     * what the caller gets for a memory hit (see {@link #served}), or null when the method is not
     * keyed so, the argument is not a JDK final value or an enum constant, or the call is not
     * indexed (the long way, {@link #hit}, decides then). Counted once, as the method's hit.
     */
    public Object directHit(Object self, Object arg) {
        ArgumentKeys keys = argumentKeys;
        return keys == null ? null : cache.directHit(keys, self, arg);
    }

    /**
     * The memory tier's index of the method's stored keys by its one argument, or null when its
     * key is more than one argument: what a hit by the argument reads.
     */
    public ArgumentKeys argumentKeys() {
        return argumentKeys;
    }

    /**
     * Runs {@code hook} when verification stops caching the method (see {@link #check}), right
     * after {@link #disabled()} turned true and before its entries are dropped: whatever serves
     * the method's hits past this policy must stop. One hook; a later one replaces it.
     */
    public void whenDisabled(Runnable hook) {
        this.disabledHook = hook;
    }

    /** What the caller of a hit gets for a stored value: its own argument, or a copy of a mutable result. */
    public Object served(Object stored, Object[] args) {
        return Results.served(stored, args, storeByValue);
    }

    /** Whether a verification found the method's results not to be its calls' (it then runs as the plain method). */
    public boolean disabled() {
        return disabled;
    }

    /** The fraction of hits verified: the method's own, else the {@code verify} setting. */
    public double verifyFraction() {
        return Double.isNaN(explicitVerify) ? verifySetting.getAsDouble() : explicitVerify;
    }

    /** Whether this hit is one to verify (drawn at the verify fraction). */
    public boolean verifyNow() {
        double fraction = verifyFraction();
        return fraction > 0 && (fraction >= 1 || ThreadLocalRandom.current().nextDouble() < fraction);
    }

    /** A run of the body on a hit of a method that only caches, whose result goes to {@link #check}. */
    public PendingLoad verification(Object stored, Object[] args) {
        return PendingLoad.verification(this, stored, args, terms(method));
    }

    /**
     * Compares a fresh result of the body with the stored one. A result whose class has no value
     * semantics cannot be compared and is not counted. A mismatch stops caching the method, says
     * so once (the method and the classes of the call's arguments, never their values), drops its
     * entries, and tells the listeners.
     */
    public void check(Object stored, Object fresh, Object[] args) {
        try {
            Object value = fresh == Dispatcher.NULL ? null : fresh;
            if (!(stored instanceof ArgumentResult) && value != null
                    && KeyValues.kind(value.getClass()) == KeyValues.Kind.NO_VALUE) {
                return; // identity equals: two runs can never be told equal
            }
            if (Results.matches(stored, value, args)) {
                method.stats().recordVerified();
                return;
            }
            method.stats().recordMismatch();
            if (disabled) {
                return;
            }
            disabled = true;
            Runnable hook = disabledHook;
            if (hook != null) {
                hook.run();
            }
            String description = "a call with arguments " + classes(args) + " returned " + describe(value)
                    + " where the cache held " + describe(stored);
            LOG.warn("{}: verification found a cached result that differs from what the method returns now ({});"
                    + " the method is no longer cached in this run: it is not a function of its arguments (does"
                    + " it read a clock, a counter, mutable state?)", method.qualifiedName(), description);
            cache.clear(candidate -> candidate == method);
            FlightEvents.mismatch(method, description);
            for (MismatchListener listener : LISTENERS) {
                listener.mismatch(method, description);
            }
        } catch (RuntimeException | LinkageError e) {
            LOG.debug("verification of {} failed: {}", method.qualifiedName(), e.toString());
        }
    }

    private static String classes(Object[] args) {
        StringJoiner joiner = new StringJoiner(", ", "(", ")");
        if (args != null) {
            for (Object arg : args) {
                joiner.add(arg == null ? "null" : arg.getClass().getName());
            }
        }
        return joiner.toString();
    }

    private static String describe(Object value) {
        if (value instanceof ArgumentResult argument) {
            return "its " + argument;
        }
        return value == null || value == Dispatcher.NULL ? "null" : "a " + value.getClass().getName();
    }

    @Override
    public Object apply(Invocation invocation, Chain next) throws Throwable {
        MethodMeta method = invocation.method();
        if (disabled) {
            return next.call(invocation);
        }
        CallKey key;
        try {
            key = invocation.cacheKey() instanceof CallKey
                    ? (CallKey) invocation.cacheKey() : CallKey.of(method, invocation.self(), invocation.args());
        } catch (KeyValues.NotCacheable notCacheable) {
            return next.call(invocation);
        }
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
