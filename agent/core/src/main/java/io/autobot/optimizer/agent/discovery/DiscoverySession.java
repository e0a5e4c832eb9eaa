package io.autobot.optimizer.agent.discovery;

import io.autobot.optimizer.bootstrap.Probe;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One discovery window, on a thread of its own: samples for the first third (at least 2 seconds),
 * then observes the hottest candidates for the rest, while sampling goes on. When the window ends,
 * is cancelled, or its lease runs out (its client stopped asking: it died), the observing advice
 * is removed and every counter dropped; only the report, which holds no argument value, stays
 * until it is read.
 */
final class DiscoverySession implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger("io.autobot.optimizer");

    private final String id;
    private final DiscoveryOptions options;
    private final Instrumentation instrumentation;
    private final Object lock = new Object();
    private volatile long lastPoll = System.nanoTime();
    private volatile String state = "sampling";
    private volatile boolean cancelled;
    private volatile String cancelReason;
    private volatile DiscoveryReport report;
    private final List<String> problems = new ArrayList<>();
    private final Runnable whenAbandoned;
    private volatile boolean abandoned;

    DiscoverySession(String id, DiscoveryOptions options, Instrumentation instrumentation, Runnable whenAbandoned) {
        this.id = id;
        this.options = options;
        this.instrumentation = instrumentation;
        this.whenAbandoned = whenAbandoned;
    }

    String id() {
        return id;
    }

    /** The report so far; also renews the lease. */
    DiscoveryReport poll() {
        lastPoll = System.nanoTime();
        DiscoveryReport done = report;
        return done != null ? done
                : new DiscoveryReport(id, state, options.duration().toSeconds(), 0, 0, null, Map.of(), List.of(),
                        List.of());
    }

    void cancel(String reason) {
        cancelReason = reason;
        cancelled = true;
        synchronized (lock) {
            lock.notifyAll();
        }
    }

    boolean finished() {
        return report != null;
    }

    @Override
    public void run() {
        long start = System.nanoTime();
        long end = start + options.duration().toNanos();
        // a third of the window, however long: an application that works in phases (one stage, then
        // the next) has its hot methods sampled only when the sampling sees every phase
        long sampleFor = Math.max(2_000_000_000L, options.duration().toNanos() / 3);
        Sampler sampler = null;
        ObservingInstaller installer = null;
        Observer observer = null;
        List<MethodObservation> observations = new ArrayList<>();
        List<Sampler.Hot> ranked = List.of();
        Map<String, Boolean> restored = new LinkedHashMap<>();
        double observedSeconds = 0;
        long samples = 0;
        try {
            sampler = new Sampler(options.filter());
            sampler.start();
            long sampling = awaitStream(sampler, end);
            if (sampling < 0) {
                return;
            }
            end = sampling + options.duration().toNanos(); // the window counts from the first samples
            if (!await(sampling + sampleFor)) {
                return;
            }
            for (Sampler.Hot hot : sampler.ranked()) {
                if (observations.size() >= options.top()) {
                    break;
                }
                if (hot.declarationProblem() == null) {
                    observations.add(new MethodObservation(hot));
                }
            }
            observer = new Observer(observations);
            Probe.install(observer);
            installer = new ObservingInstaller(instrumentation, observations);
            state = "observing";
            long observeStart = System.nanoTime();
            installer.install();
            boolean completed = await(end);
            observedSeconds = (System.nanoTime() - observeStart) / 1e9;
            if (!completed) {
                return;
            }
        } catch (Throwable failure) {
            problems.add("discovery failed: " + failure);
            LOG.warn("discovery failed; every temporary change is being removed: {}", failure.toString());
        } finally {
            Probe.reset();
            if (observer != null) {
                observer.close();
            }
            if (installer != null) {
                try {
                    restored.putAll(installer.remove());
                } catch (Throwable failure) {
                    problems.add("restoring the observed classes failed: " + failure);
                }
            }
            if (sampler != null) {
                samples = sampler.samples();
                if (sampler.firstFailure() != null) {
                    LOG.debug("discovery: some samples could not be read: {}", sampler.firstFailure());
                }
                ranked = sampler.ranked();
                try {
                    sampler.close();
                } catch (Throwable failure) {
                    problems.add("closing the JFR stream failed: " + failure);
                }
            }
            boolean allBack = !restored.containsValue(false);
            if (!allBack) {
                LOG.warn("discovery: some observed classes may not have their code of before: {}", restored);
            }
            List<DiscoveryRow> rows = cancelled || !problems.isEmpty() ? List.of()
                    : rows(ranked, observations, samples, observedSeconds);
            for (MethodObservation observation : observations) {
                observation.drop();
            }
            String finalState = cancelled ? "cancelled" : problems.isEmpty() ? "done" : "failed";
            if (cancelled && cancelReason != null) {
                problems.add(cancelReason);
            }
            report = new DiscoveryReport(id, finalState, options.duration().toSeconds(), samples, observedSeconds,
                    allBack, Map.copyOf(restored), rows, List.copyOf(problems));
            state = finalState;
            LOG.info("discovery {} {}: {} samples, {} methods observed, original code back: {}", id, finalState,
                    samples, observations.size(), allBack);
            if (abandoned) {
                whenAbandoned.run();
            }
        }
    }

    /**
     * Waits until the stream delivers samples, so that the sampling phase is as long as asked even
     * when starting the recording is slow; returns when that happened, or -1 when cancelled.
     */
    private long awaitStream(Sampler sampler, long end) throws InterruptedException {
        while (true) {
            long now = System.nanoTime();
            if (sampler.running() || now >= end) {
                return now;
            }
            if (!await(Math.min(end, now + 50_000_000L))) {
                return -1;
            }
        }
    }

    /** Waits until the deadline; false when cancelled or the lease ran out first. */
    private boolean await(long deadline) throws InterruptedException {
        while (true) {
            long now = System.nanoTime();
            if (cancelled) {
                return false;
            }
            if (options.lease() != null && now - lastPoll > options.lease().toNanos()) {
                abandoned = true;
                cancel("the client stopped asking for " + options.lease().toSeconds() + "s (it exited?): window cancelled");
                return false;
            }
            if (now >= deadline) {
                return true;
            }
            synchronized (lock) {
                lock.wait(Math.max(1, Math.min(250, (deadline - now) / 1_000_000)));
            }
        }
    }

    private static List<DiscoveryRow> rows(List<Sampler.Hot> ranked, List<MethodObservation> observations,
            long totalSamples, double observedSeconds) {
        Map<String, MethodObservation> byKey = new LinkedHashMap<>();
        for (MethodObservation observation : observations) {
            byKey.put(observation.hot.key(), observation);
        }
        List<DiscoveryRow> rows = new ArrayList<>();
        for (Sampler.Hot hot : ranked) {
            long samples = hot.samples.sum();
            if (samples == 0) {
                continue;
            }
            MethodObservation observation = byKey.get(hot.key());
            String problem = hot.declarationProblem();
            if (observation != null) {
                rows.add(Verdicts.observed(observation, samples, totalSamples, observedSeconds));
            } else if (problem != null) {
                rows.add(Verdicts.unobserved(hot, samples, totalSamples, "not cacheable: " + problem));
            }
            // a candidate that was not among the hottest at the end of sampling is left out
        }
        rows.sort((a, b) -> {
            int byVerdict = Boolean.compare(b.cacheable(), a.cacheable());
            if (byVerdict != 0) {
                return byVerdict;
            }
            int byPolicy = Boolean.compare(b.suggested(), a.suggested());
            if (byPolicy != 0) {
                return byPolicy;
            }
            double sa = Double.isNaN(a.savedMillisPerMinute()) ? -1 : a.savedMillisPerMinute();
            double sb = Double.isNaN(b.savedMillisPerMinute()) ? -1 : b.savedMillisPerMinute();
            return sa != sb ? Double.compare(sb, sa) : Long.compare(b.samples(), a.samples());
        });
        return rows;
    }
}
