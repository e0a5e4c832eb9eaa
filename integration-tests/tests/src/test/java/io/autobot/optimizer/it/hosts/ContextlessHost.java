package io.autobot.optimizer.it.hosts;

import io.autobot.optimizer.annotations.Cached;
import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * A host whose first {@code @Cached} call, the one that starts the disk tier (its thread inherits
 * the caller's context loader), runs on a thread whose context class loader is null, as RMI, JMX
 * and many pool threads have. Arguments: {@code contextless|normal} (the first call's thread), then
 * the words to compute once the disk tier is open. Prints each result, how often each body ran, and
 * how many disk hits the words made (read from the disk tier's MXBean).
 */
public class ContextlessHost {

    static final Map<String, AtomicInteger> RUNS = new ConcurrentHashMap<>();

    @Cached(ttl = "1h")
    static String shout(String word) {
        RUNS.computeIfAbsent(word, w -> new AtomicInteger()).incrementAndGet();
        try {
            Thread.sleep(5); // stands for an expensive body: dearer than a disk read, so the disk tier keeps storing
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return word.toUpperCase() + "!";
    }

    public static void main(String[] args) throws Exception {
        boolean contextless = args[0].equals("contextless");
        Thread first = new Thread(() -> {
            System.out.println("first.loader=" + Thread.currentThread().getContextClassLoader());
            System.out.println("result.first=" + shout("first"));
        }, "first-call");
        if (contextless) {
            first.setContextClassLoader(null);
        }
        first.start();
        first.join();

        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName disk = new ObjectName("io.autobot.optimizer:type=Cache,tier=disk");
        // Until the disk tier is open, hybrid serves from memory only and a lookup does not reach
        // the disk. A memory miss that the disk tier counts as its miss says it is open: probe
        // with new words until one does (each probe runs its body, and is stored like any result).
        int[] probes = {0};
        boolean ready = waitFor(() -> {
            shout("probe-" + ProcessHandle.current().pid() + "-" + probes[0]++);
            return server.isRegistered(disk) && ((Number) server.getAttribute(disk, "Misses")).longValue() > 0;
        });
        System.out.println("disk.ready=" + ready);
        long hitsBefore = ready ? ((Number) server.getAttribute(disk, "Hits")).longValue() : -1;
        for (int i = 1; i < args.length; i++) {
            System.out.println("result." + args[i] + "=" + shout(args[i]));
        }
        if (ready) {
            System.out.println("disk.hits=" + (((Number) server.getAttribute(disk, "Hits")).longValue() - hitsBefore));
        }
        for (int i = 1; i < args.length; i++) {
            System.out.println("runs." + args[i] + "=" + RUNS.getOrDefault(args[i], new AtomicInteger()).get());
        }
        // exits: the open store takes what is still queued before the JVM ends
    }

    interface Condition {
        boolean holds() throws Exception;
    }

    /** Polls the condition; the 60 s bound only ends a broken run, it decides nothing when the agent works. */
    private static boolean waitFor(Condition condition) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (condition.holds()) {
                return true;
            }
            Thread.sleep(20);
        }
        return condition.holds();
    }
}
