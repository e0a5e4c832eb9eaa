package io.autobot.optimizer.agent.policy.parallel;

import io.autobot.optimizer.agent.call.CallerFailure;
import io.autobot.optimizer.agent.call.Chain;
import io.autobot.optimizer.agent.call.Invocation;
import io.autobot.optimizer.agent.call.PolicyLedger;
import io.autobot.optimizer.agent.call.Policy;
import io.autobot.optimizer.agent.config.OperationProfiles;
import io.autobot.optimizer.agent.config.RuntimeSettings;
import io.autobot.optimizer.agent.jfr.FlightEvents;
import io.autobot.optimizer.agent.policy.ThrottledTime;

/**
 * Splits a call whose list, collection or array argument reaches the threshold into one chunk
 * per available thread, runs the chunks through the rest of the pipeline on the worker pool and
 * the caller's thread (see {@link Split}), writes what the chunks changed in place back into the
 * argument ({@link WriteBack}), and merges their results in the original order.
 * Smaller calls, null arguments, the first call of a method that is not cached (its result shows
 * how results are merged: {@link SplitVerdict}), calls made from inside a chunk of another split call, calls made
 * while the calling thread initializes a class ({@link ClassInitialization}), calls of a
 * method that is no longer split ({@link SplitVerdict}), calls of a method whose splits do not
 * pay for themselves ({@link SplitPayoff}, but for one probe in a few), and every call while
 * {@code OPTIMIZATION_PARALLEL} is off or the level is {@code basic}, run as they are on the
 * caller's thread. With {@code distinct}, every result loses its repeated elements, split or not,
 * so a result never depends on the level.
 */
final class ParallelPolicy implements Policy {

    private final RuntimeSettings settings;
    private final OperationProfiles profiles;
    private final WorkerPool pool;
    private final String operation;
    private final int parameter;
    private final Splittable splittable;
    private final int threshold;
    private final boolean distinct;
    private final SplitVerdict verdict;
    private final SplitPayoff payoff = new SplitPayoff();
    private final PolicyLedger ledger;

    /**
     * @param threshold the declared threshold, or 0 for the operation profile's, read at each call
     */
    ParallelPolicy(RuntimeSettings settings, WorkerPool pool, String operation, int parameter, Splittable splittable,
            int threshold, boolean distinct, SplitVerdict verdict, PolicyLedger ledger) {
        this.settings = settings;
        this.profiles = settings.profiles();
        this.pool = pool;
        this.operation = operation;
        this.parameter = parameter;
        this.splittable = splittable;
        this.threshold = threshold;
        this.distinct = distinct;
        this.verdict = verdict;
        this.ledger = ledger;
        ledger.verdict("parallel", payoff::verdict);
    }

    @Override
    public Object apply(Invocation invocation, Chain next) throws Throwable {
        Object argument = invocation.args()[parameter];
        int size = argument == null ? 0 : splittable.size(argument);
        int parts = argument == null || !verdict.splits() || !settings.parallelActive() || Split.inChunk() ? 1
                : parts(size);
        Object result;
        if (parts < 2) {
            result = next.call(invocation);
        } else if (verdict.mustLearn() && !verdict.learnsFromChunks()) {
            result = whole(invocation, next, size, argument); // its result's class says whether chunk results can be merged
        } else if (ClassInitialization.inProgress()) {
            result = next.call(invocation); // whole: a worker needing the class this thread initializes would wait for ever
        } else if (!verdict.mustLearn() && !payoff.splitNow()) {
            result = whole(invocation, next, size, argument);
        } else {
            Object event = FlightEvents.splitBegins();
            long start = System.nanoTime();
            long[] throttled = new long[1];
            result = split(invocation, next, argument, parts, throttled);
            long nanos = System.nanoTime() - start;
            if (event != null) {
                FlightEvents.split(event, invocation.method(), size, parts);
            }
            if (measurable(nanos, throttled[0])) {
                boolean wasSplitting = payoff.splitting();
                payoff.split(nanos, size);
                long expected = payoff.wholeEstimate(size);
                if (expected > 0) {
                    ledger.saved("parallel", expected - nanos); // negative when the split cost more than it saved
                }
                said(wasSplitting);
            } else {
                payoff.splitNotWeighed();
            }
        }
        return distinct ? Distinct.of(result) : result;
    }

