package io.autobot.optimizer.agent.discovery;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import net.bytebuddy.jar.asm.Type;

/**
 * What was seen of one observed method: calls, time, how many calls had arguments seen before,
 * and, for those, whether the result was the same (by hash). At most {@link #MAX_KEYS} distinct
 * argument hashes are tracked; calls with new arguments beyond that count as not repeating.
 */
final class MethodObservation {

    static final int MAX_KEYS = 50_000;

    final Sampler.Hot hot;
    /** Every call that entered, observed or not. */
    final AtomicLong entries = new AtomicLong();
    /** Calls are observed when {@code (entry & mask) == 0}: all at first, fewer when observing costs too much. */
    volatile long mask;
    /** Time spent observing (hashing, looking up, counting), apart from the body. */
    final LongAdder probeNanos = new LongAdder();
    final LongAdder calls = new LongAdder();
    final LongAdder nanos = new LongAdder();
    /** Observed calls by cost, bucket b holding the calls of 2^b to 2^(b+1) - 1 ns: the median, below. */
    private final AtomicLongArray costBuckets = new AtomicLongArray(64);
    final LongAdder repeats = new LongAdder();
    final LongAdder thrown = new LongAdder();
    final LongAdder compared = new LongAdder();
    final LongAdder differed = new LongAdder();
    final LongAdder resultBytes = new LongAdder();
    final LongAdder results = new LongAdder();
    /** Index of the first parameter a split would cut (as {@code parallel} picks it); -1 when none. */
    final int listArgument;
    /** Results that were lists, collections or arrays (what splitting merges back in order). */
    final LongAdder sequenceResults = new LongAdder();
    final SizeCost sizeCost = new SizeCost();
    volatile String argumentProblem;
    volatile String resultWithoutEquals;
    private final Map<Long, Long> resultByArguments = new ConcurrentHashMap<>();

    MethodObservation(Sampler.Hot hot) {
        this.hot = hot;
        this.listArgument = listArgument(hot.descriptor);
    }

    /** The types {@code parallel} splits (docs/policies.md), by descriptor. */
    private static final Set<String> SPLIT_TYPES = Set.of("Ljava/util/List;", "Ljava/util/Collection;",
            "Ljava/util/Set;", "Ljava/util/SortedSet;", "Ljava/util/ArrayList;", "Ljava/util/LinkedList;",
            "Ljava/util/HashSet;", "Ljava/util/LinkedHashSet;", "Ljava/util/TreeSet;");

    static int listArgument(String descriptor) {
        try {
            Type[] types = Type.getArgumentTypes(descriptor);
            for (int i = 0; i < types.length; i++) {
                if (types[i].getSort() == Type.ARRAY || SPLIT_TYPES.contains(types[i].getDescriptor())) {
                    return i;
                }
            }
        } catch (RuntimeException malformed) {
            // no split argument known
        }
        return -1;
    }

    /** The first calls of a method are all observed. */
    static final int OBSERVED_FIRST = 64;
    /** The observing cost is kept under this share of the method's own time. */
    static final double PROBE_BUDGET = 0.01;
    /** The share observed is reconsidered every this many calls (a power of two). */
    static final int ADAPT_EVERY = 256;
    static final long MAX_MASK = (1 << 20) - 1;

    /**
     * Whether this call is observed: the first {@link #OBSERVED_FIRST}, then one in {@code mask + 1},
     * where the mask keeps the time spent observing under {@link #PROBE_BUDGET} of the time spent in
     * the method (a cheap method with costly arguments to hash is observed on few of its calls).
     */
    boolean sample() {
        long entry = entries.incrementAndGet();
        if (entry <= OBSERVED_FIRST) {
            return true;
        }
        if ((entry & (ADAPT_EVERY - 1)) == 0) {
            adapt();
        }
        return (entry & mask) == 0;
    }

    private void adapt() {
        long observed = calls.sum();
        if (observed == 0) {
            return;
        }
        double probePerCall = (double) probeNanos.sum() / observed;
        double bodyPerCall = Math.max(1.0, (double) nanos.sum() / observed);
        // an observed call adds probePerCall, spread over mask + 1 calls of bodyPerCall each
        double share = probePerCall / (PROBE_BUDGET * bodyPerCall);
        long next = 0;
        while (next + 1 < share && next < MAX_MASK) {
            next = next * 2 + 1;
        }
        mask = next;
    }

    /** The share of calls observed: entries over observed calls. */
    double scale() {
        long observed = calls.sum();
        return observed == 0 ? 1 : Math.max(1.0, (double) entries.get() / observed);
    }

    /** Stands for "arguments seen, result not known (yet)". */
    private static final Long UNKNOWN = Long.MIN_VALUE + 17;

    /** Whether a call with these arguments was seen before; notes them when not (up to {@link #MAX_KEYS}). */
    boolean seenOrTrack(long argsHash) {
        if (resultByArguments.containsKey(argsHash)) {
            return true;
        }
        if (resultByArguments.size() < MAX_KEYS) {
            resultByArguments.putIfAbsent(argsHash, UNKNOWN);
        }
        return false;
    }

    void called(long elapsedNanos, boolean repeat, boolean threw) {
        calls.increment();
        nanos.add(elapsedNanos);
        costBuckets.incrementAndGet(63 - Long.numberOfLeadingZeros(Math.max(1, elapsedNanos)));
        if (repeat) {
            repeats.increment();
        }
        if (threw) {
            thrown.increment();
        }
    }

    void result(long argsHash, long resultHash, long bytes) {
        results.increment();
        resultBytes.add(bytes);
        Long before = resultByArguments.get(argsHash);
        if (before == null || before.equals(UNKNOWN)) {
            if (before != null) {
                resultByArguments.replace(argsHash, UNKNOWN, resultHash);
            }
            return;
        }
        compared.increment();
        if (before != resultHash) {
            differed.increment();
        }
    }

    /** A result that cannot be compared (identity equals): counted and sized only. */
    void uncompared(long bytes) {
        results.increment();
        resultBytes.add(bytes);
    }

    /**
     * The median cost of an observed call, within a factor of two (the middle of its power-of-two
     * bucket); NaN before any call. Unlike the mean, a few calls stretched by the thread being
     * descheduled (a loaded machine) do not move it: it says whether a typical call is cheap.
     */
    double medianNanos() {
        long total = 0;
        for (int b = 0; b < 64; b++) {
            total += costBuckets.get(b);
        }
        long seen = 0;
        for (int b = 0; b < 64; b++) {
            seen += costBuckets.get(b);
            if (total > 0 && seen * 2 >= total) {
                return 1.5 * (1L << Math.min(b, 62));
            }
        }
        return Double.NaN;
    }

    void drop() {
        resultByArguments.clear();
    }
}
