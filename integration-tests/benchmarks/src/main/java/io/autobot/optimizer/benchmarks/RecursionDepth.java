package io.autobot.optimizer.benchmarks;

import io.autobot.optimizer.annotations.Cached;

/**
 * How deep a recursion of cache misses goes: the deepest call that completes on the main thread's
 * default stack, for a plain method and for the same method under {@code @Cached}, in one JVM. Each
 * probe uses keys of its own (a second argument), so every level of every probe is a miss. Five
 * rounds: the first runs mostly interpreted, the later ones compiled.
 *
 * <pre>java -javaagent:agent/dist/target/autobot-agent.jar=cache=memory \
 *     -cp integration-tests/benchmarks/target/benchmarks.jar io.autobot.optimizer.benchmarks.RecursionDepth</pre>
 */
public final class RecursionDepth {

    private static int probe;

    private RecursionDepth() {
    }

    static long plain(int n, int key) {
        return n == 0 ? key : 1 + plain(n - 1, key);
    }

    @Cached
    static long cached(int n, int key) {
        return n == 0 ? key : 1 + cached(n - 1, key);
    }

    private interface Recursion {
        long run(int depth, int key);
    }

    /** A binary search for the deepest call that returns rather than overflows the stack. */
    private static int deepest(Recursion recursion) {
        int low = 100;
        int high = 200_000;
        while (low < high) {
            int mid = (low + high + 1) >>> 1;
            try {
                recursion.run(mid, ++probe);
                low = mid;
            } catch (StackOverflowError e) {
                high = mid - 1;
            }
        }
        return low;
    }

    public static void main(String[] args) {
        for (int round = 1; round <= 5; round++) {
            int plain = deepest(RecursionDepth::plain);
            int cached = deepest(RecursionDepth::cached);
            System.out.printf("round %d: plain %d, @Cached %d levels (%.0f%%)%n", round, plain, cached,
                    100.0 * cached / plain);
        }
    }
}
