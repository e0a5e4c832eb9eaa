package io.autobot.optimizer.agent.policy.parallel;

import java.util.Locale;

/**
 * Whether splitting pays for one {@code @Parallel} method, learnt from its own calls while the
 * host runs: the time per element of its whole calls against that of its split calls (the chunks'
 * work plus what splitting costs: handing chunks to workers, waiting, merging, and the cores the
 * chunks compete for). Each is an exponentially weighted average; the method is split while its
 * split calls cost less per element, and the preference changes only past a margin (hysteresis).
 * One call in {@link #PROBE_EVERY} runs the other way, so that both figures follow the host (a
 * cache that warms, a CPU that gets busy). A call the agent's rate limits held back is not weighed
 * ({@link ParallelPolicy#measurable}): it only counts as having run split or whole.
 */
final class SplitPayoff {

    /** The other way must be this much cheaper per element before the preference changes. */
    static final double MARGIN = 0.9;
    /** Every this many calls, one runs the way not preferred, to measure it again. */
    static final int PROBE_EVERY = 8;
    /**
     * Split calls measured before splitting may stop: a method's first few split calls pay for
     * cold workers and code, and a verdict on them would keep a method whole that pays later.
     */
    static final int SPLITS_BEFORE_VERDICT = 16;
    private static final double WEIGHT = 0.25;

    private double whole = Double.NaN;
    private double split = Double.NaN;
    /** Whether a call ran whole, or split, measured or not ({@link #wholeNotWeighed}). */
    private boolean wholeRan;
    private boolean splitRan;
    private boolean splitting = true;
    private long calls;
    private int splits;

    /** Whether this call is to be split: the preferred way, or a probe of the other. */
    synchronized boolean splitNow() {
        if (!splitRan) {
            return true; // nothing split yet (the first call that could be split ran whole)
        }
        if (!wholeRan) {
            return false;
        }
        return ++calls % PROBE_EVERY == 0 ? !splitting : splitting;
    }

    /** A whole call of {@code size} elements took {@code nanos}. */
    synchronized void whole(long nanos, int size) {
        wholeRan = true;
        whole = average(whole, nanos, size);
        decide();
    }

    /** A split call of {@code size} elements took {@code nanos}, from the call to the merged result. */
    synchronized void split(long nanos, int size) {
        splitRan = true;
        split = average(split, nanos, size);
        splits++;
        decide();
    }

    /** A whole call ran whose time says nothing of what splitting is worth (a rate limit held it back). */
    synchronized void wholeNotWeighed() {
        wholeRan = true;
    }

    /** A split call ran whose time says nothing of what splitting is worth (a rate limit held it back). */
    synchronized void splitNotWeighed() {
        splitRan = true;
    }

    /** What a whole call of {@code size} elements is expected to take; 0 before one was measured. */
    synchronized long wholeEstimate(int size) {
        return Double.isNaN(whole) ? 0 : (long) (whole * size);
    }

    /** Whether the method is split now (outside probes). */
    synchronized boolean splitting() {
        return splitting;
    }

    /** Whether splitting was measured and does not pay: the method is no longer split, outside probes. */
    synchronized boolean doesNotPay() {
        return !splitting && !Double.isNaN(split);
    }

    /** The figures in words, such as {@code split: 0.20 ms per element against 0.50 ms whole}, or null. */
    synchronized String verdict() {
        if (Double.isNaN(split) || Double.isNaN(whole)) {
            return null;
        }
        return String.format(Locale.ROOT, "%s: %.3f ms per element split against %.3f ms whole",
                splitting ? "split, it pays" : "not split, it does not pay", split / 1e6, whole / 1e6);
    }

    private void decide() {
        if (Double.isNaN(split) || Double.isNaN(whole) || splits < SPLITS_BEFORE_VERDICT) {
            return;
        }
        if (splitting && whole < split * MARGIN) {
            splitting = false;
        } else if (!splitting && split < whole * MARGIN) {
            splitting = true;
        }
    }

    private static double average(double current, long nanos, int size) {
        double perElement = (double) nanos / Math.max(1, size);
        return Double.isNaN(current) ? perElement : current + WEIGHT * (perElement - current);
    }
}
