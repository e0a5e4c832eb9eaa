package io.autobot.optimizer.management.report;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Readings of the call counters, one per management tick, for the last minute: the throughput
 * and the alerts are figures of that window, not of the whole run.
 */
public final class Timeline {

    /** How far back the window reaches. */
    static final long WINDOW_NANOS = 60_000_000_000L;

    private record Tick(long nanos, Counters total, Map<String, Long> callsByOperation) {
    }

    private final Deque<Tick> ticks = new ArrayDeque<>();

    /** A timeline that starts now, with nothing counted: calls made before the first tick are in the window. */
    public Timeline() {
        this(System.nanoTime());
    }

    /** A timeline that starts at {@code startNanos} ({@link System#nanoTime()}) with nothing counted. */
    public Timeline(long startNanos) {
        ticks.addLast(new Tick(startNanos, Counters.ZERO, Map.of()));
    }

    /** Records a reading taken at {@code nanos} ({@link System#nanoTime()}). */
    public synchronized void record(long nanos, Counters total, Map<String, Long> callsByOperation) {
        ticks.addLast(new Tick(nanos, total, new HashMap<>(callsByOperation)));
        while (ticks.size() > 2 && nanos - ticks.peekFirst().nanos > WINDOW_NANOS) {
            ticks.removeFirst();
        }
    }

    /** Calls per second of an operation since the oldest reading in the window; 0 without one. */
    public synchronized double throughput(String operation, long callsNow, long nanosNow) {
        Tick oldest = ticks.peekFirst();
        if (oldest == null || nanosNow <= oldest.nanos) {
            return 0.0;
        }
        long before = oldest.callsByOperation.getOrDefault(operation, 0L);
        return Math.max(0, callsNow - before) / ((nanosNow - oldest.nanos) / 1e9);
    }

    /** Calls per second of every operation together. */
    public synchronized double throughput(long callsNow, long nanosNow) {
        Tick oldest = ticks.peekFirst();
        if (oldest == null || nanosNow <= oldest.nanos) {
            return 0.0;
        }
        return Math.max(0, callsNow - oldest.total.calls()) / ((nanosNow - oldest.nanos) / 1e9);
    }

    /** What happened in the window up to {@code now}: counters now minus the oldest reading. */
    public synchronized Counters window(Counters now) {
        Tick oldest = ticks.peekFirst();
        return oldest == null ? now : now.minus(oldest.total);
    }

    /** Forgets every reading (after the statistics were reset). */
    public synchronized void clear() {
        ticks.clear();
        ticks.addLast(new Tick(System.nanoTime(), Counters.ZERO, Map.of())); // counted from zero again, from now
    }
}
