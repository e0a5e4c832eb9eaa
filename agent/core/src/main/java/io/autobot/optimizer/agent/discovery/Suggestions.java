package io.autobot.optimizer.agent.discovery;

import java.util.List;
import java.util.Locale;

/**
 * The policies besides caching that discovery suggests, each from evidence it can see; it cannot
 * prove either, so each comes with its evidence and the rules file is the user's to read.
 *
 * <p>{@code parallel} (split the list argument across threads) when the work looks element-wise:
 * the method has a list, collection or array parameter of a type {@code parallel} splits and
 * returns a list, collection or array (what the chunks' results are merged into), its cost grows
 * in line with the argument's length (a least-squares fit over at least {@link #MIN_FIT_CALLS}
 * observed calls of two lengths or more, correlation at least {@link #MIN_CORRELATION}), an element
 * costs at least {@link #MIN_NANOS_PER_ELEMENT} (a chunk must be worth a worker's hand-off), and the
 * calls had at least {@link #MIN_MEAN_LENGTH} elements on average.
 *
 * <p>{@code rate-limited} (throttled) when the method waits on a remote service: at least
 * {@link #MIN_REMOTE_SAMPLES} of its samples, and {@link #MIN_REMOTE_SHARE} of them, have socket or
 * HTTP client code under it.
 */
final class Suggestions {

    static final int MIN_FIT_CALLS = 5;
    static final double MIN_CORRELATION = 0.8;
    static final double MIN_NANOS_PER_ELEMENT = 100_000;
    static final double MIN_MEAN_LENGTH = 2;
    static final long MIN_REMOTE_SAMPLES = 2;
    static final double MIN_REMOTE_SHARE = 0.25;

    private Suggestions() {
    }

    /** Whether to suggest {@code parallel}; adds its evidence when it does. */
    static boolean parallel(MethodObservation observation, List<String> evidence) {
        long results = observation.results.sum();
        if (observation.listArgument < 0 || results == 0 || observation.sequenceResults.sum() < results) {
            return false;
        }
        SizeCost.Fit fit = observation.sizeCost.fit();
        if (fit.calls() < MIN_FIT_CALLS || fit.maxLength() <= fit.minLength() || fit.correlation() < MIN_CORRELATION
                || fit.nanosPerElement() < MIN_NANOS_PER_ELEMENT || fit.meanLength() < MIN_MEAN_LENGTH) {
            return false;
        }
        evidence.add(String.format(Locale.ROOT, "parallel: cost grows with the length of argument %d (%d calls,"
                + " %d to %d elements, ~%s per element, correlation %.2f); split it only if each element's result"
                + " depends on that element alone", observation.listArgument + 1, fit.calls(), fit.minLength(),
                fit.maxLength(), Verdicts.cost(fit.nanosPerElement()), fit.correlation()));
        return true;
    }

    /** Whether to suggest {@code rate-limited}; adds its evidence when it does. */
    static boolean throttled(Sampler.Hot hot, List<String> evidence) {
        long remote = hot.remoteSamples.sum();
        if (remote < MIN_REMOTE_SAMPLES || hot.remoteShare() < MIN_REMOTE_SHARE) {
            return false;
        }
        evidence.add(String.format(Locale.ROOT, "rate-limited: waits on socket or HTTP client I/O in %d samples"
                + " (%.0f%% of its samples); set per-second to what the service allows", remote,
                hot.remoteShare() * 100));
        return true;
    }
}
