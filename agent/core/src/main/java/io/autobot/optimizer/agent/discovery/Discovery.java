package io.autobot.optimizer.agent.discovery;

import java.lang.instrument.Instrumentation;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The discovery windows of this JVM: at most one at a time (the observing bridge has one handler).
 * A finished window's report is kept until the next window starts, and dropped then.
 */
public final class Discovery {

    private final Instrumentation instrumentation;
    private final AtomicLong sequence = new AtomicLong();
    private DiscoverySession session;
    private volatile Runnable whenAbandoned = () -> { };

    public Discovery(Instrumentation instrumentation) {
        this.instrumentation = instrumentation;
    }

    /**
     * What to do once a window whose client went away (its lease ran out) has removed its changes:
     * the agent started for discovery only stops, as the client would have detached it.
     */
    public void whenAbandoned(Runnable action) {
        this.whenAbandoned = action;
    }

    /** Starts a window; returns its id. A window already running is an error. */
    public synchronized String start(DiscoveryOptions options) {
        if (session != null && !session.finished()) {
            throw new IllegalStateException("a discovery window (" + session.id() + ") is already running in this JVM;"
                    + " wait for it to end");
        }
        DiscoverySession next = new DiscoverySession("d" + sequence.incrementAndGet(), options, instrumentation,
                () -> whenAbandoned.run());
        Thread thread = new Thread(next, "autobot-discovery");
        thread.setDaemon(true);
        session = next;
        thread.start();
        return next.id();
    }

    /** The report of the window {@code id} so far (renews its lease). */
    public synchronized DiscoveryReport poll(String id) {
        if (session == null || !session.id().equals(id)) {
            throw new IllegalArgumentException("no discovery window " + id + " in this JVM");
        }
        return session.poll();
    }

    /** Ends the window {@code id} now: its temporary changes are removed, no figures are reported. */
    public synchronized void cancel(String id) {
        if (session != null && session.id().equals(id)) {
            session.cancel("cancelled");
        }
    }

    /** Runs a window to its end and returns its report (for a JMX client without polling). */
    public DiscoveryReport run(DiscoveryOptions options) throws InterruptedException {
        String id = start(new DiscoveryOptions(options.includes(), options.duration(), options.top(), null));
        while (true) {
            DiscoveryReport report = poll(id);
            if (report.finished()) {
                return report;
            }
            Thread.sleep(200);
        }
    }

    /** Cancels a running window (the agent stops). */
    public synchronized void stop() {
        if (session != null) {
            session.cancel("the agent stopped");
        }
    }
}
