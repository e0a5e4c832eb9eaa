package io.autobot.optimizer.agent.cache.disk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;

class KeyBytesTest {

    @Test
    void equalByContentAndHashedWithCrc32c() {
        byte[] bytes = {1, 2, 3};
        KeyBytes key = new KeyBytes(bytes);
        CRC32C crc = new CRC32C();
        crc.update(bytes);
        assertThat(key.hashCode()).isEqualTo((int) crc.getValue()).isEqualTo(KeyBytes.hashOf(bytes.clone()));
        assertThat(key).isEqualTo(new KeyBytes(bytes.clone())).isNotEqualTo(new KeyBytes(new byte[] {1, 2, 4}))
                .isNotEqualTo(new KeyBytes(new byte[] {1, 2})).isNotEqualTo(bytes);
        assertThat(key.bytes()).isSameAs(bytes);
    }

    @Test
    void theStoresHashMixesInMapDbsSeed() {
        byte[] bytes = "a key".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(KeySerializer.INSTANCE.hashCode(bytes, 1)).isEqualTo(KeySerializer.INSTANCE.hashCode(bytes.clone(), 1))
                .isNotEqualTo(KeySerializer.INSTANCE.hashCode(bytes, 2))
                .isNotEqualTo(KeySerializer.INSTANCE.hashCode(new byte[] {1}, 1));
    }
}
