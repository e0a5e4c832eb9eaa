package io.autobot.optimizer.agent.cache;

import com.github.benmanes.caffeine.cache.Ticker;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A clock for cache expiry that costs one volatile read: a daemon thread advances it every
 * {@value #RESOLUTION_MILLIS} ms. {@link System#nanoTime()} costs about as much as a whole cache
 * hit; entries that live for seconds to hours do not need that precision. The thread starts with
 * the first memory tier, costs well under 0.1% of a core, and stops when the agent is detached
 * (the clock then reads {@link System#nanoTime()} directly).
 *
 * <p>It is a Caffeine {@link Ticker} ({@link #ticker()}): the memory tier reads its time through
 * that interface, so a test can hand the tier a ticker of its own and move time by hand.
 */
public final class CoarseClock implements Ticker {

    static final long RESOLUTION_MILLIS = 10;
    private static final CoarseClock INSTANCE = new CoarseClock();
    private static volatile long now = System.nanoTime();
    private static volatile Thread ticker;

    private CoarseClock() {
    }

    /** The coarse clock as a Caffeine ticker; its thread starts with the first memory tier that uses it. */
    public static Ticker ticker() {
        return INSTANCE;
    }

    /** Nanoseconds on the {@link System#nanoTime()} scale, at most one resolution step behind. */
    @Override
    public long read() {
        return nanoTime();
    }

    /** Nanoseconds on the {@link System#nanoTime()} scale, at most one resolution step behind. */
    static long nanoTime() {
        return ticker != null ? now : System.nanoTime();
    }

    /** Starts the ticking thread, unless it runs. */
    static synchronized void start() {
        if (ticker == null) {
            now = System.nanoTime();
            Thread thread = new Thread(CoarseClock::tick, "autobot-clock");
            thread.setDaemon(true);
            thread.setPriority(Thread.MAX_PRIORITY);
            ticker = thread;
            thread.start();
        }
    }

    /** Stops the ticking thread (detach). */
    public static synchronized void stop() {
        Thread thread = ticker;
        ticker = null;
        if (thread != null) {
            LockSupport.unpark(thread);
        }
    }

    private static void tick() {
        long period = TimeUnit.MILLISECONDS.toNanos(RESOLUTION_MILLIS);
        Thread self = Thread.currentThread();
        while (ticker == self) {
            LockSupport.parkNanos(period);
            now = System.nanoTime();
        }
    }
}
