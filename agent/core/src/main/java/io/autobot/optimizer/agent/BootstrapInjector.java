package io.autobot.optimizer.agent;

import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.ProtectionDomain;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarInputStream;

/**
 * Makes the bridge classes (the {@code Dispatcher}, the annotations and the API exceptions) classes
 * of the boot loader, so that advice inlined into a class of any class loader, even one without a
 * parent, can reach the agent. The agent jar carries them as a nested jar.
 *
 * <p>They are defined in the boot loader directly, through the JDK's internal {@code Unsafe}
 * opened to the agent with {@link Instrumentation#redefineModule}. Appending the jar to the
 * bootstrap class path would do too, but it turns class-data sharing off for every class of the
 * host outside the boot loader, and the JVM prints a warning about it on the host's stderr; it is
 * what happens only when the direct way is not available.
 */
final class BootstrapInjector {

    static final String NESTED_JAR = "META-INF/autobot/autobot-bootstrap.jar";
    private static final String DISPATCHER = "io.autobot.optimizer.bootstrap.Dispatcher";

    /** The bridge's class files by resource name, once injected; null before. */
    private static volatile Map<String, byte[]> injected;

    private BootstrapInjector() {
    }

    /**
     * The bridge's class files by resource name ({@code a/b/C.class}), or null. They must be read
     * from here: the boot loader serves no resources for them.
     */
    static Map<String, byte[]> injectedClassFiles() {
        return injected;
    }

    static void inject(Instrumentation instrumentation) throws IOException {
        if (onBootstrapPath()) {
            return; // attached again, or started twice
        }
        Map<String, byte[]> classFiles = nestedClassFiles();
        if (!defineInBootLoader(instrumentation, classFiles)) {
            instrumentation.appendToBootstrapClassLoaderSearch(new JarFile(extract().toFile()));
        }
        injected = Map.copyOf(classFiles);
    }

    /** The nested jar's class files, read in memory: the usual way needs no file on disk. */
    private static Map<String, byte[]> nestedClassFiles() throws IOException {
        Map<String, byte[]> classes = new LinkedHashMap<>();
        try (JarInputStream jar = new JarInputStream(nested())) {
            for (JarEntry entry = jar.getNextJarEntry(); entry != null; entry = jar.getNextJarEntry()) {
                String name = entry.getName();
                if (name.endsWith(".class") && !name.endsWith("module-info.class")) {
                    classes.put(name, jar.readAllBytes());
                }
            }
        }
        return classes;
    }

    private static InputStream nested() throws IOException {
        InputStream nested = BootstrapInjector.class.getClassLoader().getResourceAsStream(NESTED_JAR);
        if (nested == null) {
            throw new IOException(NESTED_JAR + " is missing from the agent jar");
        }
        return nested;
    }

    /**
     * The nested jar as a file, for the bootstrap class path: the JVM reads it for as long as it
     * runs, so it goes only when the JVM ends normally (a killed JVM leaves it in the temporary
     * directory; this is the rare way, see the class comment).
     */
    private static Path extract() throws IOException {
        try (InputStream nested = nested()) {
            Path jar = Files.createTempFile("autobot-bootstrap-", ".jar");
            jar.toFile().deleteOnExit();
            Files.copy(nested, jar, StandardCopyOption.REPLACE_EXISTING);
            return jar;
        }
    }

    /** Defines every class of the jar in the boot loader; false when this JVM does not allow it. */
    private static boolean defineInBootLoader(Instrumentation instrumentation, Map<String, byte[]> classFiles) {
        Map<String, byte[]> classes = new LinkedHashMap<>();
        classFiles.forEach((resource, bytes) -> classes.put(
                resource.substring(0, resource.length() - ".class".length()).replace('/', '.'), bytes));
        try {
            Module base = Object.class.getModule();
            instrumentation.redefineModule(base, Set.of(), Map.of("jdk.internal.misc",
                    Set.of(BootstrapInjector.class.getModule())), Map.of(), Set.of(), Map.of());
            Class<?> unsafeType = Class.forName("jdk.internal.misc.Unsafe");
            Object unsafe = unsafeType.getMethod("getUnsafe").invoke(null);
            Method define = unsafeType.getMethod("defineClass", String.class, byte[].class, int.class, int.class,
                    ClassLoader.class, ProtectionDomain.class);
            defineAll(classes, define, unsafe);
            return true;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            // the classes defined before the failure stay; the appended jar serves the others
            return false;
        }
    }

    /**
     * Defines the classes, each after the classes of the jar it extends: one whose supertype is
     * not defined yet fails to link and is tried again in the next pass.
     */
    private static void defineAll(Map<String, byte[]> classes, Method define, Object unsafe)
            throws ReflectiveOperationException {
        Map<String, byte[]> left = new LinkedHashMap<>(classes);
        while (!left.isEmpty()) {
            int before = left.size();
            LinkageError last = null;
            for (var iterator = left.entrySet().iterator(); iterator.hasNext();) {
                Map.Entry<String, byte[]> entry = iterator.next();
                try {
                    byte[] bytes = entry.getValue();
                    define.invoke(unsafe, entry.getKey(), bytes, 0, bytes.length, null, null);
                    iterator.remove();
                } catch (InvocationTargetException e) {
                    if (!(e.getCause() instanceof NoClassDefFoundError)) {
                        throw e;
                    }
                    last = (NoClassDefFoundError) e.getCause();
                }
            }
            if (left.size() == before) {
                throw last;
            }
        }
    }

    private static boolean onBootstrapPath() {
        try {
            Class.forName(DISPATCHER, false, null);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
