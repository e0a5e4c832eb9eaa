package io.autobot.optimizer.agent.policy;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A lock-free rate limiter: permits are spaced evenly, one every {@code 1/rate} seconds, with no
 * burst allowance, so that no window of one second ever holds more than {@code rate + 1} permits.
 *
 * <p>The state is one {@link AtomicLong}: the time at which the next permit is free. A caller
 * that finds that time passed takes the permit with one compare-and-set (the uncontended path:
 * a clock read and a CAS, no allocation). Otherwise it reserves the next free slot and parks
 * until then; callers are served in the order they reserved. A caller whose slot would come
 * later than its longest wait fails at once instead of waiting for nothing. A caller that wakes
 * half an interval or more after its slot (the machine stalled) gives the slot up and takes a new
 * one, so a stall cannot release a burst; the other half interval is slack for the time between
 * the grant and the start of the body. A change of rate voids the reservations of the waiting
 * callers, which take new ones at the new rate: the change applies at once.
 */
public final class RateLimiter {

    private final String name;
    private final AtomicLong nextFree = new AtomicLong(System.nanoTime());
    private final Set<Thread> waiting = ConcurrentHashMap.newKeySet();
    private volatile long intervalNanos;
    private volatile double permitsPerSecond;
    private volatile int generation;

    /**
     * @param permitsPerSecond the rate; zero means unlimited
     */
    public RateLimiter(String name, double permitsPerSecond) {
        this.name = name;
        apply(permitsPerSecond);
    }

    public String name() {
        return name;
    }

    /** Permits per second; zero when unlimited. */
    public double rate() {
        return permitsPerSecond;
    }

    /** Changes the rate (zero: unlimited); waiting callers take new slots at the new rate. */
    public synchronized void rate(double permitsPerSecond) {
        if (permitsPerSecond == this.permitsPerSecond) {
            return;
        }
        apply(permitsPerSecond);
        nextFree.set(System.nanoTime());
        generation++;
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
     * @return false when no permit can be had within that time (then none was taken)
     * @throws InterruptedException when interrupted while waiting (no permit was taken)
     */
    public boolean tryAcquire(long maxWaitNanos) throws InterruptedException {
        long interval = intervalNanos;
        if (interval == 0) {
            return true;
        }
        long now = System.nanoTime();
        long next = nextFree.get();
        if (next - now <= 0 && nextFree.compareAndSet(next, now + interval)) {
            return true;
        }
        return acquireSlowly(now + maxWaitNanos);
    }

    private boolean acquireSlowly(long deadline) throws InterruptedException {
        Thread me = Thread.currentThread();
        waiting.add(me);
        try {
            for (;;) {
                int seenGeneration = generation;
                long interval = intervalNanos;
                if (interval == 0) {
                    return true;
                }
                long now = System.nanoTime();
                long next = nextFree.get();
                long slot = next - now > 0 ? next : now;
                if (slot - deadline > 0) {
                    return false;
                }
                if (nextFree.compareAndSet(next, slot + interval) && awaitSlot(slot, interval, seenGeneration)) {
                    return true;
                }
            }
        } finally {
            waiting.remove(me);
        }
    }

    /** Parks until the slot; false when the reservation is void (rate changed, or woke too late for it). */
    private boolean awaitSlot(long slot, long interval, int seenGeneration) throws InterruptedException {
        for (;;) {
            if (Thread.interrupted()) {
                throw new InterruptedException("interrupted while waiting for a permit of rate limiter '" + name + "'");
            }
            if (generation != seenGeneration) {
                return false;
            }
            long remaining = slot - System.nanoTime();
            if (remaining <= 0) {
                return -remaining < interval / 2;
            }
            LockSupport.parkNanos(this, remaining);
        }
    }

    @Override
    public String toString() {
        return "rate limiter '" + name + "' (" + (permitsPerSecond == 0 ? "unlimited" : permitsPerSecond + "/s") + ")";
    }
}
