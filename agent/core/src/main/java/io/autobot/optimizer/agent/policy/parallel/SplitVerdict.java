package io.autobot.optimizer.agent.policy.parallel;

import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one {@code @Parallel} method has shown about itself: the shape of its results, and whether
 * its calls may still be split. The shape is known from the declaration when that names a final
 * class (an array of a primitive or of a final JDK class). Else it is learnt from the method's
 * first call that can be split:
 *
 * <ul>
 *   <li>A method that is also cached ({@code @Cached} or {@code @Optimized}) has that call split,
 *       and its chunks' results tell the shape when they agree (all of one class the merge
 *       rebuilds, or all their own chunk): a job that calls it once gains too. When they do not
 *       agree, the call runs again whole on the untouched argument and its result tells, as a later
 *       call whose chunks do not match runs again whole. A cached method's body is a function of its
 *       arguments, run as often as the cache decides (verification runs it again on hits), so a
 *       second run changes nothing the caller sees. A shape learnt from chunks is checked against
 *       the method's next whole call: one of another class turns splitting off, as a mismatch does.</li>
 *   <li>Any other method has that call run whole, so that no body of it ever runs twice to find out
 *       that chunk results cannot be merged into what it returns.</li>
 * </ul>
 *
 * <p>A method that showed it cannot be split safely is turned off for good (until its class is
 * transformed again), with one warning naming it and why; its calls then run whole on the
 * caller's thread.
 */
final class SplitVerdict {

    static final Logger LOG = LoggerFactory.getLogger("io.autobot.optimizer");

    private final String method;
    private final boolean returnsResults;
    private final AtomicBoolean off;
    private volatile ResultShape shape;
    private volatile String learntFrom;
    /** Whether the shape was learnt from chunks and no whole call has confirmed it yet. */
    private volatile boolean unconfirmed;
    /** Whether the shape may be learnt from a first split's chunks (a cached method), until they disagree. */
    private volatile boolean fromChunks;

    /**
     * @param method the method's qualified name, for the warning
     * @param returnsResults false for a void method: nothing to learn before splitting it
     * @param splits false for a method that is never split (its warning was given already)
     */
    SplitVerdict(String method, boolean returnsResults, boolean splits) {
        this(method, returnsResults, splits, null, null, false);
    }

    /**
     * @param declared the shape of every result when the declared return type says it (a final
     *        class of the merge table: {@link ResultShape#declared}), so the first call need not run
     *        whole; null when a result must tell
     * @param declaredType the declared return type, for messages
     * @param fromChunks whether the shape may be learnt from the first split's chunks: a cached method
     */
    SplitVerdict(String method, boolean returnsResults, boolean splits, ResultShape declared, String declaredType,
            boolean fromChunks) {
        this.method = method;
        this.fromChunks = fromChunks;
        this.returnsResults = returnsResults;
        this.off = new AtomicBoolean(!splits);
        this.shape = declared;
        this.learntFrom = declared == null ? null : "its declared " + declaredType;
    }

    /** The method's qualified name. */
    String method() {
        return method;
    }

    /** Whether calls may be split. */
    boolean splits() {
        return !off.get();
    }

    /** Whether the next call that could be split must run whole first, to learn the shape of the results. */
    boolean mustLearn() {
        return returnsResults && shape == null;
    }

    /** The shape learnt, or null. */
    ResultShape shape() {
        return shape;
    }

    /** Whether the shape may be learnt from a split's chunks: a cached method whose chunks have not disagreed. */
    boolean learnsFromChunks() {
        return fromChunks;
    }

    /**
     * Learns the shape from the chunks of the method's first split, when they agree ({@link
     * ResultShape#common}); otherwise the shape is learnt from a whole call from now on.
     *
     * @return whether they agreed, so that their results can be merged
     */
    boolean learnFromChunks(Object[] results, Object[] chunks) {
        ResultShape common = ResultShape.common(results, chunks);
        if (common == null) {
            fromChunks = false;
            return false;
        }
        learntFrom = common == ResultShape.ARGUMENT ? "their argument"
                : "a " + firstNonOwn(results, chunks).getClass().getName();
        unconfirmed = true;
        shape = common;
        return true;
    }

    private static Object firstNonOwn(Object[] results, Object[] chunks) {
        for (int i = 0; i < results.length; i++) {
            if (results[i] != chunks[i]) {
                return results[i];
            }
        }
        return results[0];
    }

    /**
     * Learns from a whole call's result, or checks against it a shape learnt from chunks; a result
     * no merge can rebuild, or of another shape than the chunks', turns splitting off.
     */
    void learn(Object result, Object argument) {
        if (result == null) {
            return; // a null tells nothing: the next call learns
        }
        if (shape != null) {
            confirm(result, argument);
            return;
        }
        ResultShape learnt = ResultShape.learn(result, argument);
        if (learnt == null) {
            turnOff("its results are " + ResultKind.describeUnmergeable(result) + ", which the merge cannot rebuild");
        } else {
            learntFrom = learnt == ResultShape.ARGUMENT ? "its argument" : "a " + result.getClass().getName();
            shape = learnt;
        }
    }

    /** Checks a shape learnt from chunks against a whole call's result, once. */
    private void confirm(Object result, Object argument) {
        if (!unconfirmed) {
            return;
        }
        unconfirmed = false;
        if (!shape.equals(ResultShape.learn(result, argument))) {
            turnOff("its whole calls return " + (result == argument ? "their argument" : "a "
                    + result.getClass().getName()) + " where the chunks of its first split call returned "
                    + learntFrom + ", so split calls may not return what sequential runs return");
        }
    }

    /** Stops splitting a method whose chunks returned results that do not have the shape learnt. */
    void mismatch(Object[] results, Object[] chunks) {
        Set<String> classes = new TreeSet<>();
        for (int i = 0; i < results.length; i++) {
            Object result = results[i];
            classes.add(result == null ? "null" : result == chunks[i] ? "their argument"
                    : result.getClass().getName());
        }
        turnOff("its chunks returned " + String.join(", ", classes) + " where " + (unconfirmed
                ? "the chunks of its first split call returned " : "its first whole call returned ") + learntFrom
                + ", so they cannot be merged into what a sequential run returns");
    }

    /** Stops splitting the method; the first call of it logs why. */
    void turnOff(String why) {
        if (off.compareAndSet(false, true)) {
            LOG.warn("{}: @Parallel: {}; it is no longer split (its calls run whole, on the caller's thread)", method,
                    why);
        }
    }
}