    /**
     * Runs the call whole on the caller's thread, timed for {@link SplitPayoff}; its result's
     * class is learnt, or checked against what the chunks of the first call returned.
     */
    private Object whole(Invocation invocation, Chain next, int size, Object argument) throws Throwable {
        long throttledFrom = ThrottledTime.ofCurrentThread();
        long start = System.nanoTime();
        Object result = next.call(invocation);
        long nanos = System.nanoTime() - start;
        if (measurable(nanos, ThrottledTime.ofCurrentThread() - throttledFrom)) {
            boolean wasSplitting = payoff.splitting();
            payoff.whole(nanos, size);
            said(wasSplitting);
        } else {
            payoff.wholeNotWeighed();
        }
        verdict.learn(result, argument);
        return result;
    }

    /**
     * Whether a call's time says what splitting is worth: not when the agent's rate limits held it
     * back for more than a tenth of it ({@code throttledNanos}: on the caller's thread for a whole
     * call, on the chunks' longest path for a split one). Such a call is as fast as the limit lets
     * it be, split or not; its time tells how the limit is set and how many of its elements needed
     * a permit, and would blame or credit the split for either.
     */
    static boolean measurable(long nanos, long throttledNanos) {
        return throttledNanos <= nanos / 10;
    }

    /** A change of preference is said once (the ledger reads the verdict itself, when asked). */
    private void said(boolean wasSplitting) {
        if (wasSplitting != payoff.splitting()) {
            SplitVerdict.LOG.info("{}: @Parallel: {}", verdict.method(), payoff.verdict());
        }
    }

    /**
     * Runs the chunks, then writes their element changes back into the argument and returns the
     * merged result, or throws what a sequential run would have thrown. A method that turns out
     * not to be element-wise on this argument, or whose chunks returned results that cannot be
     * merged into what its whole calls return, is no longer split, and this call runs again whole
     * on the untouched argument, so that the caller gets what a sequential run gives.
     */
    private Object split(Invocation invocation, Chain next, Object argument, int parts, long[] throttled)
            throws Throwable {
        Cut cut = splittable.cut(argument, parts);
        Object[] chunks = cut.chunks();
        Split split = new Split(invocation, next, parameter, chunks, cut::chunk, verdict);
        split.run(pool);
        throttled[0] = split.longestThrottledNanos();
        Throwable failure = split.failure();
        if (failure != null && !(failure instanceof CallerFailure)) {
            throw failure; // the splitter itself failed: the engine runs the plain method, the argument untouched
        }
        Object merged = null;
        if (failure == null && verdict.mustLearn()) {
            // the method's first split: its chunks' results tell how to merge them, when they agree
            if (!verdict.learnFromChunks(split.results(), chunks)) {
                return whole(invocation, next, cut.size(), argument);
            }
        }
        if (failure == null) {
            merged = merged(split.results(), chunks, argument);
        }
        if (merged == Merge.MISMATCH) {
            verdict.mismatch(split.results(), chunks);
            return next.call(invocation);
        }
        String notElementWise = WriteBack.apply(argument, cut, chunks, failure == null ? parts : split.failedChunk() + 1);
        if (notElementWise != null) {
            verdict.turnOff(notElementWise);
            return next.call(invocation);
        }
        if (failure != null) {
            throw failure;
        }
        return merged;
    }

    private Object merged(Object[] results, Object[] chunks, Object argument) {
        ResultShape shape = verdict.shape();
        return shape == null ? null : Merge.merge(shape, results, chunks, argument); // no shape: a void method
    }

    /** How many chunks a call of this size is cut into; 1 when it is not split. */
    private int parts(int size) {
        int limit = threshold > 0 ? threshold : profiles.get(operation).parallelThreshold();
        return size < limit ? 1 : Math.min(size, pool.parallelism());
    }
}
