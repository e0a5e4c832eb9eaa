package io.autobot.optimizer.agent.cache.disk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SelfDescribingTest {

    record File(String path, String content, int lines) implements Serializable {
    }

    record Wrapped(Object inside) implements Serializable {
    }

    /** A record JDK serialization writes itself (its readResolve runs on read). */
    record Resolved(int n) implements Serializable {
        private Object readResolve() {
            return this;
        }
    }

    /** State that is not written: equal bytes would not make equal values. */
    static final class Session implements Serializable {
        private static final long serialVersionUID = 1L;
        transient String user;
    }

    private static boolean args(Object... args) throws Exception {
        return SelfDescribing.call(null, args);
    }

    @Test
    void valuesWrittenWholeWithTheirOwnClassesDescribeTheCall() throws Exception {
        assertThat(args("text", 1, 2L, 3.0, 'c', true, null, TimeUnit.SECONDS)).isTrue();
        assertThat(args(new int[] {1}, new String[] {"a", null}, new Object[] {new long[0]})).isTrue();
        assertThat(args(new File("a/B.java", "class B {}", 1), new Wrapped(List.of(new File("c", "d", 2))))).isTrue();
        assertThat(args(new ArrayList<>(List.of("a")), new LinkedHashMap<>(Map.of("k", 1)), new TreeSet<>(Set.of(1, 2))))
                .isTrue();
        assertThat(args(List.of(), List.of("a"), List.of("a", "b"), List.of("a", "b", "c"),
                Stream.of("a", "b", "c").toList())).isTrue();
        assertThat(SelfDescribing.call("com.example.Stateless#fingerprint", new Object[] {"x"})).isTrue();
    }

    @Test
    void anythingThatCouldReadBackAsAnotherCallIsReadBackAndCompared() throws Exception {
        assertThat(args(new Session())).as("transient state").isFalse();
        assertThat(args(new Wrapped(new Session()))).as("nested in a record").isFalse();
        assertThat(args(new Resolved(1))).as("a record JDK serialization writes").isFalse();
        assertThat(args(new HashMap<>(Map.of("k", 1)))).as("may iterate otherwise when read back").isFalse();
        assertThat(args(new HashSet<>(Set.of(1)))).isFalse();
        assertThat(args(Set.of(1, 2, 3))).as("an immutable set iterates in a per-JVM order").isFalse();
        assertThat(args(new TreeSet<>(Comparator.reverseOrder()))).as("a comparator").isFalse();
        assertThat(args(Arrays.asList("a", "b"))).as("not among the classes known").isFalse();
        // a list of two from Stream.toList is written like List.of's and read back as List.of's class
        assertThat(args(Stream.of("a", "b").toList())).isFalse();
    }

    @Test
    void givesUpOnTooManyValues() throws Exception {
        List<Integer> many = new ArrayList<>();
        for (int i = 0; i < SelfDescribing.MAX_VALUES; i++) {
            many.add(i);
        }
        assertThat(args(many)).isFalse();
        assertThat(args(many.subList(0, 100).stream().toList())).isTrue();
    }
}
