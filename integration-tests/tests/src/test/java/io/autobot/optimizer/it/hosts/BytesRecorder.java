package io.autobot.optimizer.it.hosts;

import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.nio.charset.StandardCharsets;
import java.security.ProtectionDomain;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A test agent of the host's own (its jar holds only a manifest naming this class; the IT builds
 * it): it keeps the {@link Instrumentation} and, once {@link #start()} is called, records the
 * bytes each (re)definition of the watched classes ends with. It changes nothing: its transformer
 * returns null. Started after the AutoBot agent attached, it is the last transformer of the chain,
 * so it sees what a retransformation really leaves in the JVM: a detach that does not retransform a
 * class leaves no record of it, and one that retransforms with the agent's transformer still in
 * place leaves instrumented bytes.
 */
public final class BytesRecorder {

    /** A reference every class the agent instruments has: its advice calls the bootstrap dispatcher. */
    static final String BRIDGE = "io/autobot/optimizer/bootstrap/Dispatcher";

    private static volatile Instrumentation instrumentation;
    private static final Map<String, List<byte[]>> RECORDED = new ConcurrentHashMap<>();
    private static volatile boolean started;

    private BytesRecorder() {
    }

    public static void premain(String args, Instrumentation inst) {
        instrumentation = inst;
    }

    /** Starts recording the classes whose names start with {@code prefix} (internal form). */
    static synchronized Map<String, Object> start(String prefix) {
        Map<String, Object> answer = new LinkedHashMap<>();
        if (instrumentation == null) {
            answer.put("recorder", "missing");
            return answer;
        }
        if (!started) {
            instrumentation.addTransformer(new ClassFileTransformer() {
                @Override
                public byte[] transform(ClassLoader loader, String name, Class<?> redefined, ProtectionDomain domain,
                        byte[] bytes) {
                    if (name != null && name.startsWith(prefix)) {
                        RECORDED.computeIfAbsent(name, n -> new CopyOnWriteArrayList<>()).add(bytes.clone());
                    }
                    return null;
                }
            }, true);
            started = true;
        }
        answer.put("recorder", "recording");
        return answer;
    }

    /**
     * Retransforms the watched classes itself and answers, for each, {@code same.<Class>}: whether
     * the bytes of that retransformation, the class as loaded (no other transformer is left to
     * change it), are the bytes the previous (re)definition ended with.
     */
    static Map<String, Object> compareWithOriginal(List<Class<?>> watched) {
        Map<String, Object> answer = new LinkedHashMap<>();
        try {
            instrumentation.retransformClasses(watched.toArray(new Class<?>[0]));
        } catch (Exception e) {
            answer.put("error", e.toString().replace(' ', '_'));
            return answer;
        }
        for (Class<?> type : watched) {
            String simple = type.getName().substring(type.getName().lastIndexOf('.') + 1);
            List<byte[]> versions = RECORDED.getOrDefault(type.getName().replace('.', '/'), List.of());
            answer.put("same." + simple, versions.size() >= 2 && Arrays.equals(versions.get(versions.size() - 1),
                    versions.get(versions.size() - 2)));
        }
        return answer;
    }

    /**
     * For each watched class: {@code recorded.<Class>} how many (re)definitions it went through since
     * recording started, {@code instrumented.<Class>} whether the last one calls the agent's bridge,
     * and {@code fileCallsBridge.<Class>} whether its class file does (it must not: the check would
     * prove nothing).
     */
    static Map<String, Object> answer(List<Class<?>> watched) {
        Map<String, Object> answer = new LinkedHashMap<>();
        for (Class<?> type : watched) {
            String simple = type.getName().substring(type.getName().lastIndexOf('.') + 1);
            List<byte[]> versions = RECORDED.getOrDefault(type.getName().replace('.', '/'), List.of());
            answer.put("recorded." + simple, versions.size());
            if (!versions.isEmpty()) {
                byte[] last = versions.get(versions.size() - 1);
                answer.put("instrumented." + simple, contains(last, BRIDGE));
            }
            answer.put("fileCallsBridge." + simple, contains(classFile(type), BRIDGE));
        }
        return answer;
    }

    private static byte[] classFile(Class<?> type) {
        String resource = "/" + type.getName().replace('.', '/') + ".class";
        try (InputStream in = type.getResourceAsStream(resource)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean contains(byte[] bytes, String text) {
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        outer:
        for (int i = 0; i + needle.length <= bytes.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (bytes[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
