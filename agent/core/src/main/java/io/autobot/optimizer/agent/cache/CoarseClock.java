package io.autobot.optimizer.agent.cache;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A clock for cache expiry that costs one volatile read: a daemon thread advances it every
 * {@value #RESOLUTION_MILLIS} ms. {@link System#nanoTime()} costs about as much as a whole cache
 * hit; entries that live for seconds to hours do not need that precision. The thread is started
 * with the first cache and costs well under 0.1% of a core.
 */
final class CoarseClock {

    static final long RESOLUTION_MILLIS = 10;
    private static volatile long now = System.nanoTime();

    static {
        Thread ticker = new Thread(CoarseClock::tick, "autobot-clock");
        ticker.setDaemon(true);
        ticker.setPriority(Thread.MAX_PRIORITY);
        ticker.start();
    }

    private CoarseClock() {
    }

    /** Nanoseconds on the {@link System#nanoTime()} scale, at most one resolution step behind. */
    static long nanoTime() {
        return now;
    }

    private static void tick() {
        long period = TimeUnit.MILLISECONDS.toNanos(RESOLUTION_MILLIS);
        while (true) {
            LockSupport.parkNanos(period);
            now = System.nanoTime();
        }
    }
}
