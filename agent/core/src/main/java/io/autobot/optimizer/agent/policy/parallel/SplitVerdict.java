package io.autobot.optimizer.agent.policy.parallel;

import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one {@code @Parallel} method has shown about itself: the shape of its results, known from
 * its declaration when that names a final class (an array of a primitive or of a final JDK class),
 * else learnt from its first call that could have been split (it runs whole, so that no body ever
 * runs twice to find out that chunk results cannot be merged into what the method returns), and whether its
 * calls may still be split. A method that showed it cannot be split safely is turned off for good
 * (until its class is transformed again), with one warning naming it and why; its calls then run
 * whole on the caller's thread.
 */
final class SplitVerdict {

    static final Logger LOG = LoggerFactory.getLogger("io.autobot.optimizer");

    private final String method;
    private final boolean returnsResults;
    private final AtomicBoolean off;
    private volatile ResultShape shape;
    private volatile String learntFrom;

    /**
     * @param method the method's qualified name, for the warning
     * @param returnsResults false for a void method: nothing to learn before splitting it
     * @param splits false for a method that is never split (its warning was given already)
     */
    SplitVerdict(String method, boolean returnsResults, boolean splits) {
        this(method, returnsResults, splits, null, null);
    }

    /**
     * @param declared the shape of every result when the declared return type says it (a final
     *        class of the merge table: {@link ResultShape#declared}), so the first call need not run
     *        whole; null when a result must tell
     * @param declaredType the declared return type, for messages
     */
    SplitVerdict(String method, boolean returnsResults, boolean splits, ResultShape declared, String declaredType) {
        this.method = method;
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

    /** Learns from a whole call's result; a result no merge can rebuild turns splitting off. */
    void learn(Object result, Object argument) {
        if (result == null || shape != null) {
            return; // a null tells nothing: the next call learns
        }
        ResultShape learnt = ResultShape.learn(result, argument);
        if (learnt == null) {
            turnOff("its results are " + ResultKind.describeUnmergeable(result) + ", which the merge cannot rebuild");
        } else {
            learntFrom = learnt == ResultShape.ARGUMENT ? "its argument" : "a " + result.getClass().getName();
            shape = learnt;
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
        turnOff("its chunks returned " + String.join(", ", classes) + " where its first whole call returned "
                + learntFrom + ", so they cannot be merged into what a sequential run returns");
    }

    /** Stops splitting the method; the first call of it logs why. */
    void turnOff(String why) {
        if (off.compareAndSet(false, true)) {
            LOG.warn("{}: @Parallel: {}; it is no longer split (its calls run whole, on the caller's thread)", method,
                    why);
        }
    }
}
