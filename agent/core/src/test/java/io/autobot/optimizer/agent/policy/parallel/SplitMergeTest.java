package io.autobot.optimizer.agent.policy.parallel;

import io.autobot.optimizer.agent.policy.parallel.Cut;
import io.autobot.optimizer.agent.policy.parallel.Distinct;
import io.autobot.optimizer.agent.policy.parallel.Merge;
import io.autobot.optimizer.agent.policy.parallel.ResultKind;
import io.autobot.optimizer.agent.policy.parallel.ResultShape;
import io.autobot.optimizer.agent.policy.parallel.Splittable;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SplitMergeTest {

    /** Merges chunk results into the shape of the first one, as after a whole call returning one like it. */
    private static Object merge(Object... results) {
        Object first = Stream.of(results).filter(r -> r != null).findFirst().orElseThrow();
        return Merge.merge(ResultShape.of(first), results, new Object[results.length], null);
    }

    @Test
    void chunksAreContiguousCopiesThatDifferInSizeByOneAtMost() {
        List<Integer> input = List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        Cut cut = Splittable.LIST.cut(input, 4);
        Object[] chunks = cut.chunks();
        assertThat(chunks).containsExactly(List.of(1, 2, 3), List.of(4, 5, 6), List.of(7, 8), List.of(9, 10));
        assertThat(chunks[0]).isInstanceOf(ArrayList.class);
        assertThat(Splittable.LINKED_LIST.cut(new LinkedList<>(input), 2).chunks()[1]).isInstanceOf(LinkedList.class);
        Object[] arrays = Splittable.ARRAY.cut(new long[] {1, 2, 3}, 2).chunks();
        assertThat((long[]) arrays[0]).containsExactly(1, 2);
        assertThat((long[]) arrays[1]).containsExactly(3);
        assertThat(cut.chunk(2)).isEqualTo(List.of(7, 8)).isNotSameAs(chunks[2]);
        assertThat(cut.start(3)).isEqualTo(8);
    }

    @Test
    void sortedSetChunksKeepTheComparatorAndSoDoesTheirMerge() {
        TreeSet<String> words = new TreeSet<>(Comparator.reverseOrder());
        words.addAll(List.of("a", "b", "c", "d"));
        Object[] chunks = Splittable.SORTED_SET.cut(words, 2).chunks();
        assertThat(((SortedSet<?>) chunks[0]).comparator()).isEqualTo(Comparator.reverseOrder());
        assertThat(new ArrayList<Object>((SortedSet<?>) chunks[0])).containsExactly("d", "c");
        Object merged = merge(chunks);
        assertThat(merged).isExactlyInstanceOf(TreeSet.class);
        assertThat(new ArrayList<Object>((SortedSet<?>) merged)).containsExactly("d", "c", "b", "a");
    }

    @Test
    void theMergedResultIsOfTheClassTheChunksReturned() {
        assertThat(merge(new HashSet<>(List.of("a", "b")), new HashSet<>(List.of("b", "c"))))
                .isExactlyInstanceOf(HashSet.class).isEqualTo(Set.of("a", "b", "c"));
        assertThat(merge(new LinkedHashSet<>(List.of("b", "a")), new LinkedHashSet<>(List.of("c", "a"))))
                .isExactlyInstanceOf(LinkedHashSet.class).satisfies(set -> assertThat(new ArrayList<>((Set<?>) set))
                        .isEqualTo(List.of("b", "a", "c")));
        assertThat(merge(new LinkedList<>(List.of(1)), new LinkedList<>(List.of(2)))).isExactlyInstanceOf(LinkedList.class);
        assertThat(merge(new HashMap<>(Map.of("k", 1)), new HashMap<>(Map.of("j", 2)))).isExactlyInstanceOf(HashMap.class);
        assertThat(merge(new LinkedHashMap<>(Map.of("k", 1)), new LinkedHashMap<>(Map.of("j", 2))))
                .isExactlyInstanceOf(LinkedHashMap.class);
        assertThat(merge(new ConcurrentHashMap<>(Map.of("k", 1)), new ConcurrentHashMap<>(Map.of("k", 2))))
                .isExactlyInstanceOf(ConcurrentHashMap.class).isEqualTo(Map.of("k", 2));
        Object sorted = merge(new TreeMap<>(Map.of("k", 1, "a", 0)), new TreeMap<>(Map.of("k", 2)));
        assertThat(sorted).isExactlyInstanceOf(TreeMap.class).isEqualTo(Map.of("a", 0, "k", 2));
        assertThat((Object[]) merge(new String[] {"x"}, new String[] {"y", "z"})).isExactlyInstanceOf(String[].class)
                .containsExactly("x", "y", "z");
    }

    @Test
    void unmodifiableJdkResultsMergeIntoUnmodifiableResultsOfTheirKind() {
        Object listOf = merge(List.of(1, 2), List.of(3, 4, 5));
        assertThat(listOf).isEqualTo(List.of(1, 2, 3, 4, 5)).isInstanceOf(List.of(1, 2, 3).getClass());
        Object streamed = merge(Stream.of(1).toList(), Stream.of((Integer) null).toList());
        assertThat((List<Object>) streamed).containsExactly(1, null);
        assertThat(ResultKind.of(streamed)).isEqualTo(ResultKind.IMMUTABLE_LIST_ALLOWING_NULLS);
        assertThat(ResultKind.of(List.of(1, 2, 3))).isEqualTo(ResultKind.IMMUTABLE_LIST);
        assertThat(merge(Collections.unmodifiableList(new ArrayList<>(List.of(1))),
                Collections.unmodifiableList(new ArrayList<>(List.of(2)))))
                .hasSameClassAs(Collections.unmodifiableList(new ArrayList<>()));
        assertThat(merge(Set.of("a"), Set.of("a", "b"))).isEqualTo(Set.of("a", "b")).hasSameClassAs(Set.of("a", "b"));
        assertThat(merge(Map.of("k", 1), Map.of("j", 2))).isEqualTo(Map.of("k", 1, "j", 2))
                .hasSameClassAs(Map.of("k", 1, "j", 2));
        assertThat(merge(Collections.unmodifiableSortedSet(new TreeSet<>(Set.of(2))),
                Collections.unmodifiableSortedSet(new TreeSet<>(Set.of(1)))))
                .hasSameClassAs(Collections.unmodifiableSortedSet(new TreeSet<>()))
                .satisfies(set -> assertThat(new ArrayList<>((Set<?>) set)).isEqualTo(List.of(1, 2)));
    }

    @Test
    void chunksOfAnotherShapeAreAMismatchAndUnknownClassesHaveNoShape() {
        ResultShape arrayList = ResultShape.of(new ArrayList<>());
        assertThat(Merge.merge(arrayList, new Object[] {new ArrayList<>(), new LinkedList<>()}, new Object[2], null))
                .isSameAs(Merge.MISMATCH);
        TreeSet<String> natural = new TreeSet<>();
        TreeSet<String> reversed = new TreeSet<>(Comparator.reverseOrder());
        assertThat(Merge.merge(ResultShape.of(natural), new Object[] {natural, reversed}, new Object[2], null))
                .isSameAs(Merge.MISMATCH);
        assertThat(Merge.merge(ResultShape.of(new Object[0]), new Object[] {new Object[0], new String[0]}, new Object[2],
                null)).isSameAs(Merge.MISMATCH);
        assertThat(ResultShape.of(new ArrayList<>() { })).isNull(); // a subclass may hold more than its elements
        Iterable<String> lambda = List.of("a")::iterator;
        assertThat(ResultShape.of(lambda)).isNull();
        assertThat(ResultShape.of(Collections.emptyList())).isNull();
    }

    @Test
    void aBodyReturningItsChunksMergesIntoTheArgumentAndNullFromSomeChunksCannotBeMerged() {
        List<String> argument = new ArrayList<>(List.of("a", "b"));
        Object[] chunks = Splittable.LIST.cut(argument, 2).chunks();
        assertThat(ResultShape.learn(argument, argument)).isEqualTo(ResultShape.ARGUMENT);
        assertThat(Merge.merge(ResultShape.ARGUMENT, chunks.clone(), chunks, argument)).isSameAs(argument);
        assertThat(Merge.merge(ResultShape.ARGUMENT, new Object[] {chunks[0], List.of("b")}, chunks, argument))
                .isSameAs(Merge.MISMATCH);
        ResultShape list = ResultShape.of(new ArrayList<>());
        assertThat(Merge.merge(list, new Object[] {new ArrayList<>(List.of(1, 2)), null, new ArrayList<>(List.of(3))},
                new Object[3], null)).as("xs.contains(bad) ? null : ...: sequentially null").isSameAs(Merge.MISMATCH);
        assertThat(Merge.merge(list, new Object[] {null, null}, new Object[2], null)).isNull();
    }

    @Test
    void chunksAllReturningThemselvesGiveTheArgumentWhateverTheShapeLearntAndSomeOfThemAMismatch() {
        List<String> argument = List.of("a", "b", "c", "d");
        Object[] chunks = Splittable.LIST.cut(argument, 2).chunks();
        ResultShape arrayList = ResultShape.of(new ArrayList<>());
        assertThat(Merge.merge(arrayList, chunks.clone(), chunks, argument)).isSameAs(argument);
        assertThat(Merge.merge(arrayList, new Object[] {chunks[0], new ArrayList<>(List.of("C", "D"))}, chunks,
                argument)).isSameAs(Merge.MISMATCH);
        assertThat(Merge.merge(arrayList, new Object[] {chunks[0], null}, chunks, argument)).isSameAs(Merge.MISMATCH);
    }

    @Test
    void aLinkedHashMapInAccessOrderHasNoShapeAndIsNotTouchedToFindOut() {
        Map<String, Integer> lru = new LinkedHashMap<>(16, 0.75f, true);
        lru.put("apple", 5);
        lru.put("kiwi", 4);
        lru.put("fig", 3);
        assertThat(ResultShape.of(lru)).isNull();
        assertThat(new ArrayList<>(lru.keySet())).containsExactly("apple", "kiwi", "fig");
        assertThat(ResultKind.describeUnmergeable(lru)).contains("access order");
        assertThat(ResultShape.of(new LinkedHashMap<>(16, 0.75f, true))).as("empty too").isNull();
        assertThat(ResultKind.of(new LinkedHashMap<>(Map.of("k", 1)))).isEqualTo(ResultKind.LINKED_HASH_MAP);
    }

    /**
     * A HashMap (or HashSet) the body builds with the default capacity iterates, merged, in the
     * order of the sequential one: the merge adds entry by entry, so its table grows as the
     * sequential one did ({@code putAll} would size it ahead, from each chunk's size).
     */
    @Test
    void mergedHashMapsAndHashSetsIterateAsTheSequentialOnes() {
        java.util.Random random = new java.util.Random(5);
        for (int round = 0; round < 500; round++) {
            List<String> words = new ArrayList<>();
            for (int i = 4 + random.nextInt(200); i > 0; i--) {
                words.add(Long.toString(random.nextLong() & Long.MAX_VALUE, 36).substring(0, 1 + random.nextInt(5)));
            }
            int parts = Math.min(words.size(), 2 + random.nextInt(6));
            Object[] chunks = Splittable.LIST.cut(words, parts).chunks();
            Object[] maps = new Object[parts];
            Object[] sets = new Object[parts];
            for (int i = 0; i < parts; i++) {
                maps[i] = lengths((List<String>) chunks[i]);
                sets[i] = new HashSet<>((List<String>) chunks[i]);
            }
            Map<String, Integer> sequential = lengths(words);
            assertThat(new ArrayList<>(((Map<?, ?>) merge(maps)).keySet())).as(words.toString())
                    .isEqualTo(new ArrayList<>(sequential.keySet()));
            Set<String> sequentialSet = new HashSet<>();
            sequentialSet.addAll(words);
            assertThat(new ArrayList<>((Set<?>) merge(sets))).isEqualTo(new ArrayList<>(sequentialSet));
        }
    }

    private static Map<String, Integer> lengths(List<String> words) {
        Map<String, Integer> lengths = new HashMap<>();
        for (String word : words) {
            lengths.put(word, word.length());
        }
        return lengths;
    }

    @Test
    void distinctKeepsTheFirstOccurrenceInAResultOfTheSameKind() {
        assertThat(Distinct.of(new ArrayList<>(List.of(3, 1, 3, 2, 1)))).isEqualTo(List.of(3, 1, 2))
                .isExactlyInstanceOf(ArrayList.class);
        assertThat(Distinct.of(List.of(3, 1, 3))).isEqualTo(List.of(3, 1)).hasSameClassAs(List.of(3, 1));
        assertThat(Distinct.of(new LinkedList<>(List.of(1, 1)))).isExactlyInstanceOf(LinkedList.class);
        List<Integer> unique = new ArrayList<>(List.of(1, 2));
        assertThat(Distinct.of(unique)).isSameAs(unique);
        assertThat((int[]) Distinct.of(new int[] {5, 5, 4})).containsExactly(5, 4);
        assertThat(Distinct.of(null)).isNull();
        Set<Integer> set = Set.of(1);
        assertThat(Distinct.of(set)).isSameAs(set);
    }

    @Test
    void knowsTheTypesItAcceptsByName() {
        assertThat(Splittable.of("java.util.Collection")).isEqualTo(Splittable.LIST);
        assertThat(Splittable.of("[Ljava.lang.String;")).isEqualTo(Splittable.ARRAY);
        assertThat(Splittable.of("java.util.Queue")).isNull();
        assertThat(Merge.accepts("java.util.concurrent.ConcurrentMap")).isTrue();
        assertThat(Merge.accepts("java.lang.Iterable")).isTrue();
        assertThat(Merge.accepts("[I")).isTrue();
        assertThat(Merge.accepts("int")).isFalse();
    }
}
