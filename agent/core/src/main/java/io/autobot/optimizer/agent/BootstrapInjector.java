package io.autobot.optimizer.agent;

import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.jar.JarFile;

/**
 * Puts the bridge classes (the {@code Dispatcher}, the annotations and the API exceptions) on the
 * bootstrap class path, so that advice inlined into a class of any class loader, even one without
 * a parent, can reach the agent. The agent jar carries them as a nested jar.
 */
final class BootstrapInjector {

    static final String NESTED_JAR = "META-INF/autobot/autobot-bootstrap.jar";
    private static final String DISPATCHER = "io.autobot.optimizer.bootstrap.Dispatcher";

    private static volatile Path injected;

    private BootstrapInjector() {
    }

    /**
     * The jar appended to the bootstrap class path, or null. Class files in it must be read from
     * the jar itself: the JDK does not serve resources of jars appended at run time.
     */
    static Path injectedJar() {
        return injected;
    }

    static void inject(Instrumentation instrumentation) throws IOException {
        if (onBootstrapPath()) {
            return; // attached again, or started twice
        }
        try (InputStream nested = BootstrapInjector.class.getClassLoader().getResourceAsStream(NESTED_JAR)) {
            if (nested == null) {
                throw new IOException(NESTED_JAR + " is missing from the agent jar");
            }
            Path jar = Files.createTempFile("autobot-bootstrap-", ".jar");
            jar.toFile().deleteOnExit();
            Files.copy(nested, jar, StandardCopyOption.REPLACE_EXISTING);
            instrumentation.appendToBootstrapClassLoaderSearch(new JarFile(jar.toFile()));
            injected = jar;
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
