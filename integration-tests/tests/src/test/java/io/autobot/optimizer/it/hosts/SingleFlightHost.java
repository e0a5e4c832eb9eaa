package io.autobot.optimizer.it.hosts;

import static io.autobot.optimizer.it.hosts.HostOutput.check;
import static io.autobot.optimizer.it.hosts.HostOutput.print;
import static io.autobot.optimizer.it.hosts.HostOutput.printCorrect;

import io.autobot.optimizer.annotations.Cached;
import io.autobot.optimizer.annotations.Timeout;
import io.autobot.optimizer.api.AutoBot;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
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
 * caller got. Each scenario is ordered by latches and by waiting for a thread to park, never by a
 * sleep; the bodies' "fetches" are latches the scenario opens.
 */
public class SingleFlightHost {

    static final Object LOCK = new Object();
    static final AtomicInteger LOADS = new AtomicInteger();
    static final CountDownLatch LOAD_FETCHING = new CountDownLatch(1);
    static final CountDownLatch LOCK_TAKEN = new CountDownLatch(1);

    /** Fetches, then records under a lock that its callers may hold. */
    @Cached
    static String load(String key) {
        LOAD_FETCHING.countDown();
        await(LOCK_TAKEN); // the fetch is under way until another caller took the lock
        synchronized (LOCK) {
            return key + "#" + LOADS.incrementAndGet();
        }
    }

    static String reload(String key) {
        synchronized (LOCK) {
            LOCK_TAKEN.countDown();
            return load(key);
        }
    }

    static final CountDownLatch SETTINGS_READING = new CountDownLatch(1);
    static final CountDownLatch PARSER_INITIALIZING = new CountDownLatch(1);

    /** Reads settings with a parser class whose own initializer reads the same settings. */
    @Cached
    static String settings(String file) {
        SETTINGS_READING.countDown();
        await(PARSER_INITIALIZING); // the read is under way until another caller initializes the parser
        return Parser.parse(file);
    }

    static final class Parser {
        static final String NAME;

        static {
            PARSER_INITIALIZING.countDown();
            NAME = "parser of " + settings("app.conf");
        }

        static String parse(String file) {
            return file + ":parsed";
        }
    }

    static final AtomicInteger POLLS = new AtomicInteger();
    static final CountDownLatch POLL_RUNNING = new CountDownLatch(1);
    static final CountDownLatch POLL_ANSWERED = new CountDownLatch(1);

    @Cached
    static String poll(int k) throws InterruptedException {
        POLLS.incrementAndGet();
        POLL_RUNNING.countDown();
        POLL_ANSWERED.await(); // a remote poll, answered when the scenario says
        return "data" + k;
    }

    static final AtomicInteger FETCHES = new AtomicInteger();
    static final CountDownLatch FETCH_RUNNING = new CountDownLatch(1);
    static final CountDownLatch FETCH_ANSWERED = new CountDownLatch(1);

    /** A slow fetch whose caller's task may be cancelled (interrupted) while it waits for its answer. */
    @Cached
    static String fetch(String key) throws InterruptedException {
        FETCHES.incrementAndGet();
        FETCH_RUNNING.countDown();
        FETCH_ANSWERED.await();
        return "value-" + key;
    }

    static final ReentrantLock GUARD = new ReentrantLock();

    /** Reads under a lock its callers may hold, within a time limit. */
    @Cached
    @Timeout("1s")
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
        String[] got = new String[2];
        Thread owner = new Thread(() -> got[0] = load("cfg"));
        Thread waiter = new Thread(() -> {
            await(LOAD_FETCHING); // the owner runs the body: the waiter waits for it, holding the lock
            got[1] = reload("cfg");
        });
        owner.start();
        waiter.start();
        owner.join(20_000);
        waiter.join(20_000);
        print("lock.finished", !owner.isAlive() && !waiter.isAlive());
        check("cfg#2".equals(got[0]) && "cfg#1".equals(got[1]), "load and reload: " + got[0] + " " + got[1]);
        int loads = LOADS.get();
        check(load("cfg").equals(got[0]), "the owner's result is stored");
        print("lock.loads.after", LOADS.get() - loads);
    }

    private static void classInitializedByTheWaiter() throws Exception {
        String[] got = new String[2];
        Thread owner = new Thread(() -> got[0] = settings("app.conf"));
        Thread waiter = new Thread(() -> {
            await(SETTINGS_READING);
            got[1] = Parser.NAME;
        });
        owner.start();
        waiter.start();
        owner.join(20_000);
        waiter.join(20_000);
        print("init.finished", !owner.isAlive() && !waiter.isAlive());
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
        POLL_RUNNING.await();
        ParkedThreads threads = new ParkedThreads();
        ExecutorService pool = Executors.newSingleThreadExecutor(threads);
        Future<String> waiter = pool.submit(() -> poll(1));
        threads.awaitParked(0); // it waits for the owner's poll
        waiter.cancel(true);
        pool.shutdown();
        // the owner's poll is still unanswered: the waiter ended because of its interrupt
        boolean ended = pool.awaitTermination(10, TimeUnit.SECONDS);
        print("interrupt.ended", ended);
        POLL_ANSWERED.countDown();
        owner.join(10_000);
        int polls = POLLS.get();
        check(poll(1).equals("data1"), "poll after the owner stored it");
        print("interrupt.stored", POLLS.get() == polls);
    }

    /** The owner's task is cancelled: its InterruptedException is its own, the waiter gets its value. */
    private static void cancelledOwner() throws Exception {
        ParkedThreads threads = new ParkedThreads();
        ExecutorService pool = Executors.newFixedThreadPool(2, threads);
        Future<String> owner = pool.submit(() -> fetch("k"));
        FETCH_RUNNING.await();
        Future<String> waiter = pool.submit(() -> fetch("k"));
        threads.awaitParked(1); // it waits for the owner's fetch
        owner.cancel(true);
        FETCH_ANSWERED.countDown(); // the waiter's own fetch is answered
        String got;
        try {
            got = waiter.get(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            got = "failed: " + e.getCause();
        }
        pool.shutdown();
        print("cancelled.waiter", got);
        check("value-k".equals(got), "the waiter of a cancelled owner: " + got);
        check(FETCHES.get() == 2, "the owner's fetch and the waiter's own: " + FETCHES.get());
    }

    /**
     * The waiter holds the lock the owner's body needs; the owner runs under a 1 s limit. Without
     * the agent the waiter gets its value and lets go of the lock, and then the owner gets it too.
     */
    private static void ownerTimedOutWaitingForTheWaiter() throws Exception {
        String[] got = new String[2];
        Thread owner = new Thread(() -> {
            try {
                got[0] = guarded("k");
            } catch (Throwable e) {
                got[0] = "failed: " + e;
            }
        });
        Thread waiter = new Thread(() -> {
            GUARD.lock();
            try {
                owner.start();
                while (!GUARD.hasQueuedThread(owner)) { // the owner runs guarded("k") and waits for the lock
                    Thread.sleep(1);
                }
                got[1] = guarded("k");
            } catch (Throwable e) {
                got[1] = "failed: " + e;
            } finally {
                GUARD.unlock();
            }
        });
        waiter.start();
        waiter.join(10_000);
        owner.join(10_000);
        print("timed.owner", got[0].replace(' ', '_'));
        print("timed.waiter", got[1].replace(' ', '_'));
        check("value-k".equals(got[0]) && "value-k".equals(got[1]), "owner and waiter: " + got[0] + " " + got[1]);
    }

    static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
