package io.autobot.optimizer.it.hosts;

import io.autobot.optimizer.annotations.Cached;
import io.autobot.optimizer.annotations.Optimized;
import io.autobot.optimizer.annotations.Parallel;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.ObjectName;

/**
 * A host whose annotated methods a JMX test drives through the {@code it.autobot:type=Host}
 * bean. It prints {@code ready=<pid>} once the bean is there and runs until its stdin closes.
 */
public class ManagementHost implements ManagementHostMBean {

    private static final AtomicInteger CACHED_RUNS = new AtomicInteger();
    private static final AtomicLong NEXT_KEY = new AtomicLong();
    private static final Set<String> PARALLEL_THREADS = ConcurrentHashMap.newKeySet();

    @Cached
    static long square(int x) {
        CACHED_RUNS.incrementAndGet();
        try {
            Thread.sleep(5); // stands for an expensive body: dearer than a disk read, so the disk tier keeps storing
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return (long) x * x;
    }

    @Parallel(threshold = 2)
    static List<Integer> doubled(List<Integer> items) throws InterruptedException {
        PARALLEL_THREADS.add(Thread.currentThread().getName());
        Thread.sleep(20); // stands for work, so that chunks overlap on their threads
        List<Integer> out = new ArrayList<>();
        for (Integer item : items) {
            out.add(item * 2);
        }
        return out;
    }

    @Optimized(operation = "slow_lookup")
    static String slowLookup(long key, long millis) throws InterruptedException {
        Thread.sleep(millis); // stands for a remote call's latency
        return "value-" + key;
    }

    @Cached
    static String unique(long key) {
        return "unique-" + key;
    }

    @Optimized(operation = "api_validation")
    static String callBackend(long key) {
        throw new TooManyRequestsException("429 Too Many Requests for " + key);
    }

    /** What an HTTP client throws on 429. */
    public static final class TooManyRequestsException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooManyRequestsException(String message) {
            super(message);
        }
    }

    @Override
    public long cached(int x) {
        return square(x);
    }

    @Override
    public int cachedRuns() {
        return CACHED_RUNS.get();
    }

    @Override
    public int parallelThreads(int items) {
        PARALLEL_THREADS.clear();
        List<Integer> input = new ArrayList<>();
        for (int i = 0; i < items; i++) {
            input.add(i);
        }
        try {
            List<Integer> output = doubled(input);
            for (int i = 0; i < items; i++) {
                if (output.get(i) != i * 2) {
                    throw new IllegalStateException("wrong result at " + i);
                }
            }
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        return PARALLEL_THREADS.size();
    }

    @Override
    public void slow(int calls, long millis) {
        try {
            for (int i = 0; i < calls; i++) {
                slowLookup(NEXT_KEY.incrementAndGet(), millis);
            }
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void distinctKeys(int calls) {
        for (int i = 0; i < calls; i++) {
            unique(NEXT_KEY.incrementAndGet());
        }
    }

    @Override
    public String hostJna() {
        int pid = com.sun.jna.NativeLibrary.getInstance("c").getFunction("getpid").invokeInt(new Object[0]);
        return com.sun.jna.Native.VERSION + ":" + pid;
    }

    @Override
    public void rateLimited(int calls) {
        for (int i = 0; i < calls; i++) {
            try {
                callBackend(i);
            } catch (TooManyRequestsException expected) {
                // the backend said no; the test counts these through the agent
            }
        }
    }

    public static void main(String[] args) throws Exception {
        ManagementFactory.getPlatformMBeanServer().registerMBean(new ManagementHost(),
                new ObjectName("it.autobot:type=Host"));
        System.out.println("ready=" + ProcessHandle.current().pid());
        System.out.flush();
        while (System.in.read() >= 0) {
            // runs until the test closes stdin or kills the process
        }
    }
}
