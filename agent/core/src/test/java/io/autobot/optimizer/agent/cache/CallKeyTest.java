package io.autobot.optimizer.agent.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autobot.optimizer.agent.call.MethodMeta;
import io.autobot.optimizer.agent.engine.TestMethods;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
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
    void arraysOfDifferentClassesAreDifferentKeysAtAnyDepth() {
        assertThat(CallKey.of(first, new Object[] {new Integer[] {1}}))
                .isNotEqualTo(CallKey.of(first, new Object[] {new Object[] {1}}))
                .isNotEqualTo(CallKey.of(first, new Object[] {new Number[] {1}}));
        assertThat(CallKey.of(first, new Object[] {new Object[] {new Integer[] {1}}}))
                .isNotEqualTo(CallKey.of(first, new Object[] {new Object[] {new Object[] {1}}}))
                .isEqualTo(CallKey.of(first, new Object[] {new Object[] {new Integer[] {1}}}));
        assertThat(CallKey.of(first, new Object[] {new long[] {1}}))
                .isNotEqualTo(CallKey.of(first, new Object[] {new int[] {1}}));
    }

    @Test
    void theReceiverIsPartOfTheKeyByItsEquality() {
        assertThat(CallKey.of(first, new Point(1, 2), new Object[] {"a"}))
                .isEqualTo(CallKey.of(first, new Point(1, 2), new Object[] {"a"}))
                .isNotEqualTo(CallKey.of(first, new Point(1, 3), new Object[] {"a"}));
        assertThat(CallKey.of(first, Planet.EARTH, new Object[] {1.0}))
                .isNotEqualTo(CallKey.of(first, Planet.MARS, new Object[] {1.0}));
        Account account = new Account(10);
        assertThat(CallKey.of(first, account, new Object[] {"EUR"}))
                .isEqualTo(CallKey.of(first, account, new Object[] {"EUR"}))
                .isNotEqualTo(CallKey.of(first, new Account(10), new Object[] {"EUR"}));
    }

    @Test
    void statelessReceiversAreKeyedByTheirClassOnly() {
        assertThat(CallKey.of(first, new Service(), new Object[] {"a"}))
                .isEqualTo(CallKey.of(first, new Service(), new Object[] {"a"}))
                .hasSameHashCodeAs(CallKey.of(first, new Service(), new Object[] {"a"}))
                .isNotEqualTo(CallKey.of(first, new OtherService(), new Object[] {"a"}))
                .isNotEqualTo(CallKey.of(first, new Object[] {"a"}));
        assertThat(CallKey.of(first, new Service(), new Object[] {"a"}).receiver())
                .as("a token of the class, which keeps its name, not the class").isInstanceOf(StatelessReceiver.class)
                .extracting(part -> ((StatelessReceiver) part).className()).isEqualTo(Service.class.getName());
    }

    @Test
    void tellsStatelessClassesFromClassesWithState() {
        assertThat(Receivers.stateless(Service.class)).isTrue();
        assertThat(Receivers.stateless(SubService.class)).as("no fields above it either").isTrue();
        assertThat(Receivers.stateless(Empty.class)).as("a record without components").isTrue();
        assertThat(Receivers.stateless(Account.class)).isFalse();
        assertThat(Receivers.stateless(WithStateAbove.class)).as("a field in a superclass").isFalse();
        assertThat(Receivers.stateless(Planet.class)).as("an enum: its name and ordinal").isFalse();
        assertThat(Receivers.stateless(Inner.class)).as("an inner class: its outer instance").isFalse();
        assertThat(Receivers.stateless(Loader.class)).as("reflection hides ClassLoader's fields").isFalse();
    }

    @Test
    void aReceiverWhoseHashCodeThrowsFailsTheKeyAndLeavesTheReusableKeyAsItWas() {
        CallKey reusable = CallKey.reusable().reuse(first, null, new Object[] {"a"});
        assertThatThrownBy(() -> CallKey.of(first, new Hostile(), new Object[] {"a"}))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> reusable.reuse(second, new Hostile(), new Object[] {"b"}))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(reusable).isEqualTo(CallKey.of(first, new Object[] {"a"}));
    }

    @Test
    void aDetachedReusableKeyIsAKeyOfItsOwn() {
        CallKey reusable = CallKey.reusable().reuse(first, new Point(1, 2), new Object[] {"a"});
        CallKey stored = reusable.detached();
        reusable.release();
        assertThat(stored).isNotSameAs(reusable).isEqualTo(CallKey.of(first, new Point(1, 2), new Object[] {"a"}));
    }

    @Test
    void seesWhetherAKeptArgumentChangedSinceTheKeyWasMade() {
        Counter counter = new Counter();
        CallKey key = CallKey.of(first, new Object[] {counter, new int[] {3, 1}}).detached();
        assertThat(key.unchanged()).isTrue();
        counter.value++;
        assertThat(key.unchanged()).isFalse();
    }

    /** An application's mutable object with value equality: kept in the key, not copied. */
    private static final class Counter {
        int value;

        @Override
        public boolean equals(Object other) {
            return other instanceof Counter && ((Counter) other).value == value;
        }

        @Override
        public int hashCode() {
            return value;
        }
    }

    private static TreeSet<String> reversed(String... elements) {
        TreeSet<String> set = new TreeSet<>(Comparator.reverseOrder());
        set.addAll(List.of(elements));
        return set;
    }

    @Test
    void aDetachedKeyDoesNotSeeLaterChangesToTheCallersCollections() {
        List<String> buffer = new ArrayList<>(List.of("Aa")); // "Aa" and "BB" hash alike
        Map<String, List<String>> nested = new HashMap<>(Map.of("k", new ArrayList<>(List.of("x"))));
        Set<String> sorted = new TreeSet<>(Comparator.reverseOrder());
        sorted.add("a");
        CallKey stored = CallKey.of(first, new Object[] {buffer, nested, sorted}).detached();
        buffer.set(0, "BB");
        nested.get("k").add("y");
        sorted.add("b");
        assertThat(stored.unchanged()).isTrue();
        assertThat(stored).isNotEqualTo(CallKey.of(first, new Object[] {buffer, nested, sorted}))
                .isEqualTo(CallKey.of(first, new Object[] {new ArrayList<>(List.of("Aa")),
                        new HashMap<>(Map.of("k", new ArrayList<>(List.of("x")))), reversed("a")}));
        assertThat(((TreeSet<?>) stored.args()[2]).comparator()).isEqualTo(Comparator.reverseOrder());
        assertThat(stored.args()[0]).isInstanceOf(ArrayList.class).isNotSameAs(buffer);
    }

    @Test
    void arraysInsideACollectionAreKeptAsTheCollectionComparesThemByIdentity() {
        int[] element = {1};
        List<int[]> list = new ArrayList<>(List.of(element));
        CallKey stored = CallKey.of(first, new Object[] {list}).detached();
        assertThat(stored).isEqualTo(CallKey.of(first, new Object[] {list}));
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
        assertThat(CallKey.of(first, new Point(987654, 43), new Object[] {1}).toString()).doesNotContain("987654");
    }

    record Point(int x, int y) {
    }

    record Empty() {
    }

    enum Planet { EARTH, MARS }

    static class Account {
        final int balance;

        Account(int balance) {
            this.balance = balance;
        }
    }

    static class Service {
        static int instances; // static: not state of an instance
    }

    static final class SubService extends Service {
    }

    static final class OtherService {
    }

    static final class WithStateAbove extends Account {
        WithStateAbove() {
            super(1);
        }
    }

    final class Inner {
    }

    static final class Loader extends ClassLoader {
    }

    static final class Hostile {
        final int state = 1; // with state: the receiver itself is in the key

        @Override
        public int hashCode() {
            throw new UnsupportedOperationException("no hashCode");
        }
    }
}
