package io.autobot.optimizer.benchmarks;

import io.autobot.optimizer.annotations.Cached;
import io.autobot.optimizer.annotations.Parallel;
import java.util.ArrayList;
import java.util.List;

/**
 * What a fresh JVM's first cached calls cost with the agent: the first miss of one {@code @Cached}
 * method (the engine's first call path, the method's cache, under a disk strategy the disk tier's
 * first offer), a second miss of it, the first miss of another method, then the first miss of a
 * cached {@code @Parallel} method (the splitter's first split: its workers, its chunks, the
 * bodies called from other threads) and of another one, each timed around the call and printed in
 * milliseconds.
 *
 * <pre>DISK_CACHE_PATH=&lt;a new directory&gt; java -javaagent:agent/dist/target/autobot-agent.jar[=cache=memory] \
 *     -cp integration-tests/benchmarks/target/benchmarks.jar io.autobot.optimizer.benchmarks.FirstCall</pre>
 */
public final class FirstCall {

    private static final int ELEMENTS = 12;

    private FirstCall() {
    }

    @Cached
    static String greet(String name) {
        return "hello " + name;
    }

    @Cached
    static String part(String name) {
        return "bye " + name;
    }

    @Cached(scope = Cached.Scope.ARGUMENTS)
    @Parallel
    static List<Integer> lengths(List<String> words) {
        List<Integer> lengths = new ArrayList<>();
        for (String word : words) {
            lengths.add(word.length());
        }
        return lengths;
    }

    @Cached(scope = Cached.Scope.ARGUMENTS)
    @Parallel
    static List<Integer> hashes(List<String> words) {
        List<Integer> hashes = new ArrayList<>();
        for (String word : words) {
            hashes.add(word.hashCode());
        }
        return hashes;
    }

    public static void main(String[] args) {
        List<String> words = new ArrayList<>();
        for (int i = 0; i < ELEMENTS; i++) {
            words.add("word" + i);
        }
        long start = System.nanoTime();
        greet("a");
        long first = System.nanoTime();
        greet("b");
        long second = System.nanoTime();
        part("c");
        long other = System.nanoTime();
        lengths(words);
        long split = System.nanoTime();
        hashes(words);
        long otherSplit = System.nanoTime();
        System.out.printf("first.ms=%.2f%nsecond.ms=%.2f%nother.first.ms=%.2f%nparallel.first.ms=%.2f%n"
                + "parallel.other.first.ms=%.2f%n", (first - start) / 1e6, (second - first) / 1e6,
                (other - second) / 1e6, (split - other) / 1e6, (otherSplit - split) / 1e6);
    }
}
