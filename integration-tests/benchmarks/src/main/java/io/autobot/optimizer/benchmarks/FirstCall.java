package io.autobot.optimizer.benchmarks;

import io.autobot.optimizer.annotations.Cached;

/**
 * What a fresh JVM's first cached call costs with the agent: the first miss of one {@code @Cached}
 * method (the engine's first call path, the method's cache, under a disk strategy the disk tier's
 * first offer), a second miss of it, and the first miss of another method, each timed around the
 * call and printed in milliseconds.
 *
 * <pre>DISK_CACHE_PATH=&lt;a new directory&gt; java -javaagent:agent/dist/target/autobot-agent.jar[=cache=memory] \
 *     -cp integration-tests/benchmarks/target/benchmarks.jar io.autobot.optimizer.benchmarks.FirstCall</pre>
 */
public final class FirstCall {

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

    public static void main(String[] args) {
        long start = System.nanoTime();
        greet("a");
        long first = System.nanoTime();
        greet("b");
        long second = System.nanoTime();
        part("c");
        long other = System.nanoTime();
        System.out.printf("first.ms=%.2f%nsecond.ms=%.2f%nother.first.ms=%.2f%n", (first - start) / 1e6,
                (second - first) / 1e6, (other - second) / 1e6);
    }
}
