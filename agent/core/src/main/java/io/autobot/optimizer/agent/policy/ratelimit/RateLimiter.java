package io.autobot.optimizer.agent.policy.ratelimit;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * A lock-free rate limiter: permits are spaced evenly on a schedule of slots one interval
 * ({@code 1/rate} seconds) apart, with no burst allowance, so that no window of one second ever
 * grants more than {@code rate + 1} permits.
 *
 * <p>The whole state is one {@link AtomicLong}: the time of the last slot granted. A caller that
 * finds the next slot due takes it with one compare-and-set (the uncontended path: a clock read
 * and a CAS, no allocation). Otherwise it parks until the next slot is due and then competes for
 * it with the other waiting callers: whichever wakes first takes it, so a slot is lost only when
 * every waiter wakes late. A slot that nobody took within half an interval of its time is never
 * taken late (a stall cannot release a burst): the schedule restarts at the next grant instead.
 * On a starved machine the granted rate therefore falls below the setting rather than bursting
 * above it. A change of rate applies to the next slot, and wakes the waiting callers to see it.
 *
 * <p>A caller waits at most its longest wait; it fails at once when the next slot itself comes
 * later than that.
 */
public final class RateLimiter implements Limiter {

    private final String name;
    private final LongSupplier clock;
    private final AtomicLong lastSlot;
    private final Set<Thread> waiting = ConcurrentHashMap.newKeySet();
    private volatile long intervalNanos;
    private volatile double permitsPerSecond;

    /**
     * @param permitsPerSecond the rate; zero means unlimited
     */
    public RateLimiter(String name, double permitsPerSecond) {
        this(name, permitsPerSecond, System::nanoTime);
    }

    /** With a clock of the test's on the {@link System#nanoTime()} scale (waits still park in real time). */
    RateLimiter(String name, double permitsPerSecond, LongSupplier clock) {
        this.name = name;
        this.clock = clock;
        apply(permitsPerSecond);
        this.lastSlot = new AtomicLong(clock.getAsLong() - (1L << 62)); // long ago: the first permit is free
    }

    @Override
    public String name() {
        return name;
    }

    /** Permits per second; zero when unlimited. */
    @Override
    public double rate() {
        return permitsPerSecond;
    }

    /** Changes the rate (zero: unlimited); it applies to the next slot, waiting callers included. */
    @Override
    public synchronized void rate(double permitsPerSecond) {
        if (permitsPerSecond == this.permitsPerSecond) {
            return;
        }
        apply(permitsPerSecond);
        for (Thread thread : waiting) {
            LockSupport.unpark(thread);
        }
    }

    private void apply(double permitsPerSecond) {
        if (!(permitsPerSecond >= 0) || Double.isInfinite(permitsPerSecond)) {
            throw new IllegalArgumentException("rate limiter '" + name + "': " + permitsPerSecond
                    + " permits per second is not accepted: expected a positive number");
        }
        this.permitsPerSecond = permitsPerSecond;
        this.intervalNanos = permitsPerSecond == 0 ? 0 : Math.max(1, Math.round(1e9 / permitsPerSecond));
    }

    /**
     * Takes a permit, waiting for it at most {@code maxWaitNanos}.
     *
     * @return false when no permit could be had within that time (then none was taken)
     * @throws InterruptedException when interrupted while waiting (no permit was taken)
     */
    @Override
    public boolean tryAcquire(long maxWaitNanos) throws InterruptedException {
        long interval = intervalNanos;
        if (interval == 0) {
            return true;
        }
        long now = clock.getAsLong();
        long last = lastSlot.get();
        long due = last + interval;
        if (due - now <= 0 && lastSlot.compareAndSet(last, slot(now, due, interval))) {
            return true;
        }
        return acquireSlowly(now + maxWaitNanos);
    }

    private boolean acquireSlowly(long deadline) throws InterruptedException {
        Thread me = Thread.currentThread();
        waiting.add(me);
        try {
            for (;;) {
                if (Thread.interrupted()) {
                    throw new InterruptedException("interrupted while waiting for a permit of " + this);
                }
                long interval = intervalNanos;
                if (interval == 0) {
                    return true;
                }
                long now = clock.getAsLong();
                long last = lastSlot.get();
                long due = last + interval;
                if (due - now <= 0) {
                    if (lastSlot.compareAndSet(last, slot(now, due, interval))) {
                        return true;
                    }
                } else if (due - deadline > 0) {
                    return false;
                } else {
                    LockSupport.parkNanos(this, due - now);
                }
            }
        } finally {
            waiting.remove(me);
        }
    }

    /**
     * The slot a grant at {@code now} takes: the due one; or, when that one is more than half an
     * interval overdue (its callers woke late), the earliest the rule allows; or, after an idle
     * interval, now. Every grant is thus within half an interval of its slot, and slots are at
     * least an interval apart; the other half interval is slack for the time between the grant and
     * the call it admits.
     */
    private static long slot(long now, long due, long interval) {
        long overdue = now - due;
        long slack = interval / 2;
        return overdue <= slack ? due : overdue < interval ? now - slack : now;
    }

    @Override
    public String toString() {
        double rate = permitsPerSecond;
        String perSecond = rate == Math.rint(rate) ? String.valueOf((long) rate) : String.valueOf(rate);
        return "rate limiter '" + name + "' (" + (rate == 0 ? "unlimited" : perSecond + "/s") + ")";
    }
}
