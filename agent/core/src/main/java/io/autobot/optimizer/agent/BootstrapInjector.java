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
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

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

    private static volatile Path injected;

    private BootstrapInjector() {
    }

    /**
     * The bridge jar, extracted, or null. Class files of the bridge must be read from it: the boot
     * loader serves no resources for them.
     */
    static Path injectedJar() {
        return injected;
    }

    static void inject(Instrumentation instrumentation) throws IOException {
        if (onBootstrapPath()) {
            return; // attached again, or started twice
        }
        Path jar = extract();
        if (!defineInBootLoader(instrumentation, jar)) {
            instrumentation.appendToBootstrapClassLoaderSearch(new JarFile(jar.toFile()));
        }
        injected = jar;
    }

    private static Path extract() throws IOException {
        try (InputStream nested = BootstrapInjector.class.getClassLoader().getResourceAsStream(NESTED_JAR)) {
            if (nested == null) {
                throw new IOException(NESTED_JAR + " is missing from the agent jar");
            }
            Path jar = Files.createTempFile("autobot-bootstrap-", ".jar");
            jar.toFile().deleteOnExit();
            Files.copy(nested, jar, StandardCopyOption.REPLACE_EXISTING);
            return jar;
        }
    }

    /** Defines every class of the jar in the boot loader; false when this JVM does not allow it. */
    private static boolean defineInBootLoader(Instrumentation instrumentation, Path jar) throws IOException {
        Map<String, byte[]> classes = classFiles(jar);
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

    private static Map<String, byte[]> classFiles(Path jar) throws IOException {
        Map<String, byte[]> classes = new LinkedHashMap<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            for (Enumeration<JarEntry> entries = file.entries(); entries.hasMoreElements();) {
                JarEntry entry = entries.nextElement();
                String name = entry.getName();
                if (name.endsWith(".class") && !name.endsWith("module-info.class")) {
                    try (InputStream in = file.getInputStream(entry)) {
                        classes.put(name.substring(0, name.length() - 6).replace('/', '.'), in.readAllBytes());
                    }
                }
            }
        }
        return classes;
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
