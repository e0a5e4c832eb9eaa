package io.autobot.optimizer.management.metrics;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;

/**
 * Finds the host's Micrometer and registers on its global registry. The agent jar keeps an
 * unrelocated copy of the registrar's class as a resource ({@value #RESOURCES}, see
 * agent/dist/pom.xml); it is defined in a class loader of its own whose parent is a loader of the
 * host, so it links against the host's {@code io.micrometer} classes and the agent's relocated
 * Micrometer never meets them. The agent's code names no Micrometer class (the jar's relocation
 * would rewrite the name): a host without Micrometer shows as a registrar that cannot link.
 */
final class HostMicrometer {

    /** Where the agent jar keeps the unrelocated registrar classes, as {@code <SimpleName>.bytes}. */
    static final String RESOURCES = "META-INF/autobot/micrometer/";
    private static final String PACKAGE = "io.autobot.optimizer.management.metrics.micrometer.";
    private static final String REGISTRAR = PACKAGE + "MeterRegistrar";

    private HostMicrometer() {
    }

    /**
     * A registrar of the global registry of the Micrometer that {@code host} sees, or null when it
     * sees none (or the agent jar holds no unrelocated registrar: a build of the modules alone).
     */
    static Registrar globalRegistryOf(ClassLoader host) throws ReflectiveOperationException {
        if (HostMicrometer.class.getClassLoader().getResource(RESOURCES + "MeterRegistrar.bytes") == null) {
            return null;
        }
        try {
            Class<?> type = Class.forName(REGISTRAR, true, new BridgeLoader(host));
            return new Registrar(type.getMethod("forGlobalRegistry").invoke(null));
        } catch (NoClassDefFoundError noMicrometer) {
            return null;
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof NoClassDefFoundError) {
                return null; // linked when the global registry is first asked for
            }
            throw e;
        }
    }

    /** Defines the registrar's classes from the agent jar's resources; everything else is the host's. */
    private static final class BridgeLoader extends ClassLoader {

        BridgeLoader(ClassLoader host) {
            super("autobot-micrometer", host);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith(PACKAGE)) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                return loaded != null ? loaded : findClass(name); // never the parent's: only this copy links to it
            }
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            if (!name.startsWith(PACKAGE)) {
                throw new ClassNotFoundException(name); // a Micrometer class the host does not have
            }
            String resource = RESOURCES + name.substring(PACKAGE.length()) + ".bytes";
            try (InputStream in = HostMicrometer.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new ClassNotFoundException(name);
                }
                byte[] bytes = in.readAllBytes();
                return defineClass(name, bytes, 0, bytes.length);
            } catch (IOException e) {
                throw new ClassNotFoundException(name, e);
            }
        }
    }
}
