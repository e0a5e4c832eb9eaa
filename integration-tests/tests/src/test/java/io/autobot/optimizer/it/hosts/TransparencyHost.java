package io.autobot.optimizer.it.hosts;

import static io.autobot.optimizer.it.hosts.HostOutput.print;

import io.autobot.optimizer.annotations.Cached;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Calls that a key must see as the method sees them, and results that must stay the method's:
 * by annotation ({@link Cases}) and by a rules file ({@link TextKit}, {@link ServiceKit},
 * {@link ImpureKit}). It prints every answer ({@code key=value}, values without spaces); run
 * without the agent it prints the plain answers the IT compares with. Keys ending in {@code .runs}
 * count bodies and are not compared.
 */
public final class TransparencyHost {

    private TransparencyHost() {
    }

    private static void show(String key, Object value) {
        String text = value instanceof Object[] array ? Arrays.deepToString(array)
                : value instanceof long[] longs ? Arrays.toString(longs)
                : value instanceof char[] chars ? Arrays.toString(chars)
                : String.valueOf(value);
        print(key, text.replace(' ', '_').replace('=', '~'));
    }

    /** Annotated methods, one per case. */
    public static final class Cases {
        static final AtomicInteger TICKS = new AtomicInteger();
        static final AtomicInteger SPLITS = new AtomicInteger();

        @Cached
        public static String join(Collection<String> parts) {
            return String.join(",", parts);
        }

        @Cached
        public static String format(Date date) {
            return date.getClass().getSimpleName() + ":" + date;
        }

        @Cached
        public static String content(CharSequence text) {
            return text.length() + ":" + text;
        }

        @Cached
        public static String drain(Iterator<String> iterator) {
            StringBuilder text = new StringBuilder("[");
            while (iterator.hasNext()) {
                text.append(iterator.next());
            }
            return text.append(']').toString();
        }

        @Cached
        public static String deep(Object[] values) {
            return Arrays.deepToString(values);
        }

        @Cached
        public static String strip(String text) {
            return text.strip();
        }

        @Cached
        public static String[] split(String text) {
            SPLITS.incrementAndGet();
            return text.split(",");
        }

        @Cached
        public static List<String> words(String text) {
            return new ArrayList<>(Arrays.asList(text.split(" ")));
        }

        @Cached(verify = "1")
        public static String tick(String name) {
            return name + TICKS.incrementAndGet();
        }
    }

    /** A service with fields whose result depends on its argument only. */
    public static final class Service {
        static final AtomicInteger RUNS = new AtomicInteger();
        private final Object dependency = new Object();
        private int calls;

        @Cached(ttl = "1h", scope = Cached.Scope.ARGUMENTS)
        public String render(String name) {
            calls++;
            RUNS.incrementAndGet();
            return "[" + name + "]" + (dependency != null);
        }
    }

    private static HashSet<String> sized(int capacity, String... elements) {
        HashSet<String> set = new HashSet<>(capacity);
        set.addAll(Arrays.asList(elements));
        return set;
    }

