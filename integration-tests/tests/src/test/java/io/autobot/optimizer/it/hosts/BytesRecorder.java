package io.autobot.optimizer.it.hosts;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.security.MessageDigest;
import java.security.ProtectionDomain;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A recorder in the host, independent of the agent: started as a {@code -javaagent} of its own, it
 * tells the code a class has right now. Asked, it adds a transformer (last in the chain, so it sees
 * what every other transformer made of the class), retransforms the class, notes a digest of the
 * bytes it was shown, and removes itself; it never changes a class.
 */
public final class BytesRecorder {

    private static volatile Instrumentation instrumentation;

    private BytesRecorder() {
    }

    public static void premain(String arguments, Instrumentation inst) {
        instrumentation = inst;
    }

    /** SHA-256 of the class's current code, or {@code none} without the recorder. */
    public static synchronized String digest(Class<?> type) throws Exception {
        Instrumentation inst = instrumentation;
        if (inst == null) {
            return "none";
        }
        AtomicReference<String> seen = new AtomicReference<>("unseen");
        ClassFileTransformer recorder = new ClassFileTransformer() {
            @Override
            public byte[] transform(ClassLoader loader, String name, Class<?> redefined, ProtectionDomain domain,
                    byte[] classFile) {
                if (redefined == type) {
                    try {
                        seen.set(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(classFile)));
                    } catch (Exception e) {
                        seen.set("failed");
                    }
                }
                return null;
            }
        };
        inst.addTransformer(recorder, true);
        try {
            inst.retransformClasses(type);
        } finally {
            inst.removeTransformer(recorder);
        }
        return seen.get();
    }
}
