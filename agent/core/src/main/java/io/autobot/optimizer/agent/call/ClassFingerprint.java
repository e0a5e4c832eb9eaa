package io.autobot.optimizer.agent.call;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import net.bytebuddy.dynamic.ClassFileLocator;

/**
 * A digest of a class file as its class loader has it (the bytes before any agent transformed
 * them). The disk cache keys entries with the fingerprints of the classes whose code a result
 * comes from, so that a recompiled class never gets results of its old code, and two classes of
 * one name in two loaders (two versions of a plugin) never share entries unless their bytes are
 * the same.
 */
public final class ClassFingerprint {

    private ClassFingerprint() {
    }

    /** The fingerprint of the class {@code className} as {@code loader} has it, or null when its bytes cannot be read. */
    public static String of(ClassLoader loader, String className) {
        try {
            ClassFileLocator.Resolution resolution = ClassFileLocator.ForClassLoader.of(loader).locate(className);
            if (!resolution.isResolved()) {
                return null;
            }
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(resolution.resolve());
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (IOException | NoSuchAlgorithmException | RuntimeException e) {
            return null;
        }
    }
}