    private static void annotated() {
        for (int round = 0; round < 2; round++) {
            String r = "a" + round + ".";
            show(r + "join.linked", Cases.join(new LinkedHashSet<>(List.of("b", "a"))));
            show(r + "join.tree", Cases.join(new TreeSet<>(List.of("b", "a"))));
            String[] words = {"Aa", "BB", "x", "polygenelubricants", "zz9", "17", "q", "w"};
            show(r + "join.small", Cases.join(sized(16, words)));
            show(r + "join.large", Cases.join(sized(1024, words)));
            show(r + "format.timestamp", Cases.format(new Timestamp(1_000_000L)));
            show(r + "format.date", Cases.format(new Date(1_000_000L)));
            StringBuilder builder = new StringBuilder("ab");
            show(r + "content.builder1", Cases.content(builder));
            builder.append("c");
            show(r + "content.builder2", Cases.content(builder));
            Iterator<String> iterator = List.of("x", "y").iterator();
            show(r + "drain.1", Cases.drain(iterator));
            show(r + "drain.2", Cases.drain(iterator));
            Object[] cyclic = new Object[2];
            cyclic[0] = "c";
            cyclic[1] = cyclic;
            show(r + "deep.cyclic", Cases.deep(cyclic));
            String mine = new String("keep");
            show(r + "strip.own", Cases.strip(mine) == mine);
            String[] first = Cases.split("a,b");
            first[0] = "changed";
            show(r + "split.after.mutation", Cases.split("a,b"));
            List<String> list = Cases.words("one two");
            list.add("three");
            show(r + "words.after.mutation", Cases.words("one two"));
            Service one = new Service();
            Service two = new Service();
            show(r + "render.one", one.render("x"));
            show(r + "render.two", two.render("x"));
            show(r + "tick.1", Cases.tick("t"));
            show(r + "tick.2", Cases.tick("t"));
        }
        print("service.runs", Service.RUNS.get());
        print("split.runs", Cases.SPLITS.get());
    }

