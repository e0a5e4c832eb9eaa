package io.autobot.optimizer.agent.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.autobot.optimizer.agent.call.MethodMeta;
import io.autobot.optimizer.agent.engine.TestMethods;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The cache-hit path looks a call up with the thread's reusable key pointed at the thread's own
 * argument array (refilled for every lookup): it must find exactly the stored keys a key of its
 * own would, by the same rules (exact class, order, value), both ways round, and a key stored
 * from it must not share the array.
 */
class ProbeKeyTest {

    private final MethodMeta method = TestMethods.cached("probe");
    private final MethodMeta other = TestMethods.cached("other");
    private final CallKey probe = CallKey.reusable();
    private final Object[] probeArgs = new Object[2];

    private CallKey probe(MethodMeta of, Object first, Object second) {
        probeArgs[0] = first;
        probeArgs[1] = second;
        return probe.reuse(of, null, probeArgs);
    }

    @Test
    void aProbeEqualsTheStoredKeyOfTheSameCallBothWaysAndHashesAlike() {
        CallKey stored = CallKey.of(method, new Object[] {"a", 42}).detached();
        CallKey looking = probe(method, "a", 42);
        assertThat(looking).isEqualTo(stored).hasSameHashCodeAs(stored);
        assertThat(stored).isEqualTo(looking);
        List<String> list = new ArrayList<>(List.of("x", "y"));
        CallKey storedList = CallKey.of(method, new Object[] {list, null}).detached();
        assertThat(probe(method, new ArrayList<>(List.of("x", "y")), null)).isEqualTo(storedList)
                .hasSameHashCodeAs(storedList);
    }

    @Test
    void aProbeKeepsTheExactClassOrderAndMethodRules() {
        Date date = new Date(1000);
        CallKey stored = CallKey.of(method, new Object[] {date, 1}).detached();
        assertThat(probe(method, new Timestamp(1000), 1)).as("a Timestamp is never a Date").isNotEqualTo(stored);
        assertThat(stored).isNotEqualTo(probe(method, new Timestamp(1000), 1));
        assertThat(probe(method, date, 1L)).as("a Long is never an Integer").isNotEqualTo(stored);
        assertThat(probe(method, 1, date)).as("order counts").isNotEqualTo(stored);
        assertThat(probe(other, date, 1)).as("another method's call").isNotEqualTo(stored);
        assertThat(probe(method, new Date(1000), 1)).isEqualTo(stored);
    }

    @Test
    void aKeyDetachedFromAProbeOwnsItsArgumentsWhenTheProbeIsRefilled() {
        CallKey detached = probe(method, "a", "b").detached();
        probe.release();
        probe(method, "c", "d");
        assertThat(detached.args()).containsExactly("a", "b").isNotSameAs(probeArgs);
        assertThat(detached).isEqualTo(CallKey.of(method, new Object[] {"a", "b"}));
    }

    @Test
    void theMemoryTierFindsAStoredCallThroughAProbe() {
        MemoryTier memory = new MemoryTier(100);
        memory.put(CallKey.of(method, new Object[] {"k", 7}).detached(), "V", java.time.Duration.ofMinutes(1));
        assertThat(memory.hit(probe(method, "k", 7), io.autobot.optimizer.agent.call.ThreadTally.current()))
                .isEqualTo("V");
        assertThat(memory.hit(probe(method, "k", 8), io.autobot.optimizer.agent.call.ThreadTally.current())).isNull();
        assertThat(memory.statistics().hits()).as("the hit counted in the thread's cell").isEqualTo(1);
        assertThat(memory.statistics().misses()).as("a probe's miss is counted by the lookup that follows").isZero();
    }

    private static CallKey probeOf(MethodMeta of, Object... args) {
        return CallKey.reusable().reuse(of, null, args.clone());
    }

    private static void sameBothWays(CallKey probe, CallKey stored) {
        assertThat(probe).isEqualTo(stored).hasSameHashCodeAs(stored);
        assertThat(stored).isEqualTo(probe);
    }

