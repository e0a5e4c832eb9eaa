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

    @Cached(ttl = "1h")
    static String entry(int i) {
        RUNS.incrementAndGet();
        return expected(i);
    }

    static String expected(int i) {
        StringBuilder text = new StringBuilder(2048);
        long x = i * 2654435761L;
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