    /** Every public static method of {@link TextKit}, selected by one wildcard rule. */
    private static void differential() {
        for (int round = 0; round < 2; round++) {
            String r = "k" + round + ".";
            show(r + "join.linked", TextKit.join(new LinkedHashSet<>(List.of("b", "a"))));
            show(r + "join.tree", TextKit.join(new TreeSet<>(List.of("b", "a"))));
            show(r + "join.list", TextKit.join(new ArrayList<>(List.of("b", "a"))));
            show(r + "join.immutable", TextKit.join(List.of("b", "a")));
            show(r + "join.sep", TextKit.join("-", "x", "y"));
            show(r + "join.sep.empty", TextKit.join("-"));
            String[] words = {"Aa", "BB", "x", "polygenelubricants", "zz9", "17", "q", "w"};
            show(r + "join.small", TextKit.join(sized(16, words)));
            show(r + "join.large", TextKit.join(sized(1024, words)));
            Map<String, Integer> small = new HashMap<>();
            Map<String, Integer> large = new HashMap<>(512);
            Map<String, Integer> linked = new LinkedHashMap<>();
            for (String word : words) {
                small.put(word, 1);
                large.put(word, 1);
            }
            for (int i = words.length - 1; i >= 0; i--) {
                linked.put(words[i], 1);
            }
            show(r + "keys.small", TextKit.keys(small));
            show(r + "keys.large", TextKit.keys(large));
            show(r + "keys.linked", TextKit.keys(linked));
            Set<Integer> members = new HashSet<>(List.of(40, 7, 1000, 3));
            Set<Integer> wide = new HashSet<>(4096);
            wide.addAll(members);
            show(r + "members", TextKit.members(members));
            show(r + "members.wide", TextKit.members(wide));
            show(r + "format.timestamp", TextKit.format(new Timestamp(1_000_000L)));
            show(r + "format.date", TextKit.format(new Date(1_000_000L)));
            show(r + "format.sqldate", TextKit.format(new java.sql.Date(1_000_000L)));
            show(r + "describe.int", TextKit.describe(1));
            show(r + "describe.long", TextKit.describe(1L));
            show(r + "describe.short", TextKit.describe((short) 1));
            show(r + "describe.null", TextKit.describe(null));
            show(r + "describe.record", TextKit.describe(new java.util.AbstractMap.SimpleEntry<>("k", 1)));
            StringBuilder builder = new StringBuilder("ab");
            show(r + "content.builder1", TextKit.content(builder));
            builder.append("c");
            show(r + "content.builder2", TextKit.content(builder));
            StringBuffer buffer = new StringBuffer("q");
            show(r + "content.buffer1", TextKit.content(buffer));
            buffer.append("r");
            show(r + "content.buffer2", TextKit.content(buffer));
            show(r + "content.string", TextKit.content("ab"));
            Iterator<String> iterator = new ArrayList<>(List.of("x", "y")).iterator();
            show(r + "drain.1", TextKit.drain(iterator));
            show(r + "drain.2", TextKit.drain(iterator));
            AtomicInteger atomic = new AtomicInteger(1);
            show(r + "read.1", TextKit.read(atomic));
            atomic.set(2);
            show(r + "read.2", TextKit.read(atomic));
            Object[] cyclic = new Object[2];
            cyclic[0] = "c";
            cyclic[1] = cyclic;
            show(r + "deep.cyclic", TextKit.deep(cyclic));
            show(r + "deep.nested", TextKit.deep(new Object[] {new int[] {1}, new Integer[] {2}}));
            show(r + "deep.nested.other", TextKit.deep(new Object[] {new int[] {1}, new Number[] {2}}));
            String mine = new String("keep");
            show(r + "strip.own", TextKit.strip(mine) == mine);
            show(r + "strip.spaces", TextKit.strip("  keep  "));
            Object echoed = new ArrayList<>(List.of(1));
            show(r + "echo.own", TextKit.echo(echoed) == echoed);
            Object otherEcho = new ArrayList<>(List.of(1));
            show(r + "echo.other.own", TextKit.echo(otherEcho) == otherEcho);
            long[] longs = {1, 2};
            show(r + "same.own", TextKit.same(longs) == longs);
            long[] otherLongs = {1, 2};
            show(r + "same.other.own", TextKit.same(otherLongs) == otherLongs);
            String[] parts = TextKit.split("a,b");
            parts[0] = "changed";
            show(r + "split.after.mutation", TextKit.split("a,b"));
            char[] chars = TextKit.chars("xy");
            chars[0] = '!';
            show(r + "chars.after.mutation", TextKit.chars("xy"));
            int[][] grid = TextKit.grid(2);
            grid[0][1] = 9;
            show(r + "grid.after.mutation", TextKit.grid(2));
            List<String> list = TextKit.words("one two");
            list.add("three");
            show(r + "words.after.mutation", TextKit.words("one two"));
            Map<Character, Integer> counts = TextKit.counts("aab");
            counts.put('z', 1);
            show(r + "counts.after.mutation", TextKit.counts("aab"));
            show(r + "max.varargs", TextKit.max(3, 9, 1));
            show(r + "max.none", TextKit.max());
            show(r + "concat.varargs", TextKit.concat("a", 1, 2L, null));
            show(r + "sum.array.list", TextKit.sum(new ArrayList<>(List.of(1, 2))));
            show(r + "sum.linked.list", TextKit.sum(new java.util.LinkedList<>(List.of(1, 2))));
            show(r + "sum.numbers.int", TextKit.sum(1, 2));
            show(r + "sum.numbers.long", TextKit.sum(1L, 2L));
            show(r + "sum.numbers.double", TextKit.sum(1.0, 2.0));
            ServiceKit one = new ServiceKit();
            show(r + "render.one", one.render("x"));
            show(r + "render.two", new ServiceKit().render("x"));
            show(r + "impure.1", ImpureKit.next("i"));
            show(r + "impure.2", ImpureKit.next("i"));
        }
        print("servicekit.runs", ServiceKit.RUNS.get());
    }

    /** The report's counts per operation, as {@code <operation>.<figure>.runs} (not compared with the plain run). */
    private static void figures() {
        Object operations = io.autobot.optimizer.api.AutoBot.performanceReport().get("operations");
        if (operations instanceof Map<?, ?> byName) {
            for (Map.Entry<?, ?> operation : byName.entrySet()) {
                Map<?, ?> figures = (Map<?, ?>) operation.getValue();
                for (String figure : List.of("calls", "cache_hits", "cache_misses", "verified", "mismatches",
                        "not_cacheable")) {
                    Object value = figures.get(figure);
                    print(operation.getKey() + "." + figure + ".runs",
                            value instanceof Number number ? number.longValue() : value);
                }
            }
        }
    }

    public static void main(String[] args) {
        annotated();
        differential();
        figures();
        HostOutput.printCorrect();
        System.out.flush();
    }
}
