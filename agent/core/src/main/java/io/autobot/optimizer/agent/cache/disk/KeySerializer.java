package io.autobot.optimizer.agent.cache.disk;

import org.mapdb.serializer.SerializerByteArray;

/**
 * MapDB's serializer of byte-array keys, hashing with {@link KeyBytes#hashOf} (CRC32C) instead of
 * MapDB's XXHash, whose pure-Java form (the one the agent ships, without {@code Unsafe}) reads
 * byte by byte: keys hold a call's arguments, whole documents at times, and every lookup hashes its
 * key. The seed, which MapDB varies per store, is mixed in with MurmurHash3's finalizer.
 */
final class KeySerializer extends SerializerByteArray {

    static final KeySerializer INSTANCE = new KeySerializer();

    private KeySerializer() {
    }

    @Override
    public int hashCode(byte[] key, int seed) {
        int h = KeyBytes.hashOf(key) ^ seed;
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        return h ^ (h >>> 16);
    }
}
