package io.autobot.optimizer.agent.discovery;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.bytebuddy.jar.asm.Type;

/**
 * Turns what was sampled and observed into a ranked row: the figures, the verdict and the policy.
 *
 * <p>Caching is worth it when the arguments recur ({@link #MIN_REPEAT_RATE}), a typical call (the
 * mean, and the median, which the calls stretched by descheduling on a loaded machine do not move)
 * costs clearly more than a cache hit ({@link #MIN_COST_NANOS}), and the time saved, {@code calls per minute x
 * repeat rate x (mean cost - hit cost)}, reaches {@link #MIN_SAVED_MILLIS_PER_MINUTE}. It is
 * {@code cache} when, besides, equal arguments gave equal results at least {@link #MIN_COMPARED}
 * times and the result compares by value; else {@code cache, verify first}.
 */
final class Verdicts {

    static final double MIN_REPEAT_RATE = 0.10;
    static final long MIN_COST_NANOS = 10_000;
    static final long HIT_COST_NANOS = 1_000;
    static final double MIN_SAVED_MILLIS_PER_MINUTE = 100;
    static final long MIN_COMPARED = 20;
    /** The share of cache hits re-run and compared for a {@code cache, verify first} method. */
    static final String VERIFY_FRACTION = "0.05";

    private Verdicts() {
    }

    /** A sampled method that was not observed. */
    static DiscoveryRow unobserved(Sampler.Hot hot, long samples, long totalSamples, String verdict) {
        return new DiscoveryRow(ruleName(hot), samples, share(samples, totalSamples), -1, Double.NaN, Double.NaN,
                Double.NaN, verdict, "", verdict);
    }

    static DiscoveryRow observed(MethodObservation observation, long samples, long totalSamples, double seconds) {
        Sampler.Hot hot = observation.hot;
        long calls = observation.calls.sum();
        if (calls == 0 || seconds <= 0) {
            return unobserved(hot, samples, totalSamples, "not observed: no call ended in the window");
        }
        double meanNanos = (double) observation.nanos.sum() / calls;
        double repeatRate = (double) observation.repeats.sum() / calls;
        double callsPerMinute = calls * observation.scale() / seconds * 60;
        double saved = callsPerMinute * repeatRate * Math.max(0, meanNanos - HIT_COST_NANOS) / 1e6;
        long compared = observation.compared.sum();
        long differed = observation.differed.sum();
        long thrown = observation.thrown.sum();
        long results = observation.results.sum();
        double meanBytes = results == 0 ? 0 : (double) observation.resultBytes.sum() / results;
        String verdict;
        if (observation.argumentProblem != null) {
            verdict = "not cacheable: " + observation.argumentProblem;
        } else if (differed > 0) {
            verdict = "not cacheable: different results for equal arguments (" + differed + " of " + compared + ")";
        } else if (thrown * 2 > calls) {
            verdict = "not cacheable: most calls threw";
        } else if (repeatRate < MIN_REPEAT_RATE || Math.min(meanNanos, observation.medianNanos()) < MIN_COST_NANOS
                || saved < MIN_SAVED_MILLIS_PER_MINUTE) {
            verdict = "not worth it";
        } else if (compared >= MIN_COMPARED && observation.resultWithoutEquals == null && thrown == 0) {
            verdict = "cache";
        } else {
            verdict = "cache, verify first";
        }
        List<String> evidence = new ArrayList<>();
        long entered = Math.max(calls, observation.entries.get());
        evidence.add(String.format(Locale.ROOT, "%d calls in %.0fs (%d observed), mean %s, %.0f%% repeated arguments",
                entered, seconds, calls, cost(meanNanos), repeatRate * 100));
        evidence.add(compared == 0 ? "no repeated call to compare results"
                : String.format(Locale.ROOT, "equal results for equal arguments %d/%d", compared - differed, compared));
        if (observation.resultWithoutEquals != null) {
            evidence.add("result " + observation.resultWithoutEquals + " has no value equality");
        }
        if (thrown > 0) {
            evidence.add(thrown + " calls threw");
        }
        evidence.add(String.format(Locale.ROOT, "result ~%.0f bytes", meanBytes));
        evidence.add(String.format(Locale.ROOT, "%.1f%% of samples", share(samples, totalSamples) * 100));
        List<String> policies = new ArrayList<>();
        if (verdict.equals("cache")) {
            policies.add("cached(ttl=10m)");
        } else if (verdict.startsWith("cache")) {
            policies.add("cached(ttl=10m, verify=" + VERIFY_FRACTION + ")");
        }
        if (!verdict.startsWith("not cacheable") && Suggestions.parallel(observation, evidence)) {
            policies.add("parallel");
        }
        if (Suggestions.throttled(hot, evidence)) {
            policies.add("rate-limited");
        }
        String policy = String.join(" ", policies);
        return new DiscoveryRow(ruleName(hot), samples, share(samples, totalSamples), entered, meanNanos / 1000,
                repeatRate, saved, verdict, policy, String.join("; ", evidence));
    }

    private static double share(long samples, long total) {
        return total == 0 ? 0 : (double) samples / total;
    }

    static String cost(double nanos) {
        if (nanos >= 1e6) {
            return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
        }
        return nanos >= 1e3 ? String.format(Locale.ROOT, "%.1f us", nanos / 1e3)
                : String.format(Locale.ROOT, "%.0f ns", nanos);
    }

    /** The method as a rules file names it: {@code com.acme.Prices.quote(java.lang.String, int)}. */
    static String ruleName(Sampler.Hot hot) {
        List<String> types = new ArrayList<>();
        try {
            for (Type type : Type.getArgumentTypes(hot.descriptor)) {
                types.add(type.getClassName());
            }
        } catch (RuntimeException malformed) {
            return hot.className + "." + hot.name + "(..)";
        }
        return hot.className + "." + hot.name + "(" + String.join(", ", types) + ")";
    }
}
