package io.autobot.optimizer.it.hosts;

import static io.autobot.optimizer.it.hosts.HostOutput.print;

import io.autobot.optimizer.annotations.Parallel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * {@code @Parallel} methods whose body needs a lock that the caller holds: a synchronized method
 * called on an instance, a body that synchronizes on a monitor its caller holds, and one that takes
 * a {@link ReentrantLock} its caller holds, the same two on a virtual thread, and calls made while
 * the caller initializes a class the body needs. Without care, the workers' chunks wait for the
 * lock (or the class) while the caller waits for the chunks, for ever. Every result is compared
 * with the sequential one; the host waits for the workers' late runs by counting the bodies that
 * run, never by a guessed sleep.
 */
public class ParallelLocksHost {

    static final Object MONITOR = new Object();
    static final ReentrantLock LOCK = new ReentrantLock();
    static final AtomicInteger MONITOR_RUNS = new AtomicInteger();
    /** The runs of the bodies that wait for the monitor or the lock, started and not yet ended. */
    static final AtomicInteger RUNNING = new AtomicInteger();
    static final Set<String> SYNCHRONIZED_THREADS = ConcurrentHashMap.newKeySet();
    static final Set<String> MONITOR_THREADS = ConcurrentHashMap.newKeySet();
    static final List<Integer> INPUT = List.of(1, 2, 3, 4, 5, 6, 7, 8);
    static volatile CountDownLatch together;

    @Parallel(threshold = 2)
    synchronized List<Integer> doubled(List<Integer> values) {
        SYNCHRONIZED_THREADS.add(Thread.currentThread().getName());
        List<Integer> out = new ArrayList<>();
        for (int value : values) {
            out.add(2 * value);
        }
        return out;
    }

    @Parallel(threshold = 2)
    static List<Integer> incremented(List<Integer> values) {
        RUNNING.incrementAndGet();
        try {
            MONITOR_THREADS.add(Thread.currentThread().getName());
            pause(); // the workers claim their chunks while the caller runs its own
            synchronized (MONITOR) {
                MONITOR_RUNS.incrementAndGet(); // counts the runs that got the monitor
                List<Integer> out = new ArrayList<>();
                for (int value : values) {
                    out.add(value + 1);
                }
                return out;
            }
        } finally {
            RUNNING.decrementAndGet();
        }
    }

    /** In place, under the monitor: only the caller's runs of the chunks may reach the argument. */
    @Parallel(threshold = 2)
    static void bump(int[] counts) {
        RUNNING.incrementAndGet();
        try {
            pause();
            synchronized (MONITOR) {
                for (int i = 0; i < counts.length; i++) {
                    counts[i]++;
                }
            }
        } finally {
            RUNNING.decrementAndGet();
        }
    }

    @Parallel(threshold = 2)
    static List<Integer> negated(List<Integer> values) {
        RUNNING.incrementAndGet();
        try {
            pause();
            LOCK.lock();
            try {
                List<Integer> out = new ArrayList<>();
                for (int value : values) {
                    out.add(-value);
                }
                return out;
            } finally {
                LOCK.unlock();
            }
        } finally {
            RUNNING.decrementAndGet();
        }
    }

    /**
     * A class whose initializer calls its own {@code @Parallel} method: a worker calling that static
     * method must wait until the class is initialized, that is until the call returns.
     */
    static final class Table {
        static final int[] SQUARES = new int[64];

        static {
            for (int i = 0; i < SQUARES.length; i++) {
                SQUARES[i] = i;
            }
            squareAll(SQUARES);
        }

        @Parallel(threshold = 16)
        static void squareAll(int[] values) {
            SQUARING_THREADS.add(Thread.currentThread().getName());
            pause();
            for (int i = 0; i < values.length; i++) {
                values[i] *= values[i];
            }
        }
    }

    /** A class whose initializer calls another class's {@code @Parallel} method, whose body reads this class. */
    static final class Limits {
        static int factor = 3; // not a constant: the body reads it with a getstatic, which waits for the class
        static final int[] SCALED = {1, 2, 3, 4, 5, 6, 7, 8};

        static {
            scale(SCALED);
        }
    }

    static final Set<String> SQUARING_THREADS = ConcurrentHashMap.newKeySet();

    @Parallel(threshold = 2)
    static void scale(int[] values) {
        for (int i = 0; i < values.length; i++) {
            values[i] *= Limits.factor;
        }
    }

