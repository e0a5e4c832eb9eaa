package io.autobot.optimizer.it.hosts;

import static io.autobot.optimizer.it.hosts.HostOutput.print;

import io.autobot.optimizer.annotations.Parallel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * {@code @Parallel} methods whose results are of another class than their declared type: a split
 * call must return a result of the class the body returns (a set for a {@code Collection}, a
 * {@code TreeSet} for a {@code Set}, an unmodifiable list for {@code List.of}...), or run unsplit
 * when no merge can rebuild that class, never running a body twice. Each method is called twice
 * (the first call of a method runs whole); each result is compared with the plain computation.
 */
public class ParallelMergeHost {

    static final Set<String> WORKERS = ConcurrentHashMap.newKeySet();
    static final AtomicInteger LAZY_RUNS = new AtomicInteger();
    static final AtomicInteger CUSTOM_RUNS = new AtomicInteger();
    static final AtomicInteger MIXED_RUNS = new AtomicInteger();
    static final AtomicInteger RECENCY_RUNS = new AtomicInteger();
    static final List<String> FRUITS = List.of("apple", "avocado", "banana", "blueberry", "cherry", "apricot", "beet",
            "corn");

    static void seen() {
        String name = Thread.currentThread().getName();
        if (name.startsWith("autobot-worker-")) {
            WORKERS.add(name);
        }
    }

    @Parallel(threshold = 2)
    static Collection<String> initials(List<String> words) {
        seen();
        Set<String> out = new HashSet<>();
        for (String word : words) {
            out.add(word.substring(0, 1));
        }
        return out;
    }

    @Parallel(threshold = 2)
    static Set<String> sorted(List<String> words) {
        seen();
        return new TreeSet<>(words);
    }

    @Parallel(threshold = 2)
    static Set<String> reversed(List<String> words) {
        seen();
        TreeSet<String> out = new TreeSet<>(Comparator.reverseOrder());
        out.addAll(words);
        return out;
    }

    @Parallel(threshold = 2)
    static Map<String, Integer> lengths(List<String> words) {
        seen();
        Map<String, Integer> out = new TreeMap<>();
        for (String word : words) {
            out.put(word, word.length());
        }
        return out;
    }

    @Parallel(threshold = 2)
    static Iterable<String> lazy(List<String> words) {
        LAZY_RUNS.incrementAndGet();
        List<String> copy = new ArrayList<>(words);
        return copy::iterator;
    }

    @Parallel(threshold = 2)
    static List<String> listOf(List<String> words) {
        seen();
        return List.copyOf(upper(words));
    }

    @Parallel(threshold = 2)
    static List<String> streamed(List<String> words) {
        seen();
        return words.stream().map(String::toUpperCase).toList();
    }

    @Parallel(threshold = 2)
    static List<String> wrapped(List<String> words) {
        seen();
        return Collections.unmodifiableList(upper(words));
    }

    @Parallel(threshold = 2)
    static Set<String> setOf(List<String> words) {
        seen();
        return words.stream().map(word -> word.substring(0, 1)).collect(Collectors.toUnmodifiableSet());
    }

    @Parallel(threshold = 2)
    static Map<String, Integer> mapOf(List<String> words) {
        seen();
        return Map.copyOf(words.stream().collect(Collectors.toMap(word -> word, String::length)));
    }

    @Parallel(threshold = 2)
    static Object[] array(List<String> words) {
        seen();
        return upper(words).toArray(new String[0]);
    }

    /** Works in place and returns its argument. */
    @Parallel(threshold = 2)
    static List<String> trimmed(List<String> words) {
        seen();
        words.replaceAll(String::trim);
        return words;
    }

    /** Answers null for the whole list when it holds a word it refuses, else a copy. */
    @Parallel(threshold = 2)
    static List<String> unlessRefused(List<String> words) {
        seen();
        return words.contains("zebra") ? null : new ArrayList<>(words);
    }

