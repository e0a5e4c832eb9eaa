package io.autobot.optimizer.it.hosts;

import static io.autobot.optimizer.it.hosts.HostOutput.print;

import io.autobot.optimizer.annotations.Cached;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Calls whose results depend on more than the arguments' {@code equals}: the receiver (an enum
 * constant, an object with a field, a record behind a default method, a stateless subclass), an
 * argument the body changes, the runtime type of an array argument. It prints every result and
 * how often the bodies ran; with and without the agent the results must be the same.
 */
public class CacheKeysHost {

    static final AtomicInteger SERVICE_RUNS = new AtomicInteger();
    static final AtomicInteger HOSTILE_RUNS = new AtomicInteger();
    static final AtomicInteger LIST_RUNS = new AtomicInteger();
    static final AtomicInteger UPLOAD_RUNS = new AtomicInteger();
    static final AtomicInteger RECORD_RUNS = new AtomicInteger();

    enum Planet {
        EARTH(9.81), MARS(3.72);

        final double gravity;

        Planet(double gravity) {
            this.gravity = gravity;
        }

        @Cached
        double weight(double mass) {
            return mass * gravity;
        }
    }

    /** A receiver with state and identity equality. */
    static final class Account {
        final int balance;

        Account(int balance) {
            this.balance = balance;
        }

        @Cached
        int balanceIn(String currency) {
            return currency.equals("EUR") ? balance : balance * 2;
        }
    }

    interface Shape {
        String name();

        @Cached
        default String describe(int k) {
            return name() + k;
        }
    }

    record Square(String name) implements Shape {
    }

    /** A record whose equals and hashCode the compiler generated: keyed by its components. */
    record Point(double x, String label) {
    }

    /** A record with an equals of its own (case does not matter): keyed by that equals. */
    record Name(String value) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Name name && name.value.equalsIgnoreCase(value);
        }

        @Override
        public int hashCode() {
            return value.toLowerCase(java.util.Locale.ROOT).hashCode();
        }
    }

    @Cached
    static String place(Point point) {
        RECORD_RUNS.incrementAndGet();
        return point.label() + "@" + point.x();
    }

    @Cached
    static String named(Name name) {
        RECORD_RUNS.incrementAndGet();
        return name.value().toLowerCase(java.util.Locale.ROOT);
    }

    /** No fields anywhere: the result depends on the class only (through the override it calls). */
    abstract static class Label {
        abstract String prefix();

        @Cached
        String label(int k) {
            return prefix() + k;
        }
    }

    static final class Red extends Label {
        @Override
        String prefix() {
            return "red";
        }
    }

    static final class Blue extends Label {
        @Override
        String prefix() {
            return "blue";
        }
    }

    /** A stateless service object, created per request as frameworks do. */
    static final class Greeter {
        @Cached
        String greet(String name) {
            SERVICE_RUNS.incrementAndGet();
            return "hello-" + name;
        }
    }

    /** A receiver whose hashCode throws: the call must run its plain method. */
    static final class Hostile {
        final int factor;

        Hostile(int factor) {
            this.factor = factor;
        }

        @Override
        public int hashCode() {
            throw new UnsupportedOperationException("no hashCode for this receiver");
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Hostile && ((Hostile) other).factor == factor;
        }

        @Cached
        int times(int x) {
            HOSTILE_RUNS.incrementAndGet();
            return x * factor;
        }
    }

    /** Sorts its argument: the result belongs to the array as it was passed. */
    @Cached
    static int first(int[] values) {
        int first = values[0];
        Arrays.sort(values);
        return first;
    }

    /** The same with nested arrays. */
    @Cached
    static int firstOfFirst(int[][] rows) {
        int first = rows[0][0];
        Arrays.sort(rows[0]);
        return first;
    }

    /** Sorts its list argument. */
    @Cached
    static int head(List<Integer> values) {
        LIST_RUNS.incrementAndGet();
        int head = values.get(0);
        Collections.sort(values);
        return head;
    }

    /** Called with one buffer that the caller clears and refills for every call. */
    @Cached
    static String joined(List<String> words) {
        return String.join("+", words);
    }

    /** Called with large uploads, each dropped after its call. */
    @Cached
    static int checksum(byte[] data) {
        UPLOAD_RUNS.incrementAndGet();
        return Arrays.hashCode(data);
    }

    @Cached
    static String kind(Object value) {
        return value.getClass().getSimpleName();
    }

    @Cached
    static String innerKind(Object[] values) {
        return values[0].getClass().getSimpleName();
    }

    public static void main(String[] args) {
        print("planet.earth", Planet.EARTH.weight(10));
        print("planet.mars", Planet.MARS.weight(10));
        print("planet.earth.again", Planet.EARTH.weight(10));
        print("account.10", new Account(10).balanceIn("EUR"));
        print("account.20", new Account(20).balanceIn("EUR"));
        print("shape.a", new Square("a").describe(1));
        print("shape.b", new Square("b").describe(1));
        print("place.a", place(new Point(1.0, "a")));
        print("place.a.again", place(new Point(1.0, "a")));
        print("place.b", place(new Point(1.0, "b")));
        print("place.negative.zero", place(new Point(-0.0, "a")));
        print("place.nan", place(new Point(Double.NaN, "n")));
        print("place.nan.again", place(new Point(Double.NaN, "n")));
        print("named.Ada", named(new Name("Ada")));
        print("named.ADA", named(new Name("ADA")));
        print("record.runs", RECORD_RUNS);
        print("label.red", new Red().label(1));
        print("label.blue", new Blue().label(1));
        for (int i = 0; i < 3; i++) {
            print("greet." + i, new Greeter().greet("ada"));
        }
        print("greet.runs", SERVICE_RUNS);
        for (int i = 0; i < 2; i++) {
            print("hostile." + i, new Hostile(3).times(7));
        }
        print("hostile.runs", HOSTILE_RUNS);

        print("first.312", first(new int[] {3, 1, 2}));
        print("first.123", first(new int[] {1, 2, 3}));
        print("first.312.again", first(new int[] {3, 1, 2}));
        print("nested.312", firstOfFirst(new int[][] {{3, 1, 2}}));
        print("nested.123", firstOfFirst(new int[][] {{1, 2, 3}}));
        print("head.312", head(new ArrayList<>(List.of(3, 1, 2))));
        print("head.123", head(new ArrayList<>(List.of(1, 2, 3))));
        print("head.312.again", head(new ArrayList<>(List.of(3, 1, 2))));

        List<String> buffer = new ArrayList<>();
        for (String word : new String[] {"Aa", "BB", "Aa"}) { // "Aa" and "BB" hash alike
            buffer.clear();
            buffer.add(word);
            print("buffer." + word, joined(buffer));
        }
        long sum = 0;
        for (int i = 0; i < 100; i++) { // 3 MiB each, over max_file_size: a key would keep 300 MiB
            byte[] upload = new byte[3 << 20];
            upload[0] = (byte) i;
            sum += checksum(upload);
        }
        print("uploads", sum);
        print("uploads.runs", UPLOAD_RUNS);

        print("kind.integers", kind(new Integer[] {1}));
        print("kind.objects", kind(new Object[] {1}));
        print("kind.numbers", kind(new Number[] {1}));
        print("inner.integers", innerKind(new Object[] {new Integer[] {1}}));
        print("inner.objects", innerKind(new Object[] {new Object[] {1}}));
    }
}
