package io.autobot.optimizer.it.hosts;

import io.autobot.optimizer.annotations.Cached;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Eight threads call two cached methods with random keys and compare every result with the same
 * computation done without the cache. It keeps calling for at least two seconds, so that the disk
 * tier, which opens in the background, serves and stores too.
 */
public class ConcurrentHybridHost {

    static final AtomicInteger RUNS = new AtomicInteger();

    @Cached(ttl = "1h")
    static String label(int key) {
        RUNS.incrementAndGet();
        return expectedLabel(key);
    }

    @Cached(ttl = "1h")
    static List<Integer> digits(int key, String salt) {
        RUNS.incrementAndGet();
        return expectedDigits(key, salt);
    }

    static String expectedLabel(int key) {
        return "key-" + key + "-" + Integer.toHexString(key * 31 + 7);
    }

    static List<Integer> expectedDigits(int key, String salt) {
        List<Integer> digits = new ArrayList<>();
        for (char c : (salt + key).toCharArray()) {
            digits.add((int) c);
        }
        return digits;
    }

    public static void main(String[] args) throws Exception {
        int threads = 8;
        long seed = Long.parseLong(args.length > 0 ? args[0] : "42");
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicLong mismatches = new AtomicLong();
        AtomicLong calls = new AtomicLong();
        long until = System.nanoTime() + 2_000_000_000L;
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Random random = new Random(seed + t);
            done.add(pool.submit(() -> {
                for (int i = 0; i < 2000 || System.nanoTime() < until; i++) {
                    int key = random.nextInt(200);
                    String salt = random.nextBoolean() ? "a" : "b";
                    if (!label(key).equals(expectedLabel(key))) {
                        mismatches.incrementAndGet();
                    }
                    List<Integer> digits = digits(key, salt);
                    if (!digits.equals(expectedDigits(key, salt))) {
                        mismatches.incrementAndGet();
                    }
                    calls.addAndGet(2);
                }
                return null;
            }));
        }
        for (Future<?> future : done) {
            future.get();
        }
        pool.shutdown();
        System.out.println("calls=" + calls.get());
        System.out.println("runs=" + RUNS.get());
        System.out.println("mismatches=" + mismatches.get());
    }
}