    /** Returns its argument itself when no word needs trimming (a copy-avoidance idiom), else a new list. */
    @Parallel(threshold = 2)
    static List<String> trimAll(List<String> words) {
        seen();
        boolean any = false;
        for (String word : words) {
            any |= !word.equals(word.trim());
        }
        if (!any) {
            return words;
        }
        List<String> out = new ArrayList<>();
        for (String word : words) {
            out.add(word.trim());
        }
        return out;
    }

    /** Most recently read last: a LinkedHashMap in access order. */
    @Parallel(threshold = 2)
    static Map<String, Integer> recency(List<String> words) {
        RECENCY_RUNS.incrementAndGet();
        Map<String, Integer> out = new LinkedHashMap<>(16, 0.75f, true);
        for (String word : words) {
            out.put(word, word.length());
        }
        return out;
    }

    /** A HashMap of the default capacity, which a merge by {@code putAll} would size ahead. */
    @Parallel(threshold = 2)
    static Map<String, Integer> byWord(List<String> words) {
        seen();
        return words.stream().collect(Collectors.toMap(word -> word, String::length));
    }

    /** A LinkedList when any word starts with "z", else an ArrayList. */
    @Parallel(threshold = 2)
    static List<String> mixed(List<String> words) {
        MIXED_RUNS.incrementAndGet();
        List<String> out = words.stream().anyMatch(word -> word.startsWith("z")) ? new LinkedList<>() : new ArrayList<>();
        out.addAll(upper(words));
        return out;
    }

    /** A list class of the host's own, which no merge can rebuild. */
    @Parallel(threshold = 2)
    static List<String> custom(List<String> words) {
        CUSTOM_RUNS.incrementAndGet();
        return new Words(upper(words));
    }

    static final class Words extends ArrayList<String> {
        private static final long serialVersionUID = 1L;

        Words(List<String> words) {
            super(words);
        }
    }

    private static List<String> upper(List<String> words) {
        List<String> out = new ArrayList<>();
        for (String word : words) {
            out.add(word.toUpperCase());
        }
        return out;
    }

