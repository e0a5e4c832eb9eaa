package io.autobot.optimizer.it.hosts;

import io.autobot.optimizer.annotations.Cached;
import io.autobot.optimizer.annotations.Optimized;
import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import javax.management.Attribute;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * TTLs end to end: on {@code @Cached(ttl)}, in the operation profile (changed live through the
 * operation's MXBean), and in a rules file ({@link #ruled} and {@link #ruledLong} carry no
 * annotation). An expiry is observed, never timed: the host calls again until the body runs
 * again, and gives up only after a bound that ends a broken run ({@code *.expired=false}). Prints
 * how often each body ran at each step.
 */
public class TtlHost {

    static final Map<String, AtomicInteger> RUNS = new ConcurrentHashMap<>();

    private static int count(String method) {
        return RUNS.computeIfAbsent(method, m -> new AtomicInteger()).incrementAndGet();
    }

    private static int runs(String method) {
        return RUNS.computeIfAbsent(method, m -> new AtomicInteger()).get();
    }

    /** Short TTL on the annotation, under a profile whose TTL is long: the annotation's applies. */
    @Optimized(operation = "component_analysis")
    @Cached(ttl = "300ms")
    static String annotatedShort(String x) {
        count("annotatedShort");
        return "short:" + x;
    }

    /** Long TTL on the annotation, under a profile whose TTL is made short: the annotation's applies. */
    @Optimized(operation = "component_analysis")
    @Cached(ttl = "1h")
    static String annotatedLong(String x) {
        count("annotatedLong");
        return "long:" + x;
    }

    /** No TTL of its own: the profile's applies. */
    @Optimized(operation = "component_analysis")
    static String profiled(String x) {
        count("profiled");
        return "profiled:" + x;
    }

    static String ruled(String x) {
        count("ruled");
        return "ruled:" + x;
    }

    static String ruledLong(String x) {
        count("ruledLong");
        return "ruledLong:" + x;
    }

    public static void main(String[] args) throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName profile = new ObjectName("io.autobot.optimizer:type=Operation,name=component_analysis");

        // 1. the profile's TTL is long (2h): an annotated 300 ms TTL still expires
        check(annotatedShort("a").equals("short:a"));
        print("annotatedShort.expired", expires("annotatedShort", () -> checked(annotatedShort("a"))));
        print("annotatedShort.runs", runs("annotatedShort"));

        // 2. the rules file's TTLs: 300 ms expires, 1h does not
        check(ruledLong("r").equals("ruledLong:r"));
        check(ruled("r").equals("ruled:r"));
        print("ruled.expired", expires("ruled", () -> checked(ruled("r"))));
        check(ruledLong("r").equals("ruledLong:r"));
        print("ruled.runs", runs("ruled"));
        print("ruledLong.runs", runs("ruledLong"));

        // 3. the profile's TTL made short: a method without its own follows it, an annotated 1h does not
        check(profiled("warm").equals("profiled:warm")); // instrumented, so that the operation's bean appears
        print("profile.bean", waitFor(() -> server.isRegistered(profile)));
        server.setAttribute(profile, new Attribute("CacheTtl", 0.3));
        print("profile.ttl", server.getAttribute(profile, "CacheTtl"));
        check(annotatedLong("p").equals("long:p")); // stored after the change: under the profile, 300 ms
        check(profiled("p").equals("profiled:p")); // stored after annotatedLong: expires after it would
        int profiledRuns = runs("profiled");
        print("profiled.expired", expires("profiled", () -> checked(profiled("p"))));
        print("profiled.runsAdded", runs("profiled") - profiledRuns);
        check(annotatedLong("p").equals("long:p"));
        print("annotatedLong.runs", runs("annotatedLong"));
        print("correct", correct);
    }

    private static boolean correct = true;

    private static void check(boolean condition) {
        correct &= condition;
    }

    /** The argument's own check, for the lambdas that call a method and count nothing more. */
    private static int checked(String value) {
        check(value.contains(":"));
        return 0;
    }

    /**
     * Calls until the method's body runs once more than before; true when it did. Poll, not a
     * timing: the 60 s bound only ends a run whose entry never expires.
     */
    private static boolean expires(String method, IntSupplier call) throws InterruptedException {
        int before = runs(method);
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            call.getAsInt();
            if (runs(method) > before) {
                return true;
            }
            Thread.sleep(25);
        }
        return false;
    }

    interface Condition {
        boolean holds() throws Exception;
    }

    private static boolean waitFor(Condition condition) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!condition.holds()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    private static void print(String key, Object value) {
        System.out.println(key + "=" + value);
    }
}
