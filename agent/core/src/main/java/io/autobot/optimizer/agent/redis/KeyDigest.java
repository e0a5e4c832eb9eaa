package io.autobot.optimizer.agent.redis;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** The digests the agent's Redis keys are named by, as hexadecimal text. */
public final class KeyDigest {

    private KeyDigest() {
    }

    /** The first {@code digits} hexadecimal digits of the bytes' SHA-256. */
    public static String sha256(byte[] bytes, int digits) {
        return hex(digest("SHA-256", bytes), digits);
    }

    /** The SHA-1 of the bytes, 40 hexadecimal digits: how Redis names a script (EVALSHA). */
    public static String sha1(byte[] bytes) {
        return hex(digest("SHA-1", bytes), 40);
    }

    private static byte[] digest(String algorithm, byte[] bytes) {
        try {
            return MessageDigest.getInstance(algorithm).digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] bytes, int digits) {
        StringBuilder text = new StringBuilder(digits);
        for (int i = 0; i < bytes.length && text.length() < digits; i++) {
            text.append(Character.forDigit((bytes[i] >> 4) & 0xF, 16)).append(Character.forDigit(bytes[i] & 0xF, 16));
        }
        return text.toString();
    }
}