    public static void main(String[] args) {
        print("collection.set", twice(() -> initials(FRUITS), r -> r.getClass() == HashSet.class && r.equals(Set.of("a", "b", "c"))));
        print("set.sorted", twice(() -> sorted(List.of("d", "c", "b", "a", "h", "g", "f", "e")),
                r -> r.getClass() == TreeSet.class && ((SortedSet<String>) r).first().equals("a")
                        && new ArrayList<>(r).equals(List.of("a", "b", "c", "d", "e", "f", "g", "h"))));
        print("set.comparator", twice(() -> reversed(List.of("a", "b", "c", "d", "e", "f")),
                r -> new ArrayList<>(r).equals(List.of("f", "e", "d", "c", "b", "a"))));
        print("map.sorted", twice(() -> lengths(List.of("dd", "c", "bbb", "a", "hh", "g", "ff", "e")),
                r -> r.getClass() == TreeMap.class && r.toString().equals("{a=1, bbb=3, c=1, dd=2, e=1, ff=2, g=1, hh=2}")));

        List<String> lazily = new ArrayList<>();
        lazy(FRUITS).forEach(lazily::add);
        lazy(FRUITS).forEach(lazily::add);
        print("iterable.lambda", lazily.equals(concat(FRUITS, FRUITS)) && LAZY_RUNS.get() == 2);

        List<String> upperFruits = upper(FRUITS);
        print("list.of", twice(() -> listOf(FRUITS), r -> r.equals(upperFruits) && refuses(r) && nullHostile((List<?>) r)));
        print("stream.tolist", twice(() -> streamed(FRUITS),
                r -> r.equals(upperFruits) && refuses(r) && !nullHostile((List<?>) r)));
        Class<?> wrapper = Collections.unmodifiableList(new ArrayList<>()).getClass();
        print("unmodifiable.list", twice(() -> wrapped(FRUITS), r -> r.getClass() == wrapper && r.equals(upperFruits)));
        print("set.of", twice(() -> setOf(FRUITS), r -> r.equals(Set.of("a", "b", "c")) && refuses(r)));
        print("map.of", twice(() -> mapOf(FRUITS), r -> r.equals(FRUITS.stream().collect(Collectors.toMap(w -> w,
                String::length))) && refusesPut((Map<String, Integer>) r)));
        print("array.component", twice(() -> array(FRUITS), r -> r instanceof String[]
                && List.of((String[]) r).equals(upperFruits)));

        List<String> padded = new ArrayList<>(List.of(" a", "b ", " c ", "d", " e", "f ", "g", " h"));
        print("returns.argument", trimmed(new ArrayList<>(padded)) != null && sameAsArgument(padded));

        trimAll(List.of(" a", "b ", "c", "d")); // learns: an ArrayList
        List<String> clean = List.of("a", "b", "c", "d", "e", "f");
        List<String> same = trimAll(clean);
        print("argument.itself", same == clean && refuses(same));
        List<String> partly = trimAll(List.of("a", "b", "c", "d", "e", " f")); // the last chunk's body trims
        print("argument.partly", partly.getClass() == ArrayList.class && partly.equals(clean));

        recency(FRUITS);
        Map<String, Integer> recent = recency(FRUITS);
        recent.get("apple");
        List<String> appleLast = new ArrayList<>(FRUITS.subList(1, FRUITS.size()));
        appleLast.add("apple");
        print("access.order", new ArrayList<>(recent.keySet()).equals(appleLast) && RECENCY_RUNS.get() == 2);

        List<String> few = List.of("fig", "cherry", "apple", "melon");
        Map<String, Integer> plain = new HashMap<>();
        few.forEach(word -> plain.put(word, word.length()));
        print("hashmap.order", twice(() -> byWord(few),
                r -> r.getClass() == HashMap.class && new ArrayList<>(r.keySet()).equals(new ArrayList<>(plain.keySet()))));

        unlessRefused(FRUITS); // learns: an ArrayList
        List<String> withZebra = List.of("apple", "banana", "zebra", "date", "elder", "fig");
        print("null.some.chunks", unlessRefused(withZebra) == null && unlessRefused(withZebra) == null
                && unlessRefused(FRUITS).equals(FRUITS));

        mixed(FRUITS); // learns: an ArrayList
        MIXED_RUNS.set(0);
        List<String> zs = List.of("apple", "zebra", "cherry", "date", "elder", "fig", "grape", "zest");
        List<String> mixedResult = mixed(zs);
        int mixedRuns = MIXED_RUNS.get();
        print("mismatch.result", mixedResult.getClass() == LinkedList.class && mixedResult.equals(upper(zs)));
        MIXED_RUNS.set(0);
        mixed(zs);
        print("mismatch.then.whole", MIXED_RUNS.get() == 1 && mixedRuns > 1);

        List<String> first = custom(FRUITS);
        List<String> second = custom(FRUITS);
        print("custom.class", first instanceof Words && second instanceof Words && second.equals(upperFruits)
                && CUSTOM_RUNS.get() == 2);
        print("split.happened", WORKERS.size() > 0);
        print("done", true);
    }

    /** Calls twice (the first call of a method runs whole, the second is split) and checks both results. */
    private static <T> boolean twice(Supplier<T> call, Predicate<T> check) {
        return check.test(call.get()) && check.test(call.get());
    }

    private static boolean sameAsArgument(List<String> padded) {
        List<String> first = new ArrayList<>(padded);
        List<String> second = new ArrayList<>(padded);
        return trimmed(first) == first && trimmed(second) == second
                && second.equals(List.of("a", "b", "c", "d", "e", "f", "g", "h"));
    }

    private static boolean refuses(Object collection) {
        try {
            ((Collection<Object>) collection).add("new");
            return false;
        } catch (UnsupportedOperationException expected) {
            return true;
        }
    }

    private static boolean refusesPut(Map<String, Integer> map) {
        try {
            map.put("new", 1);
            return false;
        } catch (UnsupportedOperationException expected) {
            return true;
        }
    }

    private static boolean nullHostile(List<?> list) {
        try {
            list.contains(null);
            return false;
        } catch (NullPointerException expected) {
            return true;
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
