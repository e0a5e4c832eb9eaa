package io.autobot.optimizer.it.hosts;

import io.autobot.optimizer.annotations.Cached;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A host whose cached methods return values of several kinds (text, a record, an array, null),
 * plus one whose result and one whose argument cannot be serialized. It prints how often each
 * body ran and whether every result was right. Modes: {@code basic} (default; {@code basic mutate}
 * also changes every result it gets, which must not change what the disk tier serves next),
 * {@code big N} (N results of 300 KB each, to fill a small disk), {@code hold FILE} (compute, then
 * wait for FILE to appear before computing again: another JVM uses the cache meanwhile),
 * {@code vanish} (compute, delete the whole cache directory as a cleaner of temporary files would,
 * then compute old and new results again).
 */
public class DiskHost {

    static final AtomicInteger RUNS = new AtomicInteger();
    static final AtomicInteger OPAQUE_RUNS = new AtomicInteger();
    static final AtomicInteger HANDLE_RUNS = new AtomicInteger();
    static final AtomicInteger BIG_RUNS = new AtomicInteger();
    private static boolean allCorrect = true;
    private static boolean mutate;

    /** A serializable result type of the host's own. */
    public record Report(String name, List<Integer> values) implements Serializable {
    }

    /** A result that cannot be serialized. */
    public static final class Opaque {
        final int value;

        Opaque(int value) {
            this.value = value;
        }
    }

    /** An argument that cannot be serialized (equal by id, so memory caching works). */
    public static final class Handle {
        final int id;

        Handle(int id) {
            this.id = id;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Handle && ((Handle) other).id == id;
        }

        @Override
        public int hashCode() {
            return id;
        }
    }

    @Cached(ttl = "1h")
    static String text(String name) {
        RUNS.incrementAndGet();
        return "hello " + name;
    }

    @Cached(ttl = "1h")
    static Report report(String name, int size) {
        RUNS.incrementAndGet();
        List<Integer> values = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            values.add(i * i);
        }
        return new Report(name, values);
    }

    @Cached(ttl = "1h")
    static int[] squares(int n) {
        RUNS.incrementAndGet();
        int[] squares = new int[n];
        Arrays.setAll(squares, i -> i * i);
        return squares;
    }

    @Cached(ttl = "1h")
    static String nothing(String name) {
        RUNS.incrementAndGet();
        return null;
    }

    @Cached(ttl = "1h")
    static Opaque opaque(int value) {
        OPAQUE_RUNS.incrementAndGet();
        return new Opaque(value);
    }

    @Cached(ttl = "1h")
    static int byHandle(Handle handle) {
        HANDLE_RUNS.incrementAndGet();
        return handle.id * 2;
    }

    @Cached(ttl = "1h")
    static String big(int i) throws InterruptedException {
        BIG_RUNS.incrementAndGet();
        // stands for an expensive body: dearer than encoding and reading 300 KB, so the disk tier keeps storing
        Thread.sleep(50);
        return Integer.toString(i).repeat(300 * 1024 / Integer.toString(i).length());
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length == 0 ? "basic" : args[0];
        mutate = Arrays.asList(args).contains("mutate");
        if (mode.equals("big")) {
            int count = Integer.parseInt(args[1]);
            for (int round = 0; round < 2; round++) {
                for (int i = 0; i < count; i++) {
                    check(big(i).startsWith(Integer.toString(i)) && big(i).length() >= 300 * 1024 - 8);
                }
            }
            print("big.runs", BIG_RUNS);
        } else if (mode.equals("vanish")) {
            basic();
            awaitStore(Path.of(System.getenv("DISK_CACHE_PATH")));
            Thread.sleep(500); // the write-behind reaches the store meanwhile
            deleteRecursively(Path.of(System.getenv("DISK_CACHE_PATH")));
            System.out.println("vanished=" + !Files.exists(Path.of(System.getenv("DISK_CACHE_PATH"))));
            for (int i = 0; i < 8; i++) {
                check(big(i).startsWith(Integer.toString(i)));
            }
            basic();
            print("runs", RUNS);
        } else {
            basic();
            if (mode.equals("hold")) {
                awaitStore(Path.of(System.getenv("DISK_CACHE_PATH"))); // held once it is open
                System.out.println("holding=true");
                System.out.flush();
                Path proceed = Path.of(args[1]);
                for (int i = 0; i < 600 && !Files.exists(proceed); i++) {
                    Thread.sleep(100); // waits for the test, which runs another JVM meanwhile
                }
                basic();
            }
            print("runs", RUNS);
            print("opaque.runs", OPAQUE_RUNS);
            print("handle.runs", HANDLE_RUNS);
        }
        System.out.println("correct=" + allCorrect);
    }

    private static void basic() {
        for (int i = 0; i < 3; i++) {
            check(text("ada").equals("hello ada"));
            Report report = report("squares", 5);
            check(report.equals(new Report("squares", List.of(0, 1, 4, 9, 16))));
            int[] squares = squares(4);
            check(Arrays.equals(squares, new int[] {0, 1, 4, 9}));
            if (mutate) {
                report.values().set(0, 99); // a caller changing its result must not change the disk cache
                squares[1] = -1;
            }
            check(nothing("n") == null);
            check(opaque(7).value == 7);
            check(byHandle(new Handle(21)) == 42);
        }
    }

    /** Waits (at most 30 s) until the agent's store file exists and is no longer being created. */
    private static void awaitStore(Path directory) throws InterruptedException {
        Path store = directory.resolve("autobot-cache.db");
        Path creating = directory.resolve("autobot-cache.db.creating");
        for (int i = 0; i < 300 && !(Files.exists(store) && !Files.exists(creating)); i++) {
            Thread.sleep(100);
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static void check(boolean condition) {
        if (!condition) {
            allCorrect = false;
            new AssertionError("wrong result").printStackTrace();
        }
    }

    private static void print(String key, Object value) {
        System.out.println(key + "=" + Objects.toString(value));
    }
}
