package io.autobot.optimizer.it.hosts;

import static io.autobot.optimizer.it.hosts.HostOutput.check;
import static io.autobot.optimizer.it.hosts.HostOutput.print;
import static io.autobot.optimizer.it.hosts.HostOutput.printCorrect;

import io.autobot.optimizer.annotations.Cached;
import io.autobot.optimizer.annotations.Timeout;
import java.math.BigInteger;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Memoized recursion, the classic use of a cache: a deep recursion of misses, a memoized
 * Fibonacci that runs each level once, a recursion through a timed method (its calls run nested in
 * the agent's policies), and a recursion whose deepest call throws. On the main thread's default
 * stack. It prints what each returned and how often each body ran.
 */
public class RecursionHost {

    static final AtomicInteger DEPTH_RUNS = new AtomicInteger();
    static final AtomicInteger FIB_RUNS = new AtomicInteger();
    static final AtomicInteger FAIL_RUNS = new AtomicInteger();
    static IllegalStateException thrown;

    @Cached
    static long depth(int n) {
        DEPTH_RUNS.incrementAndGet();
        return n == 0 ? 0 : 1 + depth(n - 1);
    }

    @Cached
    static BigInteger fib(int n) {
        FIB_RUNS.incrementAndGet();
        return n < 2 ? BigInteger.valueOf(n) : fib(n - 1).add(fib(n - 2));
    }

    @Cached
    @Timeout("5m")
    static long timedDepth(int n) {
        return n == 0 ? 0 : 1 + timedDepth(n - 1);
    }

    @Cached
    static long failing(int n) {
        FAIL_RUNS.incrementAndGet();
        if (n == 0) {
            thrown = new IllegalStateException("the deepest call fails");
            throw thrown;
        }
        return 1 + failing(n - 1);
    }

    /** Keyed by the probe too, so every level of every probe is a miss. */
    @Cached
    static long probe(int n, int key) {
        return n == 0 ? key : 1 + probe(n - 1, key);
    }

    /**
     * Searches, as a parser's depth guard might, for the deepest recursion that does not overflow
     * the stack: dozens of probes end in a {@code StackOverflowError} thrown wherever the stack
     * ends, among them inside the agent's work on the deepest calls.
     */
    private static int deepestProbe(int searches) {
        int deepest = 0;
        int key = 0;
        for (int search = 0; search < searches; search++) {
            int low = 100;
            int high = 200_000;
            while (low < high) {
                int mid = (low + high + 1) >>> 1;
                try {
                    probe(mid, ++key);
                    low = mid;
                } catch (StackOverflowError overflow) {
                    high = mid - 1;
                }
            }
            deepest = low;
        }
        return deepest;
    }

    public static void main(String[] args) {
        int deep = Integer.parseInt(args[0]);
        print("depth", depth(deep));
        print("depth.runs", DEPTH_RUNS.get());
        print("depth.again", depth(deep) + depth(deep / 2));
        print("depth.runs.after", DEPTH_RUNS.get());
        if (args.length > 1) { // without the agent this is exponential
            BigInteger fib = fib(2000);
            check(fib.equals(iterativeFib(2000)), "fib(2000)");
            print("fib.bits", fib.bitLength());
            print("fib.runs", FIB_RUNS.get());
        }
        print("timed", timedDepth(deep));
        print("failing", failingOutcome(500));
        print("failing.again", failingOutcome(500));
        print("failing.runs", FAIL_RUNS.get());
        print("overflow.search", deepestProbe(6) > 1000);
        print("after.overflows", depth(deep + 1) + "," + probe(10, -1)); // new misses: the cache still stores
        printCorrect();
    }

    private static String failingOutcome(int n) {
        try {
            return "returned " + failing(n);
        } catch (IllegalStateException e) {
            return e == thrown ? "the-body's-own" : "another";
        }
    }

    private static BigInteger iterativeFib(int n) {
        BigInteger a = BigInteger.ZERO;
        BigInteger b = BigInteger.ONE;
        for (int i = 0; i < n; i++) {
            BigInteger next = a.add(b);
            a = b;
            b = next;
        }
        return a;
    }
}
