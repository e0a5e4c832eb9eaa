package io.autobot.optimizer.agent.cache.disk;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/**
 * The bytes of the disk tier. A key is the method's stable id (class, method, descriptor and a
 * fingerprint of the class bytes), a zero byte, then the call's bytes (see {@link CallCodec}: the
 * receiver part of an instance method, then the serialized arguments): a recompiled class has
 * another stable id, so its old entries are never found. A record is
 * {@code [version][flags][expires-at millis][crc32c][payload]}; the checksum covers the key and
 * the whole record, so a damaged record, or a record that ended up under another key, is
 * detected and never decoded.
 */
final class EntryFormat {

    /**
     * The layout version; a store written with another one is incompatible. 2: keys of instance
     * methods hold the receiver part, and every entry was written by a call that reads back as itself.
     * 3: keys compare arguments by class and iteration order, and a result that was an argument
     * is stored as its position. 4: records in keys and values are written as {@link RecordForm}s.
     * 5: the store hashes keys with {@link KeySerializer}.
     */
    static final byte VERSION = 5;
    private static final int FLAGS = 1;
    private static final int EXPIRES = 2;
    private static final int CRC = 10;
    static final int HEADER = 14;
    private static final byte NULL_VALUE = 1;
    private static final byte ARGUMENT = 2;

    private EntryFormat() {
    }

    /** The key of one call: {@code stableId}, 0, the call's bytes. */
    static byte[] key(byte[] stableId, byte[] call) {
        byte[] key = new byte[stableId.length + 1 + call.length];
        System.arraycopy(stableId, 0, key, 0, stableId.length);
        System.arraycopy(call, 0, key, stableId.length + 1, call.length);
        return key;
    }

    /** The stable id bytes of a method, the prefix of all its keys. */
    static byte[] stableId(String stableId) {
        return stableId.getBytes(StandardCharsets.UTF_8);
    }

    /** The stable id a key starts with, or null when the key is not one of ours. */
    static String stableIdOf(byte[] key) {
        for (int i = 0; i < key.length; i++) {
            if (key[i] == 0) {
                return new String(key, 0, i, StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    /** Builds a record; {@code payload} null stands for a null result. */
    static byte[] record(byte[] key, byte[] payload, long expiresAtMillis) {
        int length = payload == null ? 0 : payload.length;
        byte[] record = new byte[HEADER + length];
        ByteBuffer buffer = ByteBuffer.wrap(record);
        buffer.put(VERSION).put(payload == null ? NULL_VALUE : 0).putLong(expiresAtMillis);
        if (payload != null) {
            System.arraycopy(payload, 0, record, HEADER, length);
        }
        buffer.putInt(CRC, checksum(key, record));
        return record;
    }

    /** Whether the record is intact and belongs to the key. */
    static boolean intact(byte[] key, byte[] record) {
        return record != null && record.length >= HEADER && record[0] == VERSION
                && ByteBuffer.wrap(record).getInt(CRC) == checksum(key, record);
    }

    /** When the entry expires, in epoch milliseconds. The record must be intact. */
    static long expiresAt(byte[] record) {
        return ByteBuffer.wrap(record).getLong(EXPIRES);
    }

    /** A record of a result that was the call's argument {@code index}: its payload is the index. */
    static byte[] argumentRecord(byte[] key, int index, long expiresAtMillis) {
        byte[] record = record(key, ByteBuffer.allocate(Integer.BYTES).putInt(index).array(), expiresAtMillis);
        record[FLAGS] = ARGUMENT;
        ByteBuffer.wrap(record).putInt(CRC, checksum(key, record));
        return record;
    }

    /** The argument position an intact record stands for, or -1 when it holds a value. */
    static int argumentIndex(byte[] record) {
        return (record[FLAGS] & ARGUMENT) != 0 && record.length == HEADER + Integer.BYTES
                ? ByteBuffer.wrap(record).getInt(HEADER) : -1;
    }

    /** Whether the record stands for a null result. The record must be intact. */
    static boolean isNull(byte[] record) {
        return (record[FLAGS] & NULL_VALUE) != 0;
    }

    private static int checksum(byte[] key, byte[] record) {
        CRC32C crc = new CRC32C();
        crc.update(key, 0, key.length);
        crc.update(record, 0, CRC);
        crc.update(record, HEADER, record.length - HEADER);
        return (int) crc.getValue();
    }
}
