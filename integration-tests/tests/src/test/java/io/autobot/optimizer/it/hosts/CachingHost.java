package io.autobot.optimizer.it.hosts;

import io.autobot.optimizer.annotations.Cached;
import io.autobot.optimizer.annotations.Optimized;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A host program whose annotated methods count their body executions. It runs every caching
 * scenario and prints {@code key=value} lines: how often each body ran and whether every result
 * was right. Run with and without the agent, the results must be the same; only the counts differ.
 */
public class CachingHost {

    static final AtomicInteger STATIC_RUNS = new AtomicInteger();
    static final AtomicInteger INSTANCE_RUNS = new AtomicInteger();
    static final AtomicInteger PRIVATE_RUNS = new AtomicInteger();
    static final AtomicInteger FINAL_RUNS = new AtomicInteger();
    static final AtomicInteger ARRAY_RUNS = new AtomicInteger();
    static final AtomicInteger A_RUNS = new AtomicInteger();
    static final AtomicInteger B_RUNS = new AtomicInteger();
    static final AtomicInteger FAIL_RUNS = new AtomicInteger();
    static final AtomicInteger NULL_RUNS = new AtomicInteger();
    static final AtomicInteger BIG_RUNS = new AtomicInteger();
    static final AtomicInteger SLOW_RUNS = new AtomicInteger();
    static final AtomicInteger SLOW_FAIL_RUNS = new AtomicInteger();
    static final AtomicInteger PLAIN_RUNS = new AtomicInteger();
    static final AtomicInteger OPERATION_RUNS = new AtomicInteger();
    static final AtomicInteger RECURSIVE_RUNS = new AtomicInteger();
    static volatile RuntimeException lastThrown;

    private static boolean allCorrect = true;

    @Cached
    static int square(int x) {
        STATIC_RUNS.incrementAndGet();
        return x * x;
    }

    @Cached(ttl = "10m")
    String greet(String name) {
        INSTANCE_RUNS.incrementAndGet();
        return "hello " + name;
    }

    @Cached
    private long secret(long x) {
        PRIVATE_RUNS.incrementAndGet();
        return x * 31 + 7;
    }

    long callSecret(long x) {
        return secret(x); // a call from inside the class
    }

    @Cached
    final double half(double x) {
        FINAL_RUNS.incrementAndGet();
        return x / 2;
    }

    @Cached
    static int sum(int[] values) {
        ARRAY_RUNS.incrementAndGet();
        int total = 0;
        for (int value : values) {
            total += value;
        }
        return total;
    }

    @Cached
    static String first(String x) {
        A_RUNS.incrementAndGet();
        return "first:" + x;
    }

    @Cached
    static String second(String x) {
        B_RUNS.incrementAndGet();
        return "second:" + x;
    }

    @Cached
    static String boom(String x) {
        FAIL_RUNS.incrementAndGet();
        RuntimeException failure = new IllegalStateException("boom " + x);
        lastThrown = failure;
        throw failure;
    }

    @Cached
    static String nothing(String x) {
        NULL_RUNS.incrementAndGet();
        return null;
    }

    @Cached
    static String big(int megabytes) {
        BIG_RUNS.incrementAndGet();
        return "x".repeat(megabytes * 1024 * 1024);
    }

    @Cached
    static int slow(int x) throws InterruptedException {
        SLOW_RUNS.incrementAndGet();
        Thread.sleep(300); // stands for an expensive computation, so that callers overlap
        return x + 1;
    }

    @Cached
    static int slowFail(int x) throws InterruptedException {
        SLOW_FAIL_RUNS.incrementAndGet();
        Thread.sleep(300);
        throw new IllegalArgumentException("slow failure " + x);
    }

    @Optimized(operation = "component_analysis")
    static String analyse(String component) {
        OPERATION_RUNS.incrementAndGet();
        return component.toUpperCase();
    }

    @Cached
    static long fib(int n) {
        RECURSIVE_RUNS.incrementAndGet();
        return n < 2 ? n : fib(n - 1) + fib(n - 2);
    }

    static int plain(int x) {
        PLAIN_RUNS.incrementAndGet();
        return x - 1;
    }

