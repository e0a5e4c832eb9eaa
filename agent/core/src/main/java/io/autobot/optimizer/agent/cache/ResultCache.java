package io.autobot.optimizer.agent.cache;

import io.autobot.optimizer.agent.call.CallerFailure;
import io.autobot.optimizer.agent.call.FailOpen;
import io.autobot.optimizer.agent.call.MethodMeta;
import io.autobot.optimizer.agent.call.OperationStats;
import io.autobot.optimizer.agent.call.ThreadTally;
import io.autobot.optimizer.agent.config.CacheStrategy;
import io.autobot.optimizer.agent.jfr.FlightEvents;
import io.autobot.optimizer.bootstrap.Dispatcher;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The memo of results: the tiers the strategy names ({@link Tiers}) and the single flight in
 * front of them. Concurrent callers of one key
 * run the body once ("single flight") and all get its result; exceptions are never stored (nor
 * shared: the waiters of a call that threw run their own), null results are. A caller waits for
 * another's run only so long: when the waiter is interrupted, or after a limit (the run may be
 * waiting for the waiter), the waiter runs its own call instead.
 */
public final class ResultCache {

    private static final Logger LOG = LoggerFactory.getLogger("io.autobot.optimizer");

    /** The least a caller waits for another caller's run of its key before it runs its own. */
    static final long MIN_WAIT_NANOS = TimeUnit.SECONDS.toNanos(1);

    /** Computes a value on a miss. */
    @FunctionalInterface
    public interface Loader {
        Object load() throws Throwable;
    }

    private final Tiers tiers;
    private final ConcurrentHashMap<CallKey, Flight> inFlight = new ConcurrentHashMap<>();
    private final FailOpen failOpen;
    private final LongAdder waits = new LongAdder();
    private final LongAdder waitsTimedOut = new LongAdder();
    private final LongAdder waitsInterrupted = new LongAdder();
    private final LargeKeys largeKeys = new LargeKeys();

    /**
     * @param memory the memory tier
     * @param strategy the strategy to start with
     * @param diskFactory opens the disk tier on first use; returns null or throws when it cannot
     * @param failOpen where a result that could not be stored is reported
     */
    public ResultCache(MemoryTier memory, CacheStrategy strategy, Supplier<CacheTier> diskFactory, FailOpen failOpen) {
        this(memory, strategy, diskFactory, null, failOpen);
    }

    /**
     * @param remoteFactory opens the shared tier (Redis) on first use of {@code distributed}; returns
     *     null or throws when it cannot
     */
    public ResultCache(MemoryTier memory, CacheStrategy strategy, Supplier<CacheTier> diskFactory,
            Supplier<CacheTier> remoteFactory, FailOpen failOpen) {
        this.tiers = new Tiers(memory, strategy, diskFactory, remoteFactory);
        this.failOpen = failOpen;
    }

    /**
     * Readies the tiers a cached method will use before its first call: the disk tier, when the
     * strategy uses it, starts opening on its own thread (see {@link Tiers#prepare}).
     */
    public void prepare() {
        tiers.prepare();
    }

    public CacheStrategy strategy() {
        return tiers.strategy();
    }

    /** Switches the strategy; entries already in a tier stay there. */
    public void strategy(CacheStrategy newStrategy) {
        tiers.strategy(newStrategy);
    }

    /**
     * The value stored for the key ({@link Dispatcher#NULL} for a null result), or null. Memory
     * is asked first under every strategy: it also holds what the disk tier did not take.
     */
    public Object lookup(CallKey key) {
        return tiers.lookup(key, true);
    }

    /** The lookup of the cache-hit path: see {@link Tiers#memoryHit}. */
    public Object hit(CallKey key, ThreadTally tally) {
        return tiers.memoryHit(key, tally);
    }

    /** The index of a method keyed by its one argument, made for it now, or null: see {@link ArgumentKeys}. */
    public ArgumentKeys argumentKeys(MethodMeta method) {
        return tiers.argumentKeys(method);
    }

