package io.autobot.optimizer.agent.cache.disk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EntryFormatTest {

    private final byte[] key = EntryFormat.key(EntryFormat.stableId("a.B#m()V@abc"), new byte[] {1, 2, 3});

    @Test
    void keepsExpiryPayloadAndStableId() {
        byte[] record = EntryFormat.record(key, new byte[] {9, 8, 7}, 12345L);
        assertThat(EntryFormat.intact(key, record)).isTrue();
        assertThat(EntryFormat.expiresAt(record)).isEqualTo(12345L);
        assertThat(EntryFormat.isNull(record)).isFalse();
        assertThat(record.length).isEqualTo(EntryFormat.HEADER + 3);
        assertThat(EntryFormat.stableIdOf(key)).isEqualTo("a.B#m()V@abc");
    }

    @Test
    void marksNullResults() {
        byte[] record = EntryFormat.record(key, null, 1L);
        assertThat(EntryFormat.intact(key, record)).isTrue();
        assertThat(EntryFormat.isNull(record)).isTrue();
    }

    @Test
    void detectsEveryFlippedByte() {
        byte[] record = EntryFormat.record(key, new byte[] {9, 8, 7}, 12345L);
        for (int i = 0; i < record.length; i++) {
            byte[] damaged = record.clone();
            damaged[i] ^= 0x10;
            assertThat(EntryFormat.intact(key, damaged)).as("byte %d", i).isFalse();
        }
        assertThat(EntryFormat.intact(key, new byte[3])).isFalse();
        assertThat(EntryFormat.intact(key, null)).isFalse();
    }

    @Test
    void detectsARecordUnderAnotherKey() {
        byte[] record = EntryFormat.record(key, new byte[] {9, 8, 7}, 12345L);
        byte[] otherKey = EntryFormat.key(EntryFormat.stableId("a.B#m()V@abc"), new byte[] {1, 2, 4});
        assertThat(EntryFormat.intact(otherKey, record)).isFalse();
    }
}
