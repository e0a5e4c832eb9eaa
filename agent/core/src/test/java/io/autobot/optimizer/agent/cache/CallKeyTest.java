package io.autobot.optimizer.agent.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.autobot.optimizer.agent.engine.MethodMeta;
import io.autobot.optimizer.agent.engine.TestMethods;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallKeyTest {

    private final MethodMeta first = TestMethods.cached("first");
    private final MethodMeta second = TestMethods.cached("second");

    @Test
    void equalArgumentsMakeEqualKeys() {
        assertThat(CallKey.of(first, new Object[] {"a", 1, List.of(2)}))
                .isEqualTo(CallKey.of(first, new Object[] {"a", 1, List.of(2)}))
                .hasSameHashCodeAs(CallKey.of(first, new Object[] {"a", 1, List.of(2)}));
        assertThat(CallKey.of(first, new Object[] {null})).isEqualTo(CallKey.of(first, new Object[] {null}));
        assertThat(CallKey.of(first, new Object[0])).isEqualTo(CallKey.of(first, new Object[0]));
    }

    @Test
    void arraysCompareByContentAtAnyDepth() {
        assertThat(CallKey.of(first, new Object[] {new int[] {1, 2}}))
                .isEqualTo(CallKey.of(first, new Object[] {new int[] {1, 2}}))
                .isNotEqualTo(CallKey.of(first, new Object[] {new int[] {2, 1}}));
        assertThat(CallKey.of(first, new Object[] {new String[][] {{"x"}}}))
                .isEqualTo(CallKey.of(first, new Object[] {new String[][] {{"x"}}}));
    }

    @Test
    void twoMethodsNeverShareKeys() {
        assertThat(CallKey.of(first, new Object[] {"a"})).isNotEqualTo(CallKey.of(second, new Object[] {"a"}));
    }

    @Test
    void aDetachedKeyDoesNotSeeLaterChangesToTheCallersArray() {
        int[] values = {1, 2};
        CallKey stored = CallKey.of(first, new Object[] {values}).detached();
        values[0] = 9;
        assertThat(stored).isEqualTo(CallKey.of(first, new Object[] {new int[] {1, 2}}));
    }

    @Test
    void keysDoNotPrintArgumentValues() {
        assertThat(CallKey.of(first, new Object[] {"secret-token"}).toString()).doesNotContain("secret-token");
    }
}
