package io.autobot.optimizer.samples.app;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Loads the sample's own classes with their AutoBot annotations erased, for {@code --plain}: the
 * same bytes, except that each annotation's type name in the constant pool is renamed (same
 * length, {@code annotations} to {@code annotationz}), so that neither the agent nor reflection
 * sees an annotation of the project, and every method runs as plain code. Classes outside the
 * sample's packages come from the parent as usual (the agent's bridge included).
 */
final class PlainLoader extends ClassLoader {

    private static final String OWN = "io.autobot.optimizer.samples.";
    private static final String[] NAMES = {"Optimized", "Cached", "Parallel", "RateLimited", "Batched", "Timeout"};

    static {
        registerAsParallelCapable();
    }

    PlainLoader(ClassLoader parent) {
        super("autobot-samples-plain", parent);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!name.startsWith(OWN)) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null) {
                loaded = findClass(name);
            }
            if (resolve) {
                resolveClass(loaded);
            }
            return loaded;
        }
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
            if (in == null) {
                throw new ClassNotFoundException(name);
            }
            byte[] bytes = erase(in.readAllBytes());
            return defineClass(name, bytes, 0, bytes.length, PlainLoader.class.getProtectionDomain());
        } catch (IOException e) {
            throw new ClassNotFoundException(name, e);
        }
    }

    /** Renames every {@code Lio/autobot/optimizer/annotations/<Name>;} descriptor in place. */
    static byte[] erase(byte[] classFile) {
        for (String name : NAMES) {
            byte[] from = ("Lio/autobot/optimizer/annotations/" + name + ";").getBytes(StandardCharsets.UTF_8);
            byte[] to = ("Lio/autobot/optimizer/annotationz/" + name + ";").getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i <= classFile.length - from.length; i++) {
                if (matches(classFile, i, from)) {
                    System.arraycopy(to, 0, classFile, i, to.length);
                }
            }
        }
        return classFile;
    }

    private static boolean matches(byte[] bytes, int at, byte[] pattern) {
        for (int j = 0; j < pattern.length; j++) {
            if (bytes[at + j] != pattern[j]) {
                return false;
            }
        }
        return true;
    }
}
