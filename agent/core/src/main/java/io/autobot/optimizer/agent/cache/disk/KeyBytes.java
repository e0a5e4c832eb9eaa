package io.autobot.optimizer.agent.cache.disk;

import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * A key's bytes as the key of a map: equal by content, hashed once. Keys can hold whole documents
 * (a method's arguments), so the hash is CRC32C, which the JIT compiles to the CPU's own
 * instruction, where {@code ByteBuffer.hashCode} reads byte by byte, again on every lookup.
 */
final class KeyBytes {

    private final byte[] bytes;
    private final int hash;

    KeyBytes(byte[] bytes) {
        this.bytes = bytes;
        this.hash = hashOf(bytes);
    }

    /** The hash of a key's bytes, as {@link #hashCode} gives it. */
    static int hashOf(byte[] bytes) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, bytes.length);
        return (int) crc.getValue();
    }

    byte[] bytes() {
        return bytes;
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof KeyBytes key && key.hash == hash && Arrays.equals(key.bytes, bytes);
    }
}
