package io.autobot.optimizer.management.system;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Loads OSHI and JNA in a class loader of their own, from jars nested in the agent jar. JNA must
 * not be relocated (its native library looks its classes up by name), and a host may ship its own
 * JNA: in a separate loader whose parent is the platform loader, the agent's JNA and the host's
 * never meet. Only the JDK interface {@link Supplier} crosses the boundary.
 */
final class OshiLoader implements AutoCloseable {

    /** Where the agent jar keeps the nested jars (see agent/dist/pom.xml). */
    static final String NESTED_DIR = "META-INF/autobot/oshi/";
    /** The nested jars, in class-path order. */
    static final List<String> JARS = List.of("autobot-oshi-probe.jar", "oshi-core.jar", "jna.jar", "jna-platform.jar",
            "slf4j-api.jar", "slf4j-nop.jar");
    static final String PROBE_CLASS = "io.autobot.optimizer.management.system.oshi.OshiProbe";

    private final URLClassLoader loader;
    private final Supplier<Map<String, Double>> probe;

    private OshiLoader(URLClassLoader loader, Supplier<Map<String, Double>> probe) {
        this.loader = loader;
        this.probe = probe;
    }

    /** Puts the nested jars on disk ({@link NestedJars}) and loads the probe from them. */
    static OshiLoader fromAgentJar() throws Exception {
        return fromUrls(extract());
    }

    /**
     * Loads the probe from these jars (or class directories).
     *
     * @throws Exception when OSHI cannot start on this platform
     */
    @SuppressWarnings("unchecked")
    static OshiLoader fromUrls(List<URL> urls) throws Exception {
        URLClassLoader loader = new URLClassLoader("autobot-oshi", urls.toArray(new URL[0]),
                ClassLoader.getPlatformClassLoader());
        try {
            Class<?> type = Class.forName(PROBE_CLASS, true, loader);
            Object probe = type.getConstructor().newInstance();
            return new OshiLoader(loader, (Supplier<Map<String, Double>>) probe);
        } catch (Exception | LinkageError e) {
            loader.close();
            throw e;
        }
    }

    private static List<URL> extract() throws IOException {
        List<URL> urls = new ArrayList<>();
        for (Path jar : new NestedJars(NESTED_DIR, JARS, OshiLoader.class.getClassLoader())
                .extract(Path.of(System.getProperty("java.io.tmpdir")), "autobot-oshi-")) {
            urls.add(jar.toUri().toURL());
        }
        return urls;
    }

    Supplier<Map<String, Double>> probe() {
        return probe;
    }

    ClassLoader classLoader() {
        return loader;
    }

    @Override
    public void close() {
        try {
            loader.close();
        } catch (IOException ignored) {
            // nothing to recover
        }
    }
}
