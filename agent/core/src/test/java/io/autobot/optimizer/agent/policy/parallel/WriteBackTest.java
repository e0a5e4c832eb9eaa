package io.autobot.optimizer.agent.policy.parallel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class WriteBackTest {

    @Test
    void arraysGetEveryChunkReachedCopiedBackIntoItsRange() {
        int[] values = {1, 2, 3, 4, 5};
        Cut cut = Splittable.ARRAY.cut(values, 3);
        Object[] chunks = cut.chunks();
        ((int[]) chunks[0])[1] = 20;
        ((int[]) chunks[1])[0] = 30;
        ((int[]) chunks[2])[0] = 50; // not reached: a chunk before it failed
        assertThat(WriteBack.apply(values, cut, chunks, 2)).isNull();
        assertThat(values).containsExactly(1, 20, 30, 4, 5);
    }

    @Test
    void listsGetSetOnlyWhereAnElementIsNoLongerTheSameObject() {
        List<String> words = new CountingList(List.of("a", "b", "c", "d"));
        Cut cut = Splittable.LIST.cut(words, 2);
        Object[] chunks = cut.chunks();
        ((List<String>) chunks[1]).set(1, "D");
        assertThat(WriteBack.apply(words, cut, chunks, 2)).isNull();
        assertThat(words).containsExactly("a", "b", "c", "D");
        assertThat(((CountingList) words).writes).isEqualTo(1);

        List<String> linked = new LinkedList<>(List.of("a", "b", "c"));
        Cut linkedCut = Splittable.LIST.cut(linked, 2);
        Object[] linkedChunks = linkedCut.chunks();
        ((List<String>) linkedChunks[0]).replaceAll(String::toUpperCase);
        assertThat(WriteBack.apply(linked, linkedCut, linkedChunks, 2)).isNull();
        assertThat(linked).containsExactly("A", "B", "c");
    }

    @Test
    void anUnchangedUnmodifiableArgumentNeedsNoWrite() {
        List<String> words = List.of("a", "b", "c", "d");
        Cut cut = Splittable.LIST.cut(words, 2);
        assertThat(WriteBack.apply(words, cut, cut.chunks(), 2)).isNull();
    }

    @Test
    void aResizedChunkMeansTheMethodIsNotElementWiseAndNothingIsWritten() {
        List<String> words = new ArrayList<>(List.of("a", "b", "c", "d"));
        Cut cut = Splittable.LIST.cut(words, 2);
        Object[] chunks = cut.chunks();
        ((List<String>) chunks[0]).set(0, "A");
        ((List<String>) chunks[1]).add("x");
        assertThat(WriteBack.apply(words, cut, chunks, 2)).contains("added or removed elements");
        assertThat(words).containsExactly("a", "b", "c", "d");
    }

    @Test
    void aRefusedWriteIsReportedAndTheWritesBeforeItAreUndone() {
        List<String> words = new RefusingList(List.of("a", "b", "c", "d"), 3);
        Cut cut = Splittable.LIST.cut(words, 2);
        Object[] chunks = cut.chunks();
        ((List<String>) chunks[0]).replaceAll(String::toUpperCase);
        ((List<String>) chunks[1]).replaceAll(String::toUpperCase);
        assertThat(WriteBack.apply(words, cut, chunks, 2)).contains("refused the element writes")
                .contains("UnsupportedOperationException");
        assertThat(words).containsExactly("a", "b", "c", "d");
        List<String> unmodifiable = List.of("a", "b");
        Cut unmodifiableCut = Splittable.LIST.cut(unmodifiable, 2);
        assertThat(WriteBack.apply(unmodifiable, unmodifiableCut,
                new Object[] {new ArrayList<>(List.of("A")), List.of("b")}, 2)).contains("ImmutableCollections");
    }

    @Test
    void aSetArgumentHasNoPositionsForChangedElements() {
        Set<Integer> numbers = new TreeSet<>(List.of(1, 2, 3, 4));
        Cut cut = Splittable.SORTED_SET.cut(numbers, 2);
        assertThat(WriteBack.apply(numbers, cut, cut.chunks(), 2)).isNull();
        Object[] changed = cut.chunks();
        ((Set<Integer>) changed[1]).remove(4);
        ((Set<Integer>) changed[1]).add(5);
        assertThat(WriteBack.apply(numbers, cut, changed, 2)).contains("no positions");
        assertThat(numbers).containsExactly(1, 2, 3, 4);
    }

    @Test
    void aWriteAnotherThreadMadeDuringTheCallStaysWhereNoBodyWrote() {
        List<String> shared = new CopyOnWriteArrayList<>(List.of("a", "bb", "ccc", "dddd", "eeeee", "ffffff"));
        Cut cut = Splittable.LIST.cut(shared, 3);
        Object[] chunks = cut.chunks();
        ((List<String>) chunks[0]).set(1, "BB"); // a body's write
        shared.set(5, "UPDATED"); // another thread's, while the chunks run
        assertThat(WriteBack.apply(shared, cut, chunks, 3)).isNull();
        assertThat(shared).containsExactly("a", "BB", "ccc", "dddd", "eeeee", "UPDATED");

        String[] words = {"a", "bb", "ccc", "dddd", "eeeee", "ffffff"};
        Cut arrayCut = Splittable.ARRAY.cut(words, 3);
        Object[] arrayChunks = arrayCut.chunks();
        ((String[]) arrayChunks[2])[0] = "EEEEE";
        words[5] = "UPDATED";
        words[0] = "A";
        assertThat(WriteBack.apply(words, arrayCut, arrayChunks, 3)).isNull();
        assertThat(words).containsExactly("A", "bb", "ccc", "dddd", "EEEEE", "UPDATED");
    }

    @Test
    void primitiveArraysGetBackTheElementsWhoseValueABodyChangedBitForBit() {
        int[] counts = {1, 2, 3, 4, 5, 6};
        Cut cut = Splittable.ARRAY.cut(counts, 2);
        Object[] chunks = cut.chunks();
        int[] first = (int[]) chunks[0];
        first[0] = 10;
        first[2] = 30; // first[1] written with the value it had: not a change
        first[1] = 2;
        counts[1] = 20; // another thread's writes
        counts[4] = 50;
        assertThat(WriteBack.apply(counts, cut, chunks, 2)).isNull();
        assertThat(counts).containsExactly(10, 20, 30, 4, 50, 6);

        double[] values = {0.0, Double.NaN, 1.0};
        Cut doubles = Splittable.ARRAY.cut(values, 3);
        Object[] doubleChunks = doubles.chunks();
        ((double[]) doubleChunks[0])[0] = -0.0; // equal to 0.0 by ==, but another value
        values[1] = 2.0; // another thread's write where the chunk still holds the NaN it was cut with
        assertThat(WriteBack.apply(values, doubles, doubleChunks, 3)).isNull();
        assertThat(Double.doubleToRawLongBits(values[0])).isEqualTo(Double.doubleToRawLongBits(-0.0));
        assertThat(values[1]).isEqualTo(2.0);
        assertThat(values[2]).isEqualTo(1.0);
    }

    /** Counts its writes. */
    private static final class CountingList extends ArrayList<String> {
        private static final long serialVersionUID = 1L;
        int writes;

        CountingList(List<String> elements) {
            super(elements);
        }

        @Override
        public String set(int index, String element) {
            writes++;
            return super.set(index, element);
        }
    }

    /** Refuses its n-th write. */
    private static final class RefusingList extends ArrayList<String> {
        private static final long serialVersionUID = 1L;
        private final int refused;
        private int writes;

        RefusingList(List<String> elements, int refused) {
            super(elements);
            this.refused = refused;
        }

        @Override
        public String set(int index, String element) {
            if (++writes == refused) {
                throw new UnsupportedOperationException();
            }
            return super.set(index, element);
        }
    }
}
