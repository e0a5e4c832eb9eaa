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
}