    /** The lookup of the cache-hit path by a method's one argument, served: see {@link MemoryTier#directHit}. */
    public Object directHit(ArgumentKeys keys, Object self, Object arg) {
        return tiers.directHit(keys, self, arg);
    }

    /**
     * Returns the cached value or runs the loader once for all concurrent callers of the key.
     *
     * @return the value, with null results as null
     * @throws Throwable what the loader threw, to this caller only: a {@link CallerFailure} (the
     *     body's own outcome) or anything else (the agent's own failure)
     */
    public Object getOrLoad(CallKey call, Loader loader, LoadTerms terms) throws Throwable {
        Object started = begin(call, terms);
        if (!(started instanceof PendingLoad pending)) {
            return Dispatcher.unwrap(started);
        }
        Object result;
        try {
            result = loader.load();
        } catch (Throwable thrown) {
            pending.abandon();
            throw thrown;
        }
        pending.returned(result);
        return result;
    }

    /** {@link #getOrLoad(CallKey, Loader, LoadTerms)} of a method without a time limit below the cache. */
    public Object getOrLoad(CallKey call, Loader loader, Duration ttl, long maxResultSize, OperationStats stats)
            throws Throwable {
        return getOrLoad(call, loader, new LoadTerms(ttl, maxResultSize, stats, 0));
    }

    /**
     * Begins a call that missed the cache: the value to return instead of running the body
     * ({@link Dispatcher#NULL} for null) when another caller's run of the key gave one (or a store
     * that happened meanwhile has it), else the {@link PendingLoad} the body's outcome goes to.
     * A caller that gets the flight of its key runs the body for every caller of the key that comes
     * while it runs; one that finds another's flight waits for it, within bounds (see {@link Flight}),
     * and otherwise runs its own call. A call whose key is larger than the size limit runs its body
     * and is not stored (see {@link LargeKeys}).
     */
    public Object begin(CallKey call, LoadTerms terms) {
        if (largeKeys.tooLarge(call, terms.maxSize())) {
            return new PendingLoad(this, null, null, terms, true, null); // neither copied nor stored
        }
        CallKey key = call.detached(); // the arguments as the call began: the body may change the caller's arrays
        Flight mine = new Flight(terms.timeLimitNanos());
        Flight running = inFlight.putIfAbsent(key, mine);
        Object[] args = call.args();
        Object started = running == null ? own(key, mine, terms, args) : follow(running, key, mine, terms, args);
        return started instanceof PendingLoad ? started
                : Results.served(started, args, Results.byValue(call.method())); // the caller's own argument, a copy
    }

    /** This caller owns the key's flight: a store that happened meanwhile answers it, else its body runs. */
    private Object own(CallKey key, Flight mine, LoadTerms terms, Object[] args) {
        try {
            Object cached = tiers.lookup(key, false); // the caller's own lookup counted its miss already
            if (cached != null) {
                mine.succeed(cached);
                terms.stats().recordHit();
                release(key, mine);
                return cached;
            }
            return new PendingLoad(this, key, mine, terms, true, args);
        } catch (RuntimeException | Error e) {
            release(key, mine); // no waiter may be left waiting, whatever failed here
            throw e;
        }
    }

