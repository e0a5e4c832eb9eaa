package io.autobot.optimizer.agent.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** What a stored key copies of its arguments, and what the disk tier serializes of those copies. */
class KeyCopiesTest {

    @Test
    void saysWhichValuesAreCopied() {
        assertThat(KeyCopies.copied(null)).isFalse();
        assertThat(KeyCopies.copied("text")).isFalse();
        assertThat(KeyCopies.copied(42)).isFalse();
        assertThat(KeyCopies.copied(new int[] {1})).isTrue();
        assertThat(KeyCopies.copied(new ArrayList<>())).isTrue();
        assertThat(KeyCopies.copied(new TreeSet<>())).isTrue();
        assertThat(KeyCopies.copied(new HashSet<>())).as("kept as its elements").isTrue();
        assertThat(KeyCopies.copied(List.of(1))).as("immutable: kept as passed").isFalse();
    }

    @Test
    void sortedCollectionsAreCopiedWithTheirComparator() {
        TreeSet<String> set = new TreeSet<>(Comparator.reverseOrder());
        set.addAll(List.of("a", "b"));
        TreeMap<String, Integer> map = new TreeMap<>(Comparator.reverseOrder());
        map.put("a", 1);
        map.put("b", 2);
        @SuppressWarnings("unchecked")
        TreeSet<String> setCopy = (TreeSet<String>) KeyCopies.copyValue(set);
        @SuppressWarnings("unchecked")
        TreeMap<String, Integer> mapCopy = (TreeMap<String, Integer>) KeyCopies.copyValue(map);
        set.add("c");
        map.put("c", 3);
        assertThat(setCopy).containsExactly("b", "a").isNotSameAs(set);
        assertThat(setCopy.comparator()).isSameAs(set.comparator());
        assertThat(mapCopy.keySet()).containsExactly("b", "a");
        assertThat(mapCopy.comparator()).isSameAs(map.comparator());
    }

    @Test
    void listsAndInsertionOrderedCollectionsAreCopiedAsTheirClassWithTheirElementsCopied() {
        List<Integer> inner = new ArrayList<>(List.of(1, 2));
        LinkedList<Object> linked = new LinkedList<>(List.of("x", inner));
        LinkedHashSet<Object> ordered = new LinkedHashSet<>(List.of("z", "y"));
        LinkedHashMap<Object, Object> byName = new LinkedHashMap<>(Map.of("k", inner));
        Object[] copy = KeyCopies.copy(new Object[] {linked, ordered, byName});
        inner.add(3);
        assertThat(copy[0]).isInstanceOf(LinkedList.class).isEqualTo(List.of("x", List.of(1, 2)));
        assertThat(copy[1]).isInstanceOf(LinkedHashSet.class).isNotSameAs(ordered);
        assertThat(new ArrayList<Object>((LinkedHashSet<?>) copy[1])).containsExactly("z", "y");
        assertThat(copy[2]).isInstanceOf(LinkedHashMap.class).isEqualTo(Map.of("k", List.of(1, 2)));
    }

    @Test
    void argumentsWithoutAFrozenPartAreSerializedAsTheyAre() throws Exception {
        Object[] args = {"a", new ArrayList<>(List.of(1, 2)), new TreeMap<>(Map.of("k", "v")), null};
        assertThat(KeyCopies.thawed(args)).isSameAs(args);
        List<Object> plain = new ArrayList<>(List.of("a", new ArrayList<>(List.of("b"))));
        assertThat(KeyCopies.thawed(plain)).isSameAs(plain);
    }

    @Test
    void frozenPartsAreSerializedAsRealCollectionsAtAnyDepth() throws Exception {
        Set<String> hashed = new HashSet<>(Set.of("x", "y"));
        Map<String, Integer> counts = new HashMap<>(Map.of("n", 1));
        Object[] stored = KeyCopies.copy(new Object[] {
            "plain",
            new ArrayList<>(List.of(hashed)),
            new LinkedList<>(List.of(new ArrayList<>(List.of(hashed)))),
            new LinkedHashMap<>(Map.of("set", hashed)),
            new TreeMap<>(Map.of("map", counts)),
            new TreeSet<>(List.of("s")),
            new Object[] {hashed},
            hashed,
        });
        Object[] thawed = KeyCopies.thawed(stored);
        assertThat(thawed).isNotSameAs(stored);
        assertThat(thawed[0]).isSameAs(stored[0]);
        assertThat(thawed[1]).isInstanceOf(ArrayList.class).isEqualTo(List.of(hashed));
        assertThat(((List<?>) thawed[1]).get(0)).isInstanceOf(HashSet.class);
        assertThat(thawed[2]).isInstanceOf(LinkedList.class).isEqualTo(List.of(List.of(hashed)));
        assertThat(thawed[3]).isInstanceOf(LinkedHashMap.class).isEqualTo(Map.of("set", hashed));
        assertThat(thawed[4]).isInstanceOf(TreeMap.class).isEqualTo(Map.of("map", counts));
        assertThat(((Map<?, ?>) thawed[4]).get("map")).isInstanceOf(HashMap.class);
        assertThat(thawed[5]).isSameAs(stored[5]);
        assertThat((Object[]) thawed[6]).containsExactly(hashed);
        assertThat(thawed[7]).isInstanceOf(HashSet.class).isEqualTo(hashed);
    }
}
