package io.autobot.optimizer.it.hosts;

import io.autobot.optimizer.annotations.Batched;
import io.autobot.optimizer.annotations.Cached;
import io.autobot.optimizer.annotations.Optimized;
import io.autobot.optimizer.annotations.Parallel;
import io.autobot.optimizer.annotations.RateLimited;
import io.autobot.optimizer.annotations.Timeout;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.StandardMBean;

/**
 * The differential load test's host: 16 threads (or the number given second) call methods under
 * every policy with random arguments (hits and misses) for the given number of seconds, and compare
 * every result, and every exception, with what the plain computation gives. A JMX client changes
 * the settings meanwhile (DifferentialLoadIT, which paces itself by the calls made so far, read
 * from the host's own {@code Load} bean), or faults are injected into the agent (StageFaultIT). At the end it prints what it saw and the
 * agent's {@code InternalFailures}, read over JMX.
 */
public class LoadHost {

    /** How long after the run's end a thread may take to finish its last call before it counts as stuck. */
    private static final long GRACE_NANOS = 30_000_000_000L;

    /** The host's own bean: the calls checked so far. */
    public static final String LOAD_BEAN = "io.autobot.optimizer.it:type=Load";

    static final AtomicLong CALLS = new AtomicLong();
    static volatile boolean running = true;

    /** The calls the host made and checked so far, for a JMX client that paces itself by them. */
    public interface LoadMXBean {
        long getCalls();
    }
    static final AtomicLong WRONG = new AtomicLong();
    static final AtomicLong UNEXPECTED = new AtomicLong();

    static long f(long x) {
        long h = x * 0x9E3779B97F4A7C15L;
        return (h ^ (h >>> 29)) & 0xFFFF;
    }

    @Cached
    static long cached(int x) {
        return f(x);
    }

    @Cached(ttl = "200ms")
    static String shortLived(String s) {
        return s + ":" + f(s.length());
    }

    @Cached
    static int failing(int x) {
        if (x % 7 == 0) {
            throw new IllegalArgumentException("bad " + x);
        }
        return x * 3;
    }

    @Parallel(threshold = 4)
    static List<Long> parallel(List<Integer> xs) {
        List<Long> out = new ArrayList<>();
        for (int x : xs) {
            out.add(f(x));
        }
        return out;
    }

    @Batched(via = "batch", size = 8, maxWait = "5ms")
    static long single(Integer x) {
        return f(x) + 1;
    }

    static List<Long> batch(List<Integer> xs) {
        List<Long> out = new ArrayList<>();
        for (int x : xs) {
            out.add(f(x) + 1);
        }
        return out;
    }

    @RateLimited(perSecond = 1_000_000)
    static long limited(int x) {
        return f(x) * 2;
    }

    @Timeout("10s")
    static long timed(int x) {
        return f(x) * 5;
    }

    /** A class of its own: its method takes four arguments, so Byte Buddy weaves it (the others, ASM alone). */
    static final class Wide {
        @Cached
        static long sum(int a, int b, int c, int d) {
            return f(a) + b + c + d;
        }
    }

    @Optimized(operation = "component_analysis")
    static List<Long> analyse(List<Integer> xs) {
        return parallel(xs); // nested: an optimized method calling a parallel one
    }

