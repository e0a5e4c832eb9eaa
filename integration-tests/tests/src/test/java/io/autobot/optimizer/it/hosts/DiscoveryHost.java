package io.autobot.optimizer.it.hosts;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A host without a single annotation, for discovery. One worker thread runs rounds of calls to
 * methods whose nature is known (see {@link Known}) and counts rounds; {@code stats} says how many
 * rounds ran and whether every result of the pure methods was right; {@code probe} tells, on its
 * own, whether any observing advice is left in the host's code (see {@link #probe()}).
 */
public class DiscoveryHost {

    static final AtomicLong ROUNDS = new AtomicLong();
    /** Runs of the body of {@link Known#expensivePure}: what caching it saves. */
    static final AtomicLong PURE_BODIES = new AtomicLong();
    static volatile boolean correct = true;
    static volatile long sink;

    /** The methods discovery must judge. */
    public static final class Known {

        private static final AtomicLong TICKS = new AtomicLong();

        private Known() {
        }

        /** Expensive, pure, arguments repeating (0..19): worth caching. */
        public static long expensivePure(int n) {
            PURE_BODIES.incrementAndGet();
            return work(n, 40_000);
        }

        /** Expensive, pure, arguments never repeating: not worth it. */
        public static long expensiveUnique(long n) {
            return work(n, 40_000);
        }

        /** Cheap and pure: not worth it. */
        public static int cheapPure(int x) {
            return (int) work(x, 50);
        }

        /** Expensive, arguments repeating, but reads a counter: not cacheable. */
        public static long impure(int n) {
            return work(n, 40_000) + TICKS.incrementAndGet();
        }

        /** Expensive, takes a builder (identity equals, mutable): not cacheable. */
        public static int withBuilder(StringBuilder text) {
            return (int) work(text.length(), 40_000);
        }

        static long work(long seed, int steps) {
            long h = seed * 0x9E3779B97F4A7C15L + 1;
            for (int i = 0; i < steps; i++) {
                h ^= h << 13;
                h ^= h >>> 7;
                h ^= h << 17;
            }
            return h;
        }
    }

    private static final long[] EXPECTED = new long[20];

    static void round(long round) {
        long total = 0;
        for (int i = 0; i < 20; i++) {
            long value = Known.expensivePure(i);
            if (value != EXPECTED[i]) {
                correct = false;
            }
            total += value;
        }
        for (int i = 0; i < 4; i++) {
            total += Known.expensiveUnique(round * 4 + i);
            total += Known.impure(i);
            total += Known.withBuilder(new StringBuilder("key").append(i));
        }
        for (int i = 0; i < 20_000; i++) {
            total += Known.cheapPure(i % 50);
        }
        sink = total;
    }

    public static void main(String[] args) throws Exception {
        for (int i = 0; i < 20; i++) {
            EXPECTED[i] = Known.work(i, 40_000);
        }
        Thread worker = new Thread(() -> {
            for (long r = 0; ; r++) {
                round(r);
                ROUNDS.incrementAndGet();
            }
        }, "discovery-host-worker");
        worker.setDaemon(true);
        worker.start();
        new CommandLoop()
                .on("stats", DiscoveryHost::stats)
                .on("probe", DiscoveryHost::probe)
                .serve();
    }

    private static Map<String, Object> stats() {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("rounds", ROUNDS.get());
        answer.put("pure.bodies", PURE_BODIES.get());
        answer.put("nanos", System.nanoTime());
        answer.put("correct", correct);
        answer.put("agent", marker("io.autobot.optimizer.started").orElse("none"));
        return answer;
    }

    /**
     * Installs a counting handler of the host's own in the agent's observing bridge (a boot class,
     * {@code io.autobot.optimizer.bootstrap.Probe}), runs one round, and puts the no-op back: any
     * call counted comes from observing advice still inlined in a method. {@code absent} when the
     * bridge was never loaded.
     */
    private static Map<String, Object> probe() {
        Map<String, Object> answer = new LinkedHashMap<>();
        try {
            Class<?> probe = Class.forName("io.autobot.optimizer.bootstrap.Probe", true, null);
            Class<?> handlerType = Class.forName("io.autobot.optimizer.bootstrap.ProbeHandler", true, null);
            AtomicLong calls = new AtomicLong();
            Object counting = java.lang.reflect.Proxy.newProxyInstance(DiscoveryHost.class.getClassLoader(),
                    new Class<?>[] {handlerType}, (proxy, method, args) -> {
                        if (method.getName().equals("observes")) {
                            calls.incrementAndGet(); // every entry to advised code asks; none is observed
                            return false;
                        }
                        return null;
                    });
            java.lang.reflect.Method install = probe.getMethod("install", handlerType);
            install.invoke(null, counting);
            try {
                round(-1);
            } finally {
                install.invoke(null, (Object) null);
            }
            answer.put("probe.calls", calls.get());
        } catch (ClassNotFoundException e) {
            answer.put("probe.calls", "absent");
        } catch (ReflectiveOperationException | RuntimeException e) {
            answer.put("probe.calls", "error:" + e.toString().replace(' ', '_'));
        }
        return answer;
    }

    /** One of the agent's marker properties, absent when unset or emptied (the agent empties them, never removes them). */
    static java.util.Optional<String> marker(String property) {
        return java.util.Optional.ofNullable(System.getProperty(property)).filter(value -> !value.isEmpty());
    }
}
