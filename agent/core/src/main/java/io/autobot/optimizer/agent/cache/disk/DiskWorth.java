package io.autobot.optimizer.agent.cache.disk;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Whether storing one method's results on disk pays for itself, learnt from the method's own calls
 * while the host runs: a result is stored only while reading it back (the store's get and the
 * decoding, measured on the method's disk hits; before the first hit, the encoding measured on its
 * writes stands in for it) costs less than computing it (the body's time of its misses). The two
 * are exponentially weighted averages whose first sample is replaced by the second (the first
 * call of a method and its first encoding pay one-time costs: class loading, the JIT, the
 * serialization's class descriptors), and the verdict changes only past a margin either way
 * (hysteresis), so a method near the line does not flip at every call. While its results are
 * skipped, one in {@link #PROBE_EVERY} is stored all the same and one lookup in {@link
 * #PROBE_EVERY} still reads the disk, so that a cost first measured on cold code or a busy machine
 * is measured again: a restarted JVM's first reads run interpreted and would otherwise keep a
 * store full of results unread for the whole run.
 */
final class DiskWorth {

    /** Storing stops when computing costs less than this share of a read. */
    static final double STOP_BELOW = 0.8;
    /** Storing resumes when computing costs more than this multiple of a read. */
    static final double RESUME_ABOVE = 1.25;
    /** The calls measured before a verdict is given: storing until then. */
    static final int LEARNING_CALLS = 3;
    /** While skipped, every this many results one is stored, to measure the cost of disk again. */
    static final int PROBE_EVERY = 16;
    private static final double WEIGHT = 0.2;

    private double compute = Double.NaN;
    private double read = Double.NaN;
    private double write = Double.NaN;
    private int computed;
    private int reads;
    private int writes;
    /** Written under the lock, read without it by every lookup. */
    private volatile boolean storing = true;
    /** Lookups made while skipped, to pick the one in {@link #PROBE_EVERY} that reads all the same. */
    private final AtomicLong skippedLookups = new AtomicLong();

    /** A miss's body took this long; returns whether its result is stored (a probe while skipped). */
    synchronized boolean computed(long nanos) {
        compute = average(compute, nanos, computed++);
        double readCost = readCost();
        if (computed < LEARNING_CALLS || Double.isNaN(readCost)) {
            return storing;
        }
        if (storing && compute < readCost * STOP_BELOW) {
            storing = false;
        } else if (!storing && compute > readCost * RESUME_ABOVE) {
            storing = true;
        }
        return storing || computed % PROBE_EVERY == 0;
    }

    /** Encoding a result (with its key) on the caller's thread took this long. */
    synchronized void wrote(long nanos) {
        write = average(write, nanos, writes++);
    }

    /** A disk hit (the store's get and the decoding) took this long. */
    synchronized void read(long nanos) {
        read = average(read, nanos, reads++);
    }

    /** What computing a result is expected to take; 0 before one was measured. */
    synchronized long computeEstimate() {
        return Double.isNaN(compute) ? 0 : (long) compute;
    }

    /** Whether results are stored now. */
    boolean storing() {
        return storing;
    }

    /** Whether a lookup reads the disk: while storing, every one; while skipped, a probe. */
    boolean looksUp() {
        return storing || skippedLookups.incrementAndGet() % PROBE_EVERY == 0;
    }

    /**
     * The verdict in words, such as {@code disk: skipped, computing is cheaper (0.4 ms vs 1.1 ms to
     * read)}, or null before anything was measured.
     */
    synchronized String verdict() {
        double readCost = readCost();
        if (Double.isNaN(compute) || Double.isNaN(readCost)) {
            return null;
        }
        String costs = " (" + millis(compute) + " ms to compute vs " + millis(readCost) + " ms to read"
                + (readsDecide() ? "" : ", estimated from the encoding") + ")";
        return storing ? "disk: stored, reading is cheaper" + costs : "disk: skipped, computing is cheaper" + costs;
    }

    /**
     * The reads once there are two (the first alone is cold: it pays the decoding's class loading
     * and the store's first page reads), before that the encodings when there are any.
     */
    private double readCost() {
        return readsDecide() ? read : write;
    }

    private boolean readsDecide() {
        return reads >= 2 || Double.isNaN(write);
    }

    /** The average with one more sample; the second sample replaces the first (see the class comment). */
    private static double average(double current, long sample, int before) {
        return before < 2 ? sample : current + WEIGHT * (sample - current);
    }

    private static String millis(double nanos) {
        return String.format(Locale.ROOT, nanos < 1e6 ? "%.2f" : "%.1f", nanos / 1e6);
    }
}
