package io.autobot.optimizer.samples;

import io.autobot.optimizer.annotations.Cached;
import io.autobot.optimizer.api.AutoBot;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The README's quick start: one memoized method, called twice with the same argument. With the
 * agent the second call is answered from the cache; without it both calls do the work.
 */
public final class QuickStart {

    private static final AtomicInteger EXECUTIONS = new AtomicInteger();

    private QuickStart() {
    }

    /** Counts the primes below {@code limit}: real work that takes a noticeable time. */
    @Cached(ttl = "2h")
    static int primesBelow(int limit) {
        EXECUTIONS.incrementAndGet();
        int count = 0;
        for (int n = 2; n < limit; n++) {
            boolean prime = true;
            for (int d = 2; (long) d * d <= n; d++) {
                if (n % d == 0) {
                    prime = false;
                    break;
                }
            }
            count += prime ? 1 : 0;
        }
        return count;
    }

    public static void main(String[] args) {
        int limit = args.length > 0 ? Integer.parseInt(args[0]) : 3_000_000;
        for (int call = 1; call <= 2; call++) {
            long start = System.nanoTime();
            int primes = primesBelow(limit);
            System.out.printf("call %d: %d primes below %d in %.1f ms%n", call, primes, limit,
                    (System.nanoTime() - start) / 1e6);
        }
        System.out.println("body executions: " + EXECUTIONS.get() + (EXECUTIONS.get() == 1
                ? " (the second call came from the agent's cache)" : " (no agent: every call did the work)"));
        System.out.println("agent attached: " + AutoBot.isAttached());
    }
}
