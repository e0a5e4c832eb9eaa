package io.autobot.optimizer.agent.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class SplitMergeTest {

    @Test
    void chunksAreContiguousCopiesThatDifferInSizeByOneAtMost() {
        List<Integer> input = List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        Object[] chunks = Splittable.LIST.split(input, 4);
        assertThat(chunks).containsExactly(List.of(1, 2, 3), List.of(4, 5, 6), List.of(7, 8), List.of(9, 10));
        assertThat(chunks[0]).isInstanceOf(ArrayList.class);
        assertThat(Splittable.LINKED_LIST.split(new LinkedList<>(input), 2)[1]).isInstanceOf(LinkedList.class);
        Object[] arrays = Splittable.ARRAY.split(new long[] {1, 2, 3}, 2);
        assertThat((long[]) arrays[0]).containsExactly(1, 2);
        assertThat((long[]) arrays[1]).containsExactly(3);
    }

    @Test
    void sortedSetChunksKeepTheComparator() {
        TreeSet<String> words = new TreeSet<>(Comparator.reverseOrder());
        words.addAll(List.of("a", "b", "c", "d"));
        Object[] chunks = Splittable.SORTED_SET.split(words, 2);
        assertThat(((SortedSet<?>) chunks[0]).comparator()).isEqualTo(Comparator.reverseOrder());
        assertThat(new ArrayList<Object>((SortedSet<?>) chunks[0])).containsExactly("d", "c");
        Object merged = Merge.SORTED_SET.merge(chunks);
        assertThat(merged).isInstanceOf(TreeSet.class);
        assertThat(new ArrayList<Object>((SortedSet<?>) merged)).containsExactly("d", "c", "b", "a");
    }

    @Test
    void mergesInChunkOrderSkippingNullsAndTheLaterChunkWinsForAKey() {
        assertThat(Merge.LIST.merge(new Object[] {List.of(1, 2), null, List.of(3)})).isEqualTo(List.of(1, 2, 3));
        assertThat(Merge.LIST.merge(new Object[] {null, null})).isNull();
        Object map = Merge.SORTED_MAP.merge(new Object[] {new TreeMap<>(Map.of("k", 1, "a", 0)), Map.of("k", 2)});
        assertThat(map).isInstanceOf(TreeMap.class).isEqualTo(Map.of("a", 0, "k", 2));
        assertThat((String[]) Merge.ARRAY.merge(new Object[] {new String[] {"x"}, new String[] {"y", "z"}}))
                .containsExactly("x", "y", "z");
        assertThat(Merge.VOID.merge(new Object[] {null, null})).isNull();
    }

    @Test
    void distinctKeepsTheFirstOccurrence() {
        assertThat(Merge.LIST.distinct(List.of(3, 1, 3, 2, 1))).isEqualTo(List.of(3, 1, 2));
        assertThat((int[]) Merge.ARRAY.distinct(new int[] {5, 5, 4})).containsExactly(5, 4);
        assertThat(Merge.SET.distinct(null)).isNull();
    }

    @Test
    void knowsTheTypesItAcceptsByName() {
        assertThat(Splittable.of("java.util.Collection")).isEqualTo(Splittable.LIST);
        assertThat(Splittable.of("[Ljava.lang.String;")).isEqualTo(Splittable.ARRAY);
        assertThat(Splittable.of("java.util.Queue")).isNull();
        assertThat(Merge.of("java.util.concurrent.ConcurrentMap")).isEqualTo(Merge.CONCURRENT_MAP);
        assertThat(Merge.of("int")).isNull();
    }
}
