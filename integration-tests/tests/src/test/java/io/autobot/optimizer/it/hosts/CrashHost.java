package io.autobot.optimizer.it.hosts;

import io.autobot.optimizer.annotations.Cached;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Writes cache entries as fast as it can until it is killed ({@code write FROM}), or reads back
 * ranges and checks every value ({@code verify FROM COUNT [FROM COUNT]...}). Values are a deterministic function
 * of the key, so a wrong value is recognised whether it came from the body or the cache.
 */
public class CrashHost {

    static final AtomicInteger RUNS = new AtomicInteger();
    private static final int WORK_STEPS = 400_000;

    @Cached(ttl = "1h")
    static String entry(int i) {
        RUNS.incrementAndGet();
        return expected(i);
    }

    /**
     * About 2 KB that cost a few hundred microseconds to compute: well above what reading a result
     * back from disk costs, so the tier stores every one (DiskWorth skips results cheaper to compute
     * than to read, which would leave nothing to serve here).
     */
    static String expected(int i) {
        long x = i * 2654435761L;
        for (int step = 0; step < WORK_STEPS; step++) {
            x = x * 6364136223846793005L + 1442695040888963407L;
        }
        StringBuilder text = new StringBuilder(2048);
        while (text.length() < 2000) {
            x = x * 6364136223846793005L + 1442695040888963407L;
            text.append(Long.toHexString(x));
        }
        return i + ":" + text;
    }

    public static void main(String[] args) {
        if (args[0].equals("write")) {
            int from = Integer.parseInt(args[1]);
            System.out.println("started=true");
            System.out.flush();
            for (int i = from; ; i++) {
                if (!entry(i).equals(expected(i))) {
                    System.out.println("correct=false");
                }
                if ((i - from) % 200 == 0) {
                    System.out.println("written=" + (i - from));
                    System.out.flush();
                }
            }
        }
        boolean correct = true;
        int total = 0;
        for (int arg = 1; arg + 1 < args.length; arg += 2) {
            int start = Integer.parseInt(args[arg]);
            int count = Integer.parseInt(args[arg + 1]);
            for (int i = start; i < start + count; i++) {
                correct &= entry(i).equals(expected(i));
            }
            total += count;
        }
        System.out.println("served=" + (total - RUNS.get()));
        System.out.println("correct=" + correct);
    }
}
