package io.autobot.optimizer.it.hosts;

import static io.autobot.optimizer.it.hosts.HostOutput.print;

import io.autobot.optimizer.annotations.Optimized;
import io.autobot.optimizer.annotations.RateLimited;
import io.autobot.optimizer.api.RateLimitExceededException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A host that hammers rate-limited methods from many threads and records when each body ran,
 * then reports the most calls seen in any one-second window. It also has flaky methods that
 * count their attempts, for the retry checks.
 */
public class RateLimitHost {

    public static final int RATE = 10;
    static final ConcurrentLinkedQueue<Long> CALLS = new ConcurrentLinkedQueue<>();
    static final ConcurrentLinkedQueue<Long> OPERATION_CALLS = new ConcurrentLinkedQueue<>();
    static final List<Long> ATTEMPTS = Collections.synchronizedList(new ArrayList<>());
    static final AtomicInteger OTHER_RUNS = new AtomicInteger();
    static final AtomicInteger DOWN_RUNS = new AtomicInteger();
    static final IllegalStateException OTHER = new IllegalStateException("not a rate limit error");
    static final SocketTimeoutException DOWN = new SocketTimeoutException("backend down");

    @RateLimited(perSecond = RATE, maxWait = "30s")
    static void call() {
        CALLS.add(System.nanoTime());
    }

    /** A throttled operation: limited at MAX_REQUESTS_PER_SECOND (set by the IT). */
    @Optimized(operation = "api_validation")
    static boolean checkEndpoint(String endpoint) {
        OPERATION_CALLS.add(System.nanoTime());
        return !endpoint.isEmpty();
    }

    @RateLimited(perSecond = 1000, retryOn = IOException.class, maxRetries = 3, backoff = "40ms")
    static String flaky(String key) throws IOException {
        ATTEMPTS.add(System.nanoTime());
        if (ATTEMPTS.size() < 3) {
            throw new SocketTimeoutException("rate limit error, try again"); // a subclass of IOException
        }
        return "value-of-" + key;
    }

    @RateLimited(perSecond = 1000, retryOn = IOException.class, maxRetries = 3, backoff = "5ms")
    static String other(String key) {
        OTHER_RUNS.incrementAndGet();
        throw OTHER;
    }

    @RateLimited(perSecond = 1000, retryOn = IOException.class, maxRetries = 2, backoff = "5ms")
    static String down(String key) throws IOException {
        DOWN_RUNS.incrementAndGet();
        throw DOWN;
    }

    @RateLimited(perSecond = 1, name = "tight", maxWait = "100ms")
    static String tight() {
        return "ok";
    }

    public static void main(String[] args) throws Exception {
        hammer(16, 3_000, RateLimitHost::call);
        print("rate.calls", CALLS.size());
        print("rate.max.per.second", maxInOneSecond(CALLS));
        print("rate.gaps.ms", gaps(CALLS)); // for the failure message

        AtomicInteger endpoint = new AtomicInteger(); // all different: the operation also caches
        hammer(8, 1_500, () -> checkEndpoint("/api/v1/users/" + endpoint.incrementAndGet()));
        print("operation.max.per.second", maxInOneSecond(OPERATION_CALLS));

        print("retry.result", flaky("k"));
        print("retry.attempts", ATTEMPTS.size());
        print("retry.first.gap.ms", TimeUnit.NANOSECONDS.toMillis(ATTEMPTS.get(1) - ATTEMPTS.get(0)));
        print("retry.second.gap.ms", TimeUnit.NANOSECONDS.toMillis(ATTEMPTS.get(2) - ATTEMPTS.get(1)));
        try {
            other("k");
        } catch (IllegalStateException e) {
            print("other.same.instance", e == OTHER);
        }
        print("other.runs", OTHER_RUNS.get());
        try {
            down("k");
        } catch (IOException e) {
            print("down.same.instance", e == DOWN);
        }
        print("down.runs", DOWN_RUNS.get());

        tight();
        long start = System.nanoTime();
        try {
            tight();
            print("tight.second", "granted");
        } catch (RateLimitExceededException e) {
            print("tight.second", "RateLimitExceededException");
            print("tight.message.names.limiter", e.getMessage().contains("'tight'"));
        }
        print("tight.wait.ms", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        HostOutput.printCorrect();
    }

    private static void hammer(int threads, long millis, Runnable call) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        List<Thread> started = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread thread = new Thread(() -> {
                while (System.nanoTime() < end) {
                    call.run();
                }
            });
            thread.start();
            started.add(thread);
        }
        for (Thread thread : started) {
            thread.join();
        }
    }

    /** The milliseconds between consecutive calls. */
    private static String gaps(ConcurrentLinkedQueue<Long> calls) {
        List<Long> times = new ArrayList<>(calls);
        Collections.sort(times);
        StringBuilder gaps = new StringBuilder();
        for (int i = 1; i < times.size(); i++) {
            gaps.append(i > 1 ? "," : "").append(TimeUnit.NANOSECONDS.toMillis(times.get(i) - times.get(i - 1)));
        }
        return gaps.toString();
    }

    /** The most calls that started within any one second. */
    private static int maxInOneSecond(ConcurrentLinkedQueue<Long> calls) {
        return mostInWindow(calls, TimeUnit.SECONDS.toNanos(1));
    }

    /** The most times within any window of this length (times and window in one unit). */
    public static int mostInWindow(java.util.Collection<Long> calls, long window) {
        List<Long> times = new ArrayList<>(calls);
        Collections.sort(times);
        int max = 0;
        for (int i = 0, j = 0; i < times.size(); i++) {
            while (j < times.size() && times.get(j) - times.get(i) < window) {
                j++;
            }
            max = Math.max(max, j - i);
        }
        return max;
    }
}