    /**
     * Runs one section, named by the argument: {@code synchronized}, {@code monitor}, {@code clinit},
     * {@code virtual} (JDK 21 and later) or {@code lock}.
     */
    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "synchronized":
                synchronizedMethod();
                break;
            case "monitor":
                monitorHeldByTheCaller();
                break;
            case "clinit":
                calledWhileInitializingAClass();
                break;
            case "virtual":
                virtualCallerHoldingTheLock();
                break;
            default:
                lockHeldByTheCaller();
                break;
        }
        awaitLateRuns();
        print("done", true);
    }

    private static void synchronizedMethod() {
        boolean right = new ParallelLocksHost().doubled(INPUT).equals(List.of(2, 4, 6, 8, 10, 12, 14, 16));
        print("synchronized.right", right);
        print("synchronized.caller.only", SYNCHRONIZED_THREADS.equals(Set.of(Thread.currentThread().getName())));
    }

    private static void monitorHeldByTheCaller() throws InterruptedException {
        List<Integer> plus = List.of(2, 3, 4, 5, 6, 7, 8, 9);
        boolean free = incremented(INPUT).equals(plus) && incremented(INPUT).equals(plus); // learns, then splits
        print("monitor.free.right", free);
        int runsBefore = MONITOR_RUNS.get();
        List<Integer> held;
        int runsDuring;
        synchronized (MONITOR) {
            held = together(() -> incremented(INPUT));
            runsDuring = MONITOR_RUNS.get() - runsBefore;
        }
        print("monitor.held.right", held.equals(plus));
        print("monitor.held.runs", runsDuring);
        awaitLateRuns(); // the workers' runs of the chunks the caller took over
        print("monitor.late.runs", MONITOR_RUNS.get() - runsBefore - runsDuring);
        print("monitor.result.kept", held.equals(plus));
        MONITOR_THREADS.clear();
        synchronized (MONITOR) {
            held = incremented(INPUT); // no longer split: one whole run on the caller's thread
        }
        print("monitor.again.right", held.equals(plus));
        print("monitor.again.caller.only", MONITOR_THREADS.equals(Set.of(Thread.currentThread().getName())));

        int[] counts = new int[8];
        synchronized (MONITOR) {
            together(() -> {
                bump(counts);
                return null;
            });
        }
        awaitLateRuns(); // they end on their own copies
        print("monitor.inplace.once", Arrays.equals(counts, new int[] {1, 1, 1, 1, 1, 1, 1, 1}));
    }

    private static void calledWhileInitializingAClass() {
        int[] squares = Table.SQUARES;
        print("clinit.own.right", IntStream.range(0, 64).allMatch(i -> squares[i] == i * i));
        print("clinit.own.caller.only", SQUARING_THREADS.equals(Set.of(Thread.currentThread().getName())));
        print("clinit.other.right", Arrays.equals(Limits.SCALED, new int[] {3, 6, 9, 12, 15, 18, 21, 24}));
        SQUARING_THREADS.clear();
        int[] later = IntStream.range(0, 64).toArray();
        together(() -> {
            Table.squareAll(later); // the class is initialized now: the call is split as usual
            return null;
        });
        print("clinit.later.right", IntStream.range(0, 64).allMatch(i -> later[i] == i * i));
        print("clinit.later.split", SQUARING_THREADS.size() > 1);
    }

    /**
     * A virtual thread holding the monitor, then the lock, that the body needs (JDK 21 and later:
     * started by reflection, as this class is compiled for Java 17).
     */
    private static void virtualCallerHoldingTheLock() throws Exception {
        int[] counts = new int[8];
        List<Integer> minus = List.of(-1, -2, -3, -4, -5, -6, -7, -8);
        boolean lockFree = negated(INPUT).equals(minus) && negated(INPUT).equals(minus); // learns, then splits
        List<Object> locked = new ArrayList<>();
        Thread caller = startVirtual(() -> {
            synchronized (MONITOR) {
                together(() -> {
                    bump(counts);
                    return null;
                });
            }
            // the workers' late runs of bump end once the monitor is free; a worker still in one
            // would refuse the chunks of the next call, which then waits for runs that never start
            awaitLateRunsQuietly();
            LOCK.lock();
            try {
                locked.add(together(() -> negated(INPUT)));
            } finally {
                LOCK.unlock();
            }
        });
        caller.join(20_000);
        print("virtual.finished", !caller.isAlive());
        awaitLateRuns(); // they end on their own copies
        print("virtual.monitor.right", Arrays.equals(counts, new int[] {1, 1, 1, 1, 1, 1, 1, 1}));
        print("virtual.lock.right", lockFree && List.of(minus).equals(locked));
    }

    private static Thread startVirtual(Runnable task) throws ReflectiveOperationException {
        Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
        return (Thread) Class.forName("java.lang.Thread$Builder").getMethod("start", Runnable.class).invoke(builder, task);
    }

    private static void lockHeldByTheCaller() {
        List<Integer> minus = List.of(-1, -2, -3, -4, -5, -6, -7, -8);
        boolean lockFree = negated(INPUT).equals(minus) && negated(INPUT).equals(minus);
        List<Integer> locked;
        LOCK.lock();
        try {
            locked = together(() -> negated(INPUT));
        } finally {
            LOCK.unlock();
        }
        print("lock.right", lockFree && locked.equals(minus));
    }

    /**
     * While a call under test runs: each chunk waits until all four have started, one per thread.
     * Fewer start when a worker, still ending its last task, refuses the call's work (the pool hands
     * work only to a free worker); the bound keeps such a call within the host's time.
     */
    private static void pause() {
        CountDownLatch started = together;
        if (started == null) {
            return;
        }
        started.countDown();
        try {
            started.await(3, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static <T> T together(Supplier<T> call) {
        together = new CountDownLatch(4);
        try {
            return call.get();
        } finally {
            together = null;
        }
    }

    /**
     * Waits until every run of the bodies above has ended: the workers' runs of chunks their caller
     * took over began before the call returned (they waited for its monitor or lock) and end later.
     */
    private static void awaitLateRuns() throws InterruptedException {
        while (RUNNING.get() > 0) {
            Thread.sleep(1);
        }
    }

    private static void awaitLateRunsQuietly() {
        try {
            awaitLateRuns();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
