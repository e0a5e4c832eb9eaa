package io.autobot.optimizer.agent.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class WriteBackTest {

    @Test
    void arraysGetEveryChunkReachedCopiedBackIntoItsRange() {
        int[] values = {1, 2, 3, 4, 5};
        Object[] chunks = Splittable.ARRAY.split(values, 3);
        ((int[]) chunks[0])[1] = 20;
        ((int[]) chunks[1])[0] = 30;
        ((int[]) chunks[2])[0] = 50; // not reached: a chunk before it failed
        assertThat(WriteBack.apply(values, chunks, 2)).isNull();
        assertThat(values).containsExactly(1, 20, 30, 4, 5);
    }

    @Test
    void listsGetSetOnlyWhereAnElementIsNoLongerTheSameObject() {
        List<String> words = new CountingList(List.of("a", "b", "c", "d"));
        Object[] chunks = Splittable.LIST.split(words, 2);
        ((List<String>) chunks[1]).set(1, "D");
        assertThat(WriteBack.apply(words, chunks, 2)).isNull();
        assertThat(words).containsExactly("a", "b", "c", "D");
        assertThat(((CountingList) words).writes).isEqualTo(1);

        List<String> linked = new LinkedList<>(List.of("a", "b", "c"));
        Object[] linkedChunks = Splittable.LIST.split(linked, 2);
        ((List<String>) linkedChunks[0]).replaceAll(String::toUpperCase);
        assertThat(WriteBack.apply(linked, linkedChunks, 2)).isNull();
        assertThat(linked).containsExactly("A", "B", "c");
    }

    @Test
    void anUnchangedUnmodifiableArgumentNeedsNoWrite() {
        List<String> words = List.of("a", "b", "c", "d");
        assertThat(WriteBack.apply(words, Splittable.LIST.split(words, 2), 2)).isNull();
    }

    @Test
    void aResizedChunkMeansTheMethodIsNotElementWiseAndNothingIsWritten() {
        List<String> words = new ArrayList<>(List.of("a", "b", "c", "d"));
        Object[] chunks = Splittable.LIST.split(words, 2);
        ((List<String>) chunks[0]).set(0, "A");
        ((List<String>) chunks[1]).add("x");
        assertThat(WriteBack.apply(words, chunks, 2)).contains("added or removed elements");
        assertThat(words).containsExactly("a", "b", "c", "d");
    }

    @Test
    void aRefusedWriteIsReportedAndTheWritesBeforeItAreUndone() {
        List<String> words = new RefusingList(List.of("a", "b", "c", "d"), 3);
        Object[] chunks = Splittable.LIST.split(words, 2);
        ((List<String>) chunks[0]).replaceAll(String::toUpperCase);
        ((List<String>) chunks[1]).replaceAll(String::toUpperCase);
        assertThat(WriteBack.apply(words, chunks, 2)).contains("refused the element writes")
                .contains("UnsupportedOperationException");
        assertThat(words).containsExactly("a", "b", "c", "d");
        assertThat(WriteBack.apply(List.of("a", "b"), new Object[] {new ArrayList<>(List.of("A")), List.of("b")}, 2))
                .contains("ImmutableCollections");
    }

    @Test
    void aSetArgumentHasNoPositionsForChangedElements() {
        Set<Integer> numbers = new TreeSet<>(List.of(1, 2, 3, 4));
        Object[] same = Splittable.SORTED_SET.split(numbers, 2);
        assertThat(WriteBack.apply(numbers, same, 2)).isNull();
        Object[] changed = Splittable.SORTED_SET.split(numbers, 2);
        ((Set<Integer>) changed[1]).remove(4);
        ((Set<Integer>) changed[1]).add(5);
        assertThat(WriteBack.apply(numbers, changed, 2)).contains("no positions");
        assertThat(numbers).containsExactly(1, 2, 3, 4);
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
