package io.autobot.optimizer.it.hosts;

import io.autobot.optimizer.annotations.Cached;
import java.util.AbstractList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Hostile inputs that make the agent's own steps fail: arguments whose hashCode or equals throws
 * (key building, lookup), a result that cannot be measured (storing), and a body that throws an
 * OutOfMemoryError. Every call must still return the method's real result or exception.
 */
public class FailOpenHost {

    static final AtomicInteger RUNS = new AtomicInteger();

    /** An argument with value equality that the agent cannot hash. */
    public static final class NoHash {
        final int value;

        NoHash(int value) {
            this.value = value;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof NoHash that && that.value == value;
        }

        @Override
        public int hashCode() {
            throw new UnsupportedOperationException("no hashCode for you");
        }
    }

    /** An argument that hashes but cannot be compared. */
    public static final class NoEquals {
        final int value;

        NoEquals(int value) {
            this.value = value;
        }

        @Override
        public int hashCode() {
            return 1;
        }

        @Override
        public boolean equals(Object other) {
            throw new IllegalStateException("no equals for you");
        }
    }

    /** A result whose elements cannot be walked. */
    static final class Unwalkable extends AbstractList<String> {
        @Override
        public String get(int index) {
            throw new IllegalStateException("no elements for you");
        }

        @Override
        public int size() {
            return 3;
        }
    }

    @Cached
    static int hashless(NoHash arg) {
        RUNS.incrementAndGet();
        return arg.value * 2;
    }

    @Cached
    static int equalless(NoEquals arg) {
        RUNS.incrementAndGet();
        return arg.value * 3;
    }

    @Cached
    static List<String> unwalkable(int n) {
        RUNS.incrementAndGet();
        return new Unwalkable();
    }

    @Cached
    static long[] huge(int n) {
        RUNS.incrementAndGet();
        return new long[Integer.MAX_VALUE - n]; // larger than any heap: OutOfMemoryError at once
    }

    public static void main(String[] args) {
        boolean correct = true;
        for (int i = 0; i < 3; i++) {
            correct &= hashless(new NoHash(21)) == 42;
            correct &= equalless(new NoEquals(5)) == 15;
            correct &= unwalkable(1).size() == 3;
            try {
                huge(2);
                correct = false;
            } catch (OutOfMemoryError expected) {
                correct &= expected.getMessage() != null;
            }
        }
        System.out.println("correct=" + correct);
        System.out.println("runs=" + RUNS.get());
    }
}