    public static void main(String[] args) throws Exception {
        int threadCount = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        LoadMXBean load = CALLS::get;
        ManagementFactory.getPlatformMBeanServer().registerMBean(new StandardMBean(load, LoadMXBean.class, true),
                new ObjectName(LOAD_BEAN));
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < threadCount; t++) {
            Thread thread = new Thread(() -> {
                while (running) {
                    callOne(ThreadLocalRandom.current());
                }
            }, "load-" + t);
            threads.add(thread);
            thread.start();
        }
        HeapWatch heap = HeapWatch.start();
        System.out.println("ready=true");
        System.out.flush();
        Thread.sleep(Long.parseLong(args[0]) * 1000); // the run's length, not a wait for anything
        running = false;
        boolean finished = joinAll(threads, System.nanoTime() + GRACE_NANOS);
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        System.out.println("calls=" + CALLS.get());
        System.out.println("wrong=" + WRONG.get());
        System.out.println("unexpected=" + UNEXPECTED.get());
        System.out.println("finished=" + finished);
        System.out.println("heap.mb=" + (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024));
        System.out.println("heap.peak.after.gc.mb=" + heap.peakAfterGcMegabytes());
        System.out.println("injected=" + InjectedFaults.fired());
        awaitTheBeans();
        System.out.println("internal.failures=" + internalFailures());
        System.out.println("internal.failures.operations=" + operationsInternalFailures());
        System.exit(0);
    }

    /**
     * Waits for every thread until {@code deadline} (a thread ends with the first call it starts
     * after the run's end, so it may finish a little after it); prints the stack of each thread
     * still alive then, so a hang names where it is stuck.
     */
    private static boolean joinAll(List<Thread> threads, long deadline) throws InterruptedException {
        boolean finished = true;
        for (Thread thread : threads) {
            long left = deadline - System.nanoTime();
            if (left > 0) {
                thread.join(Math.max(1, left / 1_000_000));
            }
            if (thread.isAlive()) {
                finished = false;
                System.out.println("stuck=" + thread.getName());
                Throwable where = new Throwable("stuck: " + thread.getName() + " " + thread.getState());
                where.setStackTrace(thread.getStackTrace());
                where.printStackTrace();
            }
        }
        return finished;
    }

    /**
     * As docs/management.md tells a JMX client: while the agent still starts its management plane
     * (after its delay, and while this busy host kept both cores) the property
     * {@code io.autobot.optimizer.starting} holds a value; the beans are there once it is emptied.
     */
    private static void awaitTheBeans() throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while (!System.getProperty("io.autobot.optimizer.starting", "").isEmpty()
                && System.getProperty("io.autobot.optimizer.started", "").isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    /** The agent's count of its internal failures, as a JMX console shows it; -1 when it cannot be read. */
    private static long internalFailures() {
        try {
            return (Long) ManagementFactory.getPlatformMBeanServer().getAttribute(
                    new ObjectName("io.autobot.optimizer:type=Optimizer"), "InternalFailures");
        } catch (Exception e) {
            System.out.println("jmx.error=" + e.toString().replace(' ', '_'));
            return -1;
        }
    }

    /** The sum of {@code InternalFailures} over the {@code type=Operation} beans; -1 when it cannot be read. */
    private static long operationsInternalFailures() {
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            long sum = 0;
            for (ObjectName name : server.queryNames(new ObjectName("io.autobot.optimizer:type=Operation,*"), null)) {
                sum += (Long) server.getAttribute(name, "InternalFailures");
            }
            return sum;
        } catch (Exception e) {
            return -1;
        }
    }

    private static void callOne(ThreadLocalRandom random) {
        int x = random.nextInt(300);
        try {
            boolean right;
            switch (random.nextInt(9)) {
                case 0:
                    right = cached(x) == f(x);
                    break;
                case 1:
                    String s = "k" + random.nextInt(50);
                    right = shortLived(s).equals(s + ":" + f(s.length()));
                    break;
                case 2:
                    right = failingMatches(x);
                    break;
                case 3:
                    List<Integer> xs = randomList(random);
                    right = parallel(xs).equals(expected(xs, 0));
                    break;
                case 4:
                    right = single(x) == f(x) + 1;
                    break;
                case 5:
                    right = limited(x) == f(x) * 2;
                    break;
                case 6:
                    right = timed(x) == f(x) * 5;
                    break;
                case 7:
                    right = Wide.sum(x, 1, 2, 3) == f(x) + 6;
                    break;
                default:
                    List<Integer> ys = randomList(random);
                    right = analyse(ys).equals(expected(ys, 0));
                    break;
            }
            if (!right) {
                WRONG.incrementAndGet();
            }
        } catch (Throwable unexpected) {
            if (UNEXPECTED.incrementAndGet() <= 5) {
                unexpected.printStackTrace();
            }
        }
        CALLS.incrementAndGet();
    }

    private static boolean failingMatches(int x) {
        try {
            return failing(x) == x * 3 && x % 7 != 0;
        } catch (IllegalArgumentException e) {
            return x % 7 == 0 && e.getMessage().equals("bad " + x);
        }
    }

    private static List<Integer> randomList(ThreadLocalRandom random) {
        List<Integer> xs = new ArrayList<>();
        int size = random.nextInt(12);
        for (int i = 0; i < size; i++) {
            xs.add(random.nextInt(40));
        }
        return xs;
    }

    private static List<Long> expected(List<Integer> xs, long plus) {
        List<Long> out = new ArrayList<>();
        for (int x : xs) {
            out.add(f(x) + plus);
        }
        return out;
    }
}
