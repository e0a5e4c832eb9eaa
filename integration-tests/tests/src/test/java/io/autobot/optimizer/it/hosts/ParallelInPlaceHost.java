package io.autobot.optimizer.it.hosts;

import static io.autobot.optimizer.it.hosts.HostOutput.print;

import io.autobot.optimizer.annotations.Parallel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code @Parallel} methods that work on their argument in place: element writes must reach the
 * caller's array or list as without the agent, and a method that adds or removes elements, or an
 * argument that refuses writes, must give what a sequential run gives, and a read-only body must
 * leave alone what another thread writes into the argument meanwhile. Each case prints whether it
 * matched the plain computation.
 */
public class ParallelInPlaceHost {

    static final AtomicInteger APPEND_RUNS = new AtomicInteger();

    @Parallel(threshold = 2)
    static void square(int[] values) {
        for (int i = 0; i < values.length; i++) {
            values[i] *= values[i];
        }
    }

    /** Fails at a zero: a sequential run leaves the elements before it changed and the ones after it not. */
    @Parallel(threshold = 2)
    static void invert(int[] values) {
        for (int i = 0; i < values.length; i++) {
            values[i] = 100 / values[i];
        }
    }

    @Parallel(threshold = 2)
    static void upper(List<String> words) {
        words.replaceAll(String::toUpperCase);
    }

    /** Changes every other element only. */
    @Parallel(threshold = 2)
    static void negateEven(List<Integer> values) {
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) % 2 == 0) {
                values.set(i, -values.get(i));
            }
        }
    }

    /** Not element-wise: it adds to its argument. */
    @Parallel(threshold = 2)
    static List<String> addOne(List<String> words) {
        words.add("x");
        return words;
    }

    @Parallel(threshold = 2)
    static List<String> append(List<String> words) {
        APPEND_RUNS.incrementAndGet();
        words.add("x");
        return words;
    }

    /** Not element-wise: it removes from its argument, a set. */
    @Parallel(threshold = 2)
    static void dropNegatives(Set<Integer> values) {
        values.removeIf(value -> value < 0);
    }

    /** Set while a call runs during which another thread writes an element of its argument. */
    static volatile CountDownLatch readStarted;
    static volatile CountDownLatch writtenMeanwhile;

    /** Reads its elements only, while another thread writes one of the argument's. */
    @Parallel(threshold = 2)
    static void readAll(List<String> words) {
        for (String word : words) {
            word.length();
        }
        letTheOtherThreadWrite();
    }

    @Parallel(threshold = 2)
    static void readAllOf(String[] words) {
        for (String word : words) {
            word.length();
        }
        letTheOtherThreadWrite();
    }

    private static void letTheOtherThreadWrite() {
        readStarted.countDown();
        try {
            writtenMeanwhile.await(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Counts the writes it is given. */
    static final class CountingList<E> extends ArrayList<E> {
        private static final long serialVersionUID = 1L;
        int writes;

        CountingList(List<E> elements) {
            super(elements);
        }

        @Override
        public E set(int index, E element) {
            writes++;
            return super.set(index, element);
        }
    }

    public static void main(String[] args) {
        int[] squares = {1, 2, 3, 4, 5, 6, 7, 8};
        square(squares);
        print("array.written", Arrays.equals(squares, new int[] {1, 4, 9, 16, 25, 36, 49, 64}));

        int[] inverted = {1, 2, 4, 5, 0, 10, 20, 25};
        String thrown = "none";
        try {
            invert(inverted);
        } catch (ArithmeticException e) {
            thrown = e.getClass().getSimpleName();
        }
        print("array.failed.thrown", thrown);
        // as a sequential run leaves it: the elements before the zero written, the zero and all after it not
        print("array.failed.written", Arrays.equals(inverted, new int[] {100, 50, 25, 20, 0, 10, 20, 25}));

        List<String> words = new ArrayList<>(List.of("a", "b", "c", "d", "e", "f"));
        upper(words);
        List<String> linked = new LinkedList<>(List.of("g", "h", "i", "j", "k"));
        upper(linked);
        print("list.written", words.equals(List.of("A", "B", "C", "D", "E", "F"))
                && linked.equals(List.of("G", "H", "I", "J", "K")));

        CountingList<Integer> counting = new CountingList<>(List.of(1, 2, 3, 4, 5, 6, 7, 8));
        negateEven(counting);
        print("list.written.changed.only", counting.equals(List.of(1, -2, 3, -4, 5, -6, 7, -8)) && counting.writes == 4);

        // upper on an unmodifiable list: the write-back is refused; the caller gets the body's own exception
        print("unmodifiable.write.thrown", thrownBy(() -> upper(List.of("l", "m", "n", "o"))));
        addOne(new ArrayList<>(List.of("w", "x", "y", "z"))); // a first whole call, to learn its result
        print("unmodifiable.add.thrown", thrownBy(() -> addOne(List.of("a", "b", "c", "d"))));

        boolean grown = true;
        for (int call = 0; call < 2; call++) { // whichever of them is split, each is right
            List<String> growing = new ArrayList<>(List.of("a", "b", "c", "d"));
            grown &= append(growing) == growing && growing.equals(List.of("a", "b", "c", "d", "x"));
        }
        print("resized.result", grown);
        List<String> again = new ArrayList<>(List.of("e", "f", "g", "h"));
        int runsBefore = APPEND_RUNS.get();
        print("resized.again", append(again).equals(List.of("e", "f", "g", "h", "x"))
                && APPEND_RUNS.get() == runsBefore + 1); // no longer split: one run

        Set<Integer> numbers = new TreeSet<>(List.of(-3, -2, -1, 0, 1, 2, 3, 4));
        dropNegatives(numbers);
        print("set.removed", numbers.equals(Set.of(0, 1, 2, 3, 4)));

        List<String> shared = new CopyOnWriteArrayList<>(List.of("a", "bb", "ccc", "dddd", "eeeee", "ffffff"));
        whileAnotherThreadWrites(() -> readAll(shared), () -> shared.set(5, "UPDATED"));
        print("concurrent.list.kept", shared.equals(List.of("a", "bb", "ccc", "dddd", "eeeee", "UPDATED")));
        String[] array = {"a", "bb", "ccc", "dddd", "eeeee", "ffffff"};
        whileAnotherThreadWrites(() -> readAllOf(array), () -> array[5] = "UPDATED");
        print("concurrent.array.kept", Arrays.equals(array, new String[] {"a", "bb", "ccc", "dddd", "eeeee", "UPDATED"}));
        print("done", true);
    }

    /** Runs the call; once its body has started, another thread makes the write, and the body goes on. */
    private static void whileAnotherThreadWrites(Runnable call, Runnable write) {
        readStarted = new CountDownLatch(1);
        writtenMeanwhile = new CountDownLatch(1);
        Thread writer = new Thread(() -> {
            try {
                readStarted.await(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                return;
            }
            write.run();
            writtenMeanwhile.countDown();
        });
        writer.start();
        call.run();
        try {
            writer.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String thrownBy(Runnable call) {
        try {
            call.run();
            return "none";
        } catch (RuntimeException e) {
            return e.getClass().getSimpleName();
        }
    }
}