    private static void differentBothWays(CallKey probe, CallKey stored, String why) {
        assertThat(probe).as(why).isNotEqualTo(stored);
        assertThat(stored).as(why).isNotEqualTo(probe);
    }

    enum Colour {
        RED, GREEN { @Override public String toString() { return "green"; } }
    }

    @Test
    void theJdkValueClassesMatchByExactClassAndValueAtEveryArity() {
        Object[][] calls = {
            {},
            {"a"},
            {1, 2L},
            {true, 'c', (short) 3},
            {(byte) 4, 5.0f, 6.0d},
            {Colour.RED, Colour.GREEN, null},
            {new String("equal, not the same object"), Integer.valueOf(1000), Long.valueOf(1000)},
        };
        for (Object[] call : calls) {
            CallKey stored = CallKey.of(method, call.clone()).detached();
            sameBothWays(probeOf(method, call), stored);
        }
        CallKey fresh = CallKey.of(method, new Object[] {new String("x"), Integer.valueOf(1000), Double.valueOf(0.5)})
                .detached();
        sameBothWays(probeOf(method, "x", 1000, 0.5), fresh);
    }

    @Test
    void theFastPathsKeepTheKeysAsStrict() {
        CallKey one = CallKey.of(method, new Object[] {1}).detached();
        differentBothWays(probeOf(method, 1L), one, "an Integer 1 is never a Long 1");
        differentBothWays(probeOf(method, (short) 1), one, "nor a Short 1");
        differentBothWays(probeOf(method, 1.0d), CallKey.of(method, new Object[] {1.0f}).detached(),
                "a Double 1.0 is never a Float 1.0");
        differentBothWays(probeOf(method, 0.0d), CallKey.of(method, new Object[] {-0.0d}).detached(),
                "0.0 and -0.0 differ as Double.equals says");
        sameBothWays(probeOf(method, Double.NaN), CallKey.of(method, new Object[] {Double.NaN}).detached());
        CallKey text = CallKey.of(method, new Object[] {"abc"}).detached();
        StringBuilder builder = new StringBuilder("abc");
        assertThat(KeyValues.same("abc", builder)).as("a StringBuilder is never a String").isFalse();
        assertThat(KeyValues.same(builder, "abc")).isFalse();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> probeOf(method, builder))
                .as("nor a key at all: it has no value semantics").isInstanceOf(KeyValues.NotCacheable.class);
        differentBothWays(probeOf(method, (Object) null), text, "null is only null");
        sameBothWays(probeOf(method, (Object) null), CallKey.of(method, new Object[] {null}).detached());
        differentBothWays(probeOf(method, "abc", null), CallKey.of(method, new Object[] {"abc", "x"}).detached(),
                "a null second argument");
        differentBothWays(probeOf(method, Colour.GREEN), CallKey.of(method, new Object[] {Colour.RED}).detached(),
                "another constant");
        differentBothWays(probeOf(method, Colour.RED), CallKey.of(method, new Object[] {"RED"}).detached(),
                "a constant is never its name");
        differentBothWays(probeOf(method, 'a', 'b', 'd'), CallKey.of(method, new Object[] {'a', 'b', 'c'}).detached(),
                "the third argument counts");
        differentBothWays(probeOf(method, "a", "b"), CallKey.of(method, new Object[] {"a", "b", null}).detached(),
                "arity counts");
    }

    @Test
    void arraysAndCollectionsBesideValuesStillCompareByContent() {
        CallKey stored = CallKey.of(method, new Object[] {new int[] {1, 2}, "s", new ArrayList<>(List.of(1L))})
                .detached();
        sameBothWays(probeOf(method, new int[] {1, 2}, "s", new ArrayList<>(List.of(1L))), stored);
        differentBothWays(probeOf(method, new long[] {1, 2}, "s", new ArrayList<>(List.of(1L))), stored,
                "an int[] is never a long[]");
        differentBothWays(probeOf(method, new int[] {1, 2}, "s", new ArrayList<>(List.of(1))), stored,
                "a list of Integer 1 is never a list of Long 1");
        differentBothWays(probeOf(method, new int[] {1, 2}, "s", List.of(1L)), stored,
                "an immutable list is never an ArrayList");
    }
}
