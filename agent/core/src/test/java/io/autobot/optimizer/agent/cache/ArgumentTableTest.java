package io.autobot.optimizer.agent.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.autobot.optimizer.agent.call.MethodMeta;
import io.autobot.optimizer.agent.engine.TestMethods;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The memory tier's table of one method's entries by argument: exact lookups, removals by identity, growth. */
class ArgumentTableTest {

    private final MethodMeta method = TestMethods.cached("table");
    private final ArgumentTable table = new ArgumentTable();

    private MemoryTier.Entry entry(Object arg, Object value) {
        return new MemoryTier.Entry(CallKey.of(method, new Object[] {arg}), value, Long.MAX_VALUE, true);
    }

    @Test
    void findsAnEntryByAnEqualArgumentOfTheSameClassOnly() {
        MemoryTier.Entry one = entry(1, "int");
        table.put(one, false);
        table.put(entry(new String("k"), "K"), false);
        assertThat(table.get(1)).isSameAs(one);
        assertThat(table.get(1L)).as("a Long is not the Integer's key").isNull();
        assertThat(table.get("k").value).as("an equal String, not the same one").isEqualTo("K");
        assertThat(table.get("absent")).isNull();
        assertThat(table.size()).isEqualTo(2);
    }

    @Test
    void aStoreReplacesUnlessAskedOnlyIfAbsentAndARemovalTakesOnlyThatVeryEntry() {
        MemoryTier.Entry first = entry("k", "first");
        MemoryTier.Entry second = entry("k", "second");
        table.put(first, false);
        table.put(second, true);
        assertThat(table.get("k")).isSameAs(first);
        table.put(second, false);
        assertThat(table.get("k")).isSameAs(second);
        table.remove(first);
        assertThat(table.get("k")).as("the entry replaced is not removed again").isSameAs(second);
        table.remove(second);
        assertThat(table.get("k")).isNull();
        assertThat(table.size()).isZero();
    }

    @Test
    void growsAndReusesRemovedSlotsWithoutLosingAnEntry() {
        for (int round = 0; round < 50; round++) {
            List<MemoryTier.Entry> stored = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                MemoryTier.Entry e = entry(round * 1_000 + i, i);
                table.put(e, false);
                stored.add(e);
            }
            for (int i = 0; i < 200; i += 2) {
                table.remove(stored.get(i));
            }
            for (int i = 0; i < 200; i++) {
                assertThat(table.get(round * 1_000 + i)).isSameAs(i % 2 == 0 ? null : stored.get(i));
            }
            for (int i = 1; i < 200; i += 2) {
                table.remove(stored.get(i));
            }
        }
        assertThat(table.size()).isZero();
        assertThat(table.usedSlots()).as("the removals' marks are cleaned away as they pile up").isLessThan(200);
        table.put(entry(Thread.State.NEW, "enum"), false);
        assertThat(table.get(Thread.State.NEW).value).isEqualTo("enum");
        table.clear();
        assertThat(table.get(Thread.State.NEW)).isNull();
    }

    @Test
    void aLookupDuringWritesNeverFindsAnotherArgumentsEntry() throws InterruptedException {
        AtomicBoolean done = new AtomicBoolean();
        AtomicReference<String> wrong = new AtomicReference<>();
        Thread writer = new Thread(() -> {
            for (int i = 0; i < 200_000; i++) {
                MemoryTier.Entry e = entry(i % 500, i % 500);
                table.put(e, false);
                if (i % 3 == 0) {
                    table.remove(e);
                }
            }
            done.set(true);
        });
        writer.start();
        while (!done.get()) {
            for (int arg = 0; arg < 500; arg++) {
                MemoryTier.Entry found = table.get(arg);
                if (found != null && !found.value.equals(arg)) {
                    wrong.set(arg + " found " + found.value);
                }
            }
        }
        writer.join();
        assertThat(wrong.get()).isNull();
    }
}
