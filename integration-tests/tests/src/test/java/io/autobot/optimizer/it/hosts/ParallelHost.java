package io.autobot.optimizer.it.hosts;

import static io.autobot.optimizer.it.hosts.HostOutput.check;
import static io.autobot.optimizer.it.hosts.HostOutput.print;

import io.autobot.optimizer.annotations.Cached;
import io.autobot.optimizer.annotations.Optimized;
import io.autobot.optimizer.annotations.Parallel;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A host whose {@code @Parallel} methods record the threads that ran them. Every result is
 * compared with a plain sequential computation of the same function; the counts say how the
 * work was split. Run at level moderate it splits; at level basic it must not.
 */
public class ParallelHost {

    static final Set<String> THREADS = ConcurrentHashMap.newKeySet();
    static final Set<String> OPTIMIZED_THREADS = ConcurrentHashMap.newKeySet();
    static final Set<Boolean> CONTEXT_LOADER_SEEN = ConcurrentHashMap.newKeySet();
    static volatile ClassLoader expectedLoader;
    static final AtomicInteger CACHED_RUNS = new AtomicInteger();
    static final AtomicInteger VALIDATE_STARTS = new AtomicInteger();
    static final AtomicInteger VALIDATE_INTERRUPTED = new AtomicInteger();
    static final AtomicInteger VALIDATE_COMPLETED = new AtomicInteger();
    static volatile FileChannel shared;
    static volatile IllegalArgumentException thrown;

    static int f(int x) {
        return x * 31 + 7;
    }

    @Parallel(threshold = 4)
    static List<Integer> transform(List<Integer> values) throws InterruptedException {
        THREADS.add(Thread.currentThread().getName());
        CONTEXT_LOADER_SEEN.add(Thread.currentThread().getContextClassLoader() == expectedLoader);
        Thread.sleep(2); // stands for a remote call per chunk, so that chunks overlap
        List<Integer> out = new ArrayList<>();
        for (int value : values) {
            out.add(f(value));
        }
        return out;
    }

    @Parallel(threshold = 2)
    static long[] squares(int[] values) {
        return Arrays.stream(values).mapToLong(v -> (long) v * v).toArray();
    }

    @Parallel(threshold = 2, distinct = true)
    static List<String> search(List<String> queries) {
        List<String> hits = new ArrayList<>();
        for (String query : queries) {
            hits.add("doc-" + query.length()); // different queries find the same documents
            hits.add("doc-" + query.charAt(0));
        }
        return hits;
    }

    @Optimized(operation = "component_analysis")
    static Map<String, Integer> analyse(Set<String> components) {
        OPTIMIZED_THREADS.add(Thread.currentThread().getName());
        Map<String, Integer> sizes = new LinkedHashMap<>();
        for (String component : components) {
            sizes.put(component, component.length());
        }
        return sizes;
    }

    /** Not element-wise: sorted chunks are not a sorted list. {@code @Optimized} alone must not split it. */
    @Optimized(operation = "component_analysis")
    static List<Integer> sorted(List<Integer> values) {
        OPTIMIZED_THREADS.add(Thread.currentThread().getName());
        List<Integer> out = new ArrayList<>(values);
        Collections.sort(out);
        return out;
    }

    /** Not element-wise: each share needs the total of all elements. */
    @Optimized(operation = "reporting")
    static List<Double> shares(List<Double> values) {
        OPTIMIZED_THREADS.add(Thread.currentThread().getName());
        double total = 0;
        for (double value : values) {
            total += value;
        }
        List<Double> out = new ArrayList<>();
        for (double value : values) {
            out.add(value / total);
        }
        return out;
    }

    /** In place, and not element-wise: each element is divided by the largest. */
    @Optimized(operation = "reporting")
    static void normalize(double[] values) {
        OPTIMIZED_THREADS.add(Thread.currentThread().getName());
        double max = 0;
        for (double value : values) {
            max = Math.max(max, value);
        }
        for (int i = 0; i < values.length; i++) {
            values[i] /= max;
        }
    }