    public static void main(String[] args) throws Exception {
        CachingHost host = new CachingHost();
        for (int i = 0; i < 3; i++) {
            check(square(7) == 49);
            check(host.greet("ada").equals("hello ada"));
            check(host.callSecret(3) == 100);
            check(host.half(9) == 4.5);
            check(sum(new int[] {1, 2, 3}) == 6);
            check(first("k").equals("first:k"));
            check(second("k").equals("second:k"));
            check(nothing("n") == null);
            check(plain(5) == 4);
            check(analyse("parser").equals("PARSER"));
        }
        check(square(8) == 64);
        check(sum(new int[] {1, 2, 4}) == 7);
        int[] reused = {5, 5};
        check(sum(reused) == 10);
        reused[1] = 6; // the cache must not have kept the caller's array
        check(sum(reused) == 11);
        check(big(3).length() == 3 * 1024 * 1024);
        check(big(3).length() == 3 * 1024 * 1024);
        check(fib(40) == 102334155L);

        boolean sameInstance = true;
        for (int i = 0; i < 2; i++) {
            try {
                boom("z");
                check(false);
            } catch (IllegalStateException e) {
                sameInstance &= e == lastThrown && e.getMessage().equals("boom z");
            }
        }

        print("static.runs", STATIC_RUNS);
        print("instance.runs", INSTANCE_RUNS);
        print("private.runs", PRIVATE_RUNS);
        print("final.runs", FINAL_RUNS);
        print("array.runs", ARRAY_RUNS);
        print("first.runs", A_RUNS);
        print("second.runs", B_RUNS);
        print("null.runs", NULL_RUNS);
        print("plain.runs", PLAIN_RUNS);
        print("operation.runs", OPERATION_RUNS);
        print("big.runs", BIG_RUNS);
        print("fib.runs", RECURSIVE_RUNS);
        print("fail.runs", FAIL_RUNS);
        System.out.println("fail.same.instance=" + sameInstance);

        singleFlight();
        classLoaders();
        System.out.println("correct=" + allCorrect);
    }

    /**
     * Eight threads ask for one key at once: the body runs once for all when it returns; when it
     * throws, each caller runs its own (an exception is its caller's alone) and gets its own.
     */
    private static void singleFlight() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        List<Future<String>> failures = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            results.add(pool.submit(() -> {
                start.await();
                return slow(41);
            }));
            failures.add(pool.submit(() -> {
                start.await();
                try {
                    slowFail(1);
                    return "no exception";
                } catch (IllegalArgumentException e) {
                    return e.getMessage();
                }
            }));
        }
        start.countDown();
        for (Future<Integer> result : results) {
            check(result.get() == 42);
        }
        for (Future<String> failure : failures) {
            check(failure.get().equals("slow failure 1"));
        }
        pool.shutdown();
        print("slow.runs", SLOW_RUNS);
        print("slow.fail.runs", SLOW_FAIL_RUNS);
    }

    /** The same plugin class loaded by a child-first URLClassLoader and by a loader with no parent. */
    private static void classLoaders() throws Exception {
        URL classes = CachingHost.class.getProtectionDomain().getCodeSource().getLocation();
        URL annotations = Cached.class.getProtectionDomain().getCodeSource() == null ? null
                : Cached.class.getProtectionDomain().getCodeSource().getLocation();
        List<URL> urls = new ArrayList<>(List.of(classes));
        if (annotations != null) {
            urls.add(annotations);
        }
        try (URLClassLoader child = new ChildFirstLoader(urls.toArray(new URL[0]), CachingHost.class.getClassLoader());
                URLClassLoader orphan = new URLClassLoader(urls.toArray(new URL[0]), null)) {
            print("child.loader.runs", runPlugin(child));
            print("orphan.loader.runs", runPlugin(orphan));
        }
    }

    private static int runPlugin(ClassLoader loader) throws Exception {
        Class<?> plugin = Class.forName(Plugin.class.getName(), true, loader);
        check(plugin.getClassLoader() == loader);
        Object instance = plugin.getDeclaredConstructor().newInstance();
        Method compute = plugin.getMethod("compute", int.class);
        for (int i = 0; i < 3; i++) {
            check((Integer) compute.invoke(instance, 6) == 36);
        }
        return (Integer) plugin.getMethod("runs").invoke(null);
    }

    private static void check(boolean condition) {
        if (!condition) {
            allCorrect = false;
            new AssertionError("wrong result").printStackTrace();
        }
    }

    private static void print(String key, Object value) {
        System.out.println(key + "=" + value);
    }

    /** A class the host loads in other class loaders; it counts its own executions. */
    public static class Plugin {
        private static final AtomicInteger RUNS = new AtomicInteger();

        @Cached
        public int compute(int x) {
            RUNS.incrementAndGet();
            return x * x;
        }

        public static int runs() {
            return RUNS.get();
        }
    }

    /** Loads the plugin itself rather than asking its parent first, as many containers do. */
    static final class ChildFirstLoader extends URLClassLoader {
        ChildFirstLoader(URL[] urls, ClassLoader parent) {
            super(urls, parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            synchronized (getClassLoadingLock(name)) {
                if (name.endsWith("$Plugin")) {
                    Class<?> loaded = findLoadedClass(name);
                    return loaded != null ? loaded : findClass(name);
                }
                return super.loadClass(name, resolve);
            }
        }
    }
}
