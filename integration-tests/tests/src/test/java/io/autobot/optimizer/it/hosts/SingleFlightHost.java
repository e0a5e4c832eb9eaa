package io.autobot.optimizer.it.hosts;

import static io.autobot.optimizer.it.hosts.HostOutput.check;
import static io.autobot.optimizer.it.hosts.HostOutput.print;
import static io.autobot.optimizer.it.hosts.HostOutput.printCorrect;

import io.autobot.optimizer.annotations.Cached;
import io.autobot.optimizer.annotations.Timeout;
import io.autobot.optimizer.api.AutoBot;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Callers that wait for another caller's run of the same key while that run waits for them: a
 * lock the waiter holds, a class the waiter is initializing. A waiter that is interrupted, and
 * waiters of a run that ends in an exception of the owner's own (its cancelled task, its timeout).
 * Without the agent none of them hangs or fails; with it none may either. It prints what each
 * caller got and how long each scenario took.
 */
public class SingleFlightHost {

    static final Object LOCK = new Object();
    static final AtomicInteger LOADS = new AtomicInteger();
    static final AtomicInteger SETTINGS_RUNS = new AtomicInteger();

    /** Fetches, then records under a lock that its callers may hold. */
    @Cached
    static String load(String key) {
        sleep(300);
        synchronized (LOCK) {
            return key + "#" + LOADS.incrementAndGet();
        }
    }

    static String reload(String key) {
        synchronized (LOCK) {
            return load(key);
        }
    }

    /** Reads settings with a parser class whose own initializer reads the same settings. */
    @Cached
    static String settings(String file) {
        SETTINGS_RUNS.incrementAndGet();
        sleep(300);
        return Parser.parse(file);
    }

    static final class Parser {
        static final String NAME;

        static {
            sleep(100);
            NAME = "parser of " + settings("app.conf");
        }

        static String parse(String file) {
            return file + ":parsed";
        }
    }

    @Cached
    static String poll(int k) throws InterruptedException {
        Thread.sleep(2000);
        return "data" + k;
    }

    /** A slow fetch whose caller's task may be cancelled (interrupted) while it sleeps. */
    @Cached
    static String fetch(String key) throws InterruptedException {
        FETCHES.incrementAndGet();
        Thread.sleep(400);
        return "value-" + key;
    }

    static final AtomicInteger FETCHES = new AtomicInteger();
    static final ReentrantLock GUARD = new ReentrantLock();

    /** Reads under a lock its callers may hold, within a time limit. */
    @Cached
    @Timeout("300ms")
    static String guarded(String key) throws InterruptedException {
        GUARD.lockInterruptibly();
        try {
            return "value-" + key;
        } finally {
            GUARD.unlock();
        }
    }

    public static void main(String[] args) throws Exception {
        lockHeldByTheWaiter();
        classInitializedByTheWaiter();
        interruptedWaiter();
        cancelledOwner();
        ownerTimedOutWaitingForTheWaiter();
        Map<String, Object> statistics = AutoBot.cacheStatistics();
        print("statistics", statistics.isEmpty() ? "none" : statistics.get("single_flight").toString()
                .replace(" ", ""));
        printCorrect();
    }

    private static void lockHeldByTheWaiter() throws Exception {
        long start = System.nanoTime();
        String[] got = new String[2];
        Thread owner = new Thread(() -> got[0] = load("cfg"));
        Thread waiter = new Thread(() -> {
            sleep(100);
            got[1] = reload("cfg");
        });
        owner.start();
        waiter.start();
        owner.join(20_000);
        waiter.join(20_000);
        print("lock.finished", !owner.isAlive() && !waiter.isAlive());
        print("lock.millis", millisSince(start));
        check("cfg#2".equals(got[0]) && "cfg#1".equals(got[1]), "load and reload: " + got[0] + " " + got[1]);
        int loads = LOADS.get();
        check(load("cfg").equals(got[0]), "the owner's result is stored");
        print("lock.loads.after", LOADS.get() - loads);
    }

    private static void classInitializedByTheWaiter() throws Exception {
        long start = System.nanoTime();
        String[] got = new String[2];
        Thread owner = new Thread(() -> got[0] = settings("app.conf"));
        Thread waiter = new Thread(() -> {
            sleep(100);
            got[1] = Parser.NAME;
        });
        owner.start();
        waiter.start();
        owner.join(20_000);
        waiter.join(20_000);
        print("init.finished", !owner.isAlive() && !waiter.isAlive());
        print("init.millis", millisSince(start));
        check("app.conf:parsed".equals(got[0]), "settings: " + got[0]);
        check("parser of app.conf:parsed".equals(got[1]), "parser: " + got[1]);
    }

    private static void interruptedWaiter() throws Exception {
        Thread owner = new Thread(() -> {
            try {
                check(poll(1).equals("data1"), "the owner's poll");
            } catch (InterruptedException e) {
                check(false, "the owner was interrupted");
            }
        });
        owner.start();
        Thread.sleep(300);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        Future<String> waiter = pool.submit(() -> poll(1));
        Thread.sleep(300);
        long start = System.nanoTime();
        waiter.cancel(true);
        pool.shutdown();
        boolean ended = pool.awaitTermination(10, TimeUnit.SECONDS);
        print("interrupt.ended", ended);
        print("interrupt.millis", millisSince(start));
        owner.join(10_000);
        long before = System.nanoTime();
        check(poll(1).equals("data1"), "poll after the owner stored it");
        print("interrupt.stored", millisSince(before) < 1000);
    }

    /** The owner's task is cancelled: its InterruptedException is its own, the waiter gets its value. */
    private static void cancelledOwner() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Future<String> owner = pool.submit(() -> fetch("k"));
        Thread.sleep(100);
        Future<String> waiter = pool.submit(() -> fetch("k"));
        Thread.sleep(100);
        owner.cancel(true);
        String got;
        try {
            got = waiter.get(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            got = "failed: " + e.getCause();
        }
        pool.shutdown();
        print("cancelled.waiter", got);
        check("value-k".equals(got), "the waiter of a cancelled owner: " + got);
    }

    /**
     * The waiter holds the lock the owner's body needs; the owner runs under a 300 ms limit. Without
     * the agent the waiter gets its value and lets go of the lock, and then the owner gets it too.
     */
    private static void ownerTimedOutWaitingForTheWaiter() throws Exception {
        String[] got = new String[2];
        java.util.concurrent.CountDownLatch held = new java.util.concurrent.CountDownLatch(1);
        Thread waiter = new Thread(() -> {
            GUARD.lock();
            try {
                held.countDown();
                sleep(100); // the owner now runs guarded("k") and waits for the lock
                got[1] = guarded("k");
            } catch (Throwable e) {
                got[1] = "failed: " + e;
            } finally {
                GUARD.unlock();
            }
        });
        waiter.start();
        held.await();
        Thread owner = new Thread(() -> {
            try {
                got[0] = guarded("k");
            } catch (Throwable e) {
                got[0] = "failed: " + e;
            }
        });
        owner.start();
        owner.join(10_000);
        waiter.join(10_000);
        print("timed.owner", got[0].replace(' ', '_'));
        print("timed.waiter", got[1].replace(' ', '_'));
        check("value-k".equals(got[0]) && "value-k".equals(got[1]), "owner and waiter: " + got[0] + " " + got[1]);
    }

    private static long millisSince(long start) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
