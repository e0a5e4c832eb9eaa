package io.autobot.optimizer.agent.cache.disk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DiskWorthTest {

    private static final long MS = 1_000_000;

    @Test
    void storesWhileLearningThenSkipsAMethodCheaperToComputeThanToRead() {
        DiskWorth worth = new DiskWorth();
        worth.wrote(2 * MS);

        assertThat(worth.computed(MS / 10)).isTrue();
        assertThat(worth.computed(MS / 10)).isTrue();
        assertThat(worth.computed(MS / 10)).isFalse();
        assertThat(worth.verdict()).isEqualTo(
                "disk: skipped, computing is cheaper (0.10 ms to compute vs 2.0 ms to read, estimated from the encoding)");
    }

    @Test
    void keepsStoringAMethodThatCostsMoreToComputeThanItsMeasuredReads() {
        DiskWorth worth = new DiskWorth();
        worth.wrote(5 * MS);
        worth.read(MS / 2);
        worth.read(MS / 2);

        for (int i = 0; i < 10; i++) {
            assertThat(worth.computed(3 * MS)).isTrue();
        }
        assertThat(worth.verdict()).startsWith("disk: stored, reading is cheaper (3.0 ms to compute vs 0.50 ms to read)");
    }

    @Test
    void changesItsVerdictOnlyPastTheMargin() {
        DiskWorth worth = new DiskWorth();
        worth.read(MS);
        for (int i = 0; i < DiskWorth.LEARNING_CALLS; i++) {
            worth.computed(MS / 2);
        }
        assertThat(worth.storing()).isFalse();

        for (int i = 0; i < 20; i++) {
            worth.computed(MS);
            assertThat(worth.storing()).as("equal costs are inside the margin").isFalse();
        }
        for (int i = 0; i < 20 && !worth.storing(); i++) {
            worth.computed(2 * MS);
        }
        assertThat(worth.storing()).as("twice the read cost is past the margin").isTrue();
        for (int i = 0; i < 20; i++) {
            assertThat(worth.computed(MS)).as("and back inside it keeps the new verdict").isTrue();
        }
    }

    @Test
    void storesOneResultInSixteenWhileSkippedToMeasureTheDiskAgain() {
        DiskWorth worth = new DiskWorth();
        worth.read(10 * MS);
        int stored = 0;
        for (int i = 0; i < 10 * DiskWorth.PROBE_EVERY; i++) {
            stored += worth.computed(MS) ? 1 : 0;
        }
        assertThat(worth.storing()).isFalse();
        assertThat(stored).isEqualTo(DiskWorth.LEARNING_CALLS - 1 + 10);
    }

    @Test
    void readsOneLookupInSixteenWhileSkippedSoColdReadsAreMeasuredAgain() {
        DiskWorth worth = new DiskWorth();
        worth.read(2 * MS); // a restarted JVM's first reads run interpreted
        worth.read(2 * MS);
        for (int i = 0; i < DiskWorth.LEARNING_CALLS; i++) {
            worth.computed(MS);
        }
        assertThat(worth.storing()).isFalse();
        int lookups = 0;
        for (int i = 0; i < 10 * DiskWorth.PROBE_EVERY; i++) {
            lookups += worth.looksUp() ? 1 : 0;
        }
        assertThat(lookups).isEqualTo(10);

        for (int i = 0; i < 30; i++) {
            worth.read(MS / 20); // the probes' reads, once compiled
        }
        assertThat(worth.computed(MS)).isTrue();
        assertThat(worth.storing()).isTrue();
        assertThat(worth.looksUp()).isTrue();
    }

    @Test
    void aColdFirstEncodingDoesNotDecideAlone() {
        DiskWorth worth = new DiskWorth();
        worth.wrote(200 * MS); // the first: class descriptors, the JIT
        worth.wrote(MS);
        for (int i = 0; i < 5; i++) {
            assertThat(worth.computed(5 * MS)).isTrue();
        }
        assertThat(worth.verdict()).startsWith("disk: stored, reading is cheaper (5.0 ms to compute vs 1.0 ms to read");
    }

    @Test
    void aColdFirstReadDoesNotDecideAlone() {
        DiskWorth worth = new DiskWorth();
        worth.wrote(MS);
        worth.wrote(MS);
        worth.read(40 * MS); // the first read: the decoding's classes, the store's first pages
        for (int i = 0; i < 5; i++) {
            assertThat(worth.computed(5 * MS)).as("judged by the encodings until a second read").isTrue();
        }
        worth.read(30 * MS);
        assertThat(worth.computed(5 * MS)).as("two slow reads decide").isFalse();
    }

    @Test
    void saysNothingBeforeAnythingIsMeasured() {
        DiskWorth worth = new DiskWorth();
        assertThat(worth.computed(MS)).isTrue();
        assertThat(worth.verdict()).isNull();
    }
}