    /** Fails on an invalid pattern; the valid ones take 300 ms, and count whether they were interrupted. */
    @Parallel(threshold = 2)
    static List<String> validate(List<String> patterns) {
        VALIDATE_STARTS.incrementAndGet();
        for (String pattern : patterns) {
            if (pattern.startsWith("invalid")) {
                sleepQuietly(100);
                IllegalArgumentException failure = new IllegalArgumentException("invalid pattern " + pattern);
                thrown = failure;
                throw failure;
            }
        }
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            VALIDATE_INTERRUPTED.incrementAndGet();
            throw new IllegalStateException("validation stopped", e);
        }
        VALIDATE_COMPLETED.incrementAndGet();
        return patterns;
    }

    /** Several elements are bad: the caller must get the exception of the first bad one, as without the agent. */
    @Parallel(threshold = 2)
    static List<Integer> parse(List<String> texts) {
        List<Integer> out = new ArrayList<>();
        for (String text : texts) {
            if (text.equals("slow")) { // the first chunk fails last
                long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(300);
                while (System.nanoTime() < end) {
                    Thread.onSpinWait();
                }
                continue;
            }
            out.add(Integer.parseInt(text));
        }
        return out;
    }

    /** Reads a channel the host shares between calls; an interrupt would close it for the rest of the process. */
    @Parallel(threshold = 2)
    static List<Integer> sizes(List<String> names) throws IOException {
        List<Integer> out = new ArrayList<>();
        for (String name : names) {
            if (name.equals("bad")) {
                throw new IllegalArgumentException("bad element");
            }
            ByteBuffer buffer = ByteBuffer.allocate(16);
            long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
            while (System.nanoTime() < end) {
                buffer.clear();
                shared.read(buffer, 0);
            }
            out.add(buffer.position());
        }
        return out;
    }

    /** Cached and split: its first call is split when its chunks agree on their results' class. */
    @Cached
    @Parallel(threshold = 2)
    static List<Integer> cachedSquares(List<Integer> values) {
        CACHED_RUNS.incrementAndGet();
        List<Integer> out = new ArrayList<>();
        for (int value : values) {
            out.add(value * value);
        }
        return out;
    }

    /** Cached and split, with a result class chosen by size: its chunks of two disagree with the others. */
    @Cached
    @Parallel(threshold = 2)
    static List<Integer> cachedBySize(List<Integer> values) {
        CACHED_RUNS.incrementAndGet();
        List<Integer> out = values.size() == 2 ? new LinkedList<>() : new ArrayList<>();
        for (int value : values) {
            out.add(-value);
        }
        return out;
    }

    @Parallel(threshold = 2)
    static List<Integer> outer(List<Integer> values) throws InterruptedException {
        List<Integer> out = new ArrayList<>();
        for (int value : values) {
            out.addAll(transform(List.of(value, value + 1, value + 2, value + 3)));
        }
        return out;
    }

    public static void main(String[] args) throws Exception {
        expectedLoader = new URLClassLoader(new URL[0], ParallelHost.class.getClassLoader());
        Thread.currentThread().setContextClassLoader(expectedLoader);
        Random random = new Random(2024);
        boolean identical = true;
        for (int round = 0; round < 40; round++) {
            List<Integer> input = new ArrayList<>();
            int size = random.nextInt(60);
            for (int i = 0; i < size; i++) {
                input.add(random.nextInt(2000) - 1000);
            }
            List<Integer> expected = new ArrayList<>();
            input.forEach(v -> expected.add(f(v)));
            identical &= transform(input).equals(expected);
            int[] array = input.stream().mapToInt(Integer::intValue).toArray();
            identical &= Arrays.equals(squares(array), Arrays.stream(array).mapToLong(v -> (long) v * v).toArray());
        }
        print("parallel.identical", identical);
        print("parallel.workers.used", THREADS.stream().filter(name -> name.startsWith("autobot-worker-")).count());
        print("parallel.context.loader", !CONTEXT_LOADER_SEEN.contains(false));

        List<String> queries = List.of("alpha", "beta", "gamma", "delta", "axe", "bolt");
        List<String> expectedHits = new ArrayList<>(new LinkedHashSet<>(plainSearch(queries)));
        print("distinct.identical", search(queries).equals(expectedHits));

        Set<String> components = new LinkedHashSet<>(List.of("parser", "lexer", "ast", "codegen", "linker", "vm"));
        Map<String, Integer> sizes = analyse(components);
        check(sizes.size() == 6 && sizes.get("codegen") == 7, "analyse");
        print("optimized.map.identical", new ArrayList<>(sizes.keySet()).equals(new ArrayList<>(components)));
        optimizedAlone();
        cachedFirstCalls();

        failFast();
        nested();
        HostOutput.printCorrect();
    }

    /** {@code @Optimized} without {@code @Parallel}: whole calls on the caller's thread, results as without the agent. */
    private static void optimizedAlone() {
        boolean identical = sorted(List.of(9, 8, 7, 6, 5, 4, 3, 2, 1, 0)).equals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9));
        identical &= shares(List.of(1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0)).equals(Collections.nCopies(8, 0.125));
        double[] values = {1, 2, 3, 4, 5, 6, 7, 8};
        normalize(values);
        identical &= Arrays.equals(values, new double[] {0.125, 0.25, 0.375, 0.5, 0.625, 0.75, 0.875, 1.0});
        print("optimized.alone.identical", identical);
        print("optimized.alone.threads", OPTIMIZED_THREADS.size());
        print("optimized.alone.caller", OPTIMIZED_THREADS.equals(Set.of(Thread.currentThread().getName())));
    }

    /**
     * The first call of a cached {@code @Parallel} method: split when its chunks agree (the one call a
     * job makes gains too), run again whole, with the right result, when they do not.
     */
    private static void cachedFirstCalls() {
        List<Integer> input = List.of(1, 2, 3, 4, 5, 6, 7, 8);
        CACHED_RUNS.set(0);
        List<Integer> squares = cachedSquares(input);
        print("cached.first.identical", squares.getClass() == ArrayList.class
                && squares.equals(List.of(1, 4, 9, 16, 25, 36, 49, 64)));
        print("cached.first.runs", CACHED_RUNS.get());
        CACHED_RUNS.set(0);
        List<Integer> negated = cachedBySize(List.of(1, 2, 3, 4, 5));
        print("cached.disagree.identical", negated.getClass() == ArrayList.class
                && negated.equals(List.of(-1, -2, -3, -4, -5)));
        print("cached.disagree.runs", CACHED_RUNS.get());
    }

    private static void failFast() throws IOException {
        validate(List.of("ok1", "ok2", "ok3", "ok4")); // learns the result's class: the next call is split
        VALIDATE_STARTS.set(0);
        VALIDATE_COMPLETED.set(0);
        boolean same = false;
        try {
            validate(List.of("ok1", "ok2", "invalid3", "ok4"));
        } catch (IllegalArgumentException e) {
            same = e == thrown;
        }
        print("fail.same.instance", same);
        print("fail.started", VALIDATE_STARTS.get());
        print("fail.completed", VALIDATE_COMPLETED.get());
        print("fail.interrupted", VALIDATE_INTERRUPTED.get());
        print("fail.caller.interrupted", Thread.currentThread().isInterrupted());

        parse(List.of("1", "2", "3", "4", "5", "6", "7", "8"));
        String message = null;
        try {
            parse(List.of("slow", "x1", "2", "3", "4", "5", "6", "y7"));
        } catch (NumberFormatException e) {
            message = e.getMessage();
        }
        print("fail.lowest.chunk", "For input string: \"x1\"".equals(message));

        Path file = Files.createTempFile("parallel-host", ".bin");
        Files.write(file, new byte[64]);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            shared = channel;
            sizes(List.of("a", "b", "c", "d", "e", "f", "g", "h"));
            try {
                sizes(List.of("a", "b", "c", "d", "e", "f", "bad", "g"));
            } catch (IllegalArgumentException expected) {
                // the bad element's own exception
            }
            print("fail.channel.open", channel.isOpen());
        } finally {
            Files.delete(file);
        }
    }

    private static void nested() throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<Integer>>> results = new ArrayList<>();
        List<Integer> input = List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
        for (int i = 0; i < 8; i++) {
            results.add(callers.submit(() -> {
                start.await();
                return outer(input);
            }));
        }
        start.countDown();
        List<Integer> expected = new ArrayList<>();
        input.forEach(v -> List.of(v, v + 1, v + 2, v + 3).forEach(w -> expected.add(f(w))));
        boolean all = true;
        for (Future<List<Integer>> result : results) {
            all &= result.get(60, TimeUnit.SECONDS).equals(expected);
        }
        callers.shutdown();
        print("nested.finished", all);
    }

    private static List<String> plainSearch(List<String> queries) {
        List<String> hits = new ArrayList<>();
        for (String query : queries) {
            hits.add("doc-" + query.length());
            hits.add("doc-" + query.charAt(0));
        }
        return hits;
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