    /** Takes the outcome of another caller's run of the key, or runs this caller's own when there is none to have. */
    private Object follow(Flight running, CallKey key, Flight mine, LoadTerms terms, Object[] args) {
        if (running.ownedByCurrentThread()) {
            return new PendingLoad(this, null, null, terms, false, args); // the body asks for its own key: never wait for ourselves
        }
        if (!running.ownerAlive()) {
            return takeOver(running, key, mine, terms, args); // its thread died in the body: it never ends
        }
        waits.increment();
        Object value = running.await(waitLimitNanos(terms.stats()));
        if (value == Flight.ABANDONED) {
            // the owner's call ended without a result (it threw): run our own at once, as without the
            // agent; the first to get there takes the key's flight for the callers that come later
            return inFlight.putIfAbsent(key, mine) == null ? own(key, mine, terms, args)
                    : new PendingLoad(this, key, null, terms, true, args);
        }
        if (value == Flight.INTERRUPTED) {
            waitsInterrupted.increment();
            // the interrupt is set again: the own call sees it as it would without the agent, and what
            // it returns then is not stored (it may be what the body answers to an interrupt)
            return new PendingLoad(this, null, null, terms, false, args);
        }
        if (value == Flight.TIMED_OUT) {
            waitsTimedOut.increment();
            return takeOver(running, key, mine, terms, args);
        }
        terms.stats().recordHit();
        return value;
    }

    /**
     * Runs this caller's own call, stored, in place of a flight that will not serve it; later
     * callers wait for this one instead. The flight given up on still completes for its own waiters.
     */
    private Object takeOver(Flight running, CallKey key, Flight mine, LoadTerms terms, Object[] args) {
        if (inFlight.replace(key, running, mine)) {
            return own(key, mine, terms, args);
        }
        return new PendingLoad(this, key, null, terms, true, args);
    }

    /**
     * How long a caller waits for another's run of its key: twice the 99th percentile of the
     * method's runs that nobody gave up on, and at least {@link #MIN_WAIT_NANOS} (also before any
     * run is known). A body that is slow as a rule is waited for; a run that waits for its waiter
     * is given up on after a bounded time, and its own time does not raise the next limit.
     */
    static long waitLimitNanos(OperationStats stats) {
        return Math.max(MIN_WAIT_NANOS, 2 * stats.loads().percentileNanos(0.99));
    }

    /** Ends a flight: its waiters that are left run their own calls, and the key is free again. */
    void release(CallKey key, Flight flight) {
        flight.abandon();
        inFlight.remove(key, flight);
    }

    /** Stores a result under a detached key, unless the body changed an argument the key keeps. */
    void store(CallKey key, Object value, LoadTerms terms, long loadNanos) {
        try {
            if (!key.unchanged()) {
                LOG.debug("{} changed its receiver or an argument it was given: its result is not cached",
                        key.method().displayName());
                return;
            }
            if (value != Dispatcher.NULL && SizeEstimator.exceeds(value, terms.maxSize())) {
                LOG.debug("result of {} is larger than max_file_size ({} bytes): not cached",
                        key.method().displayName(), terms.maxSize());
                return;
            }
            Object event = FlightEvents.storeBegins();
            tiers.write(key, value, terms.ttl(), loadNanos);
            FlightEvents.stored(event, key.method(), tiers.strategy(), loadNanos);
        } catch (RuntimeException | LinkageError e) {
            // The caller already has its result; a cache that cannot store only costs a later miss.
            failOpen.report("cache store", key.method(), e);
        }
    }

    /** How often callers waited for another caller's run of their key, and how often they gave up. */
    public FlightStatistics flightStatistics() {
        return new FlightStatistics(waits.sum(), waitsTimedOut.sum(), waitsInterrupted.sum());
    }

    /** Calls not cached since start because their key (its arguments) was larger than {@code max_file_size}. */
    long keysTooLarge() {
        return largeKeys.count();
    }

    /** Removes every entry from every tier (opening the disk tier when the strategy uses it). */
    public void clear() {
        tiers.clear();
    }

    /** Removes the entries of the methods that match, from every tier. */
    public void clear(Predicate<MethodMeta> methods) {
        tiers.clear(methods);
    }

    /** Applies a new memory capacity. */
    public void resize(long capacity) {
        tiers.resize(capacity);
    }

    /** Statistics of every tier that exists. */
    public List<TierStatistics> statistics() {
        return tiers.statistics();
    }

    /** Drops the memory tier and closes the disk tier, if open: its files stay for the next run. */
    public void close() {
        tiers.close();
    }
}
