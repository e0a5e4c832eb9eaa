package io.autobot.optimizer.agent.instrument;

import io.autobot.optimizer.bootstrap.Dispatcher;
import java.util.Map;
import java.util.WeakHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether a class loader sees the agent's bridge. The advice inlined into a method calls
 * {@link Dispatcher}, which lives in the boot loader; a loader that does not delegate to it (an
 * OSGi-style or otherwise isolating loader that delegates only {@code java.*}) would make that
 * call fail with a {@code NoClassDefFoundError}, so its classes must be left as they are. Asked
 * once per loader; the answer is kept weakly, so no loader stays alive for it.
 */
final class BridgeVisibility {

    private static final Logger LOG = LoggerFactory.getLogger("io.autobot.optimizer");

    private final Map<ClassLoader, Boolean> answers = new WeakHashMap<>();

    /** Whether classes of {@code loader} may call the bridge; says once per loader when not. */
    synchronized boolean sees(ClassLoader loader, String typeName) {
        if (loader == null) {
            return true; // the boot loader holds the bridge itself
        }
        Boolean known = answers.get(loader);
        if (known == null) {
            known = resolvesToTheBridge(loader);
            answers.put(loader, known);
            if (!known) {
                LOG.warn("class loader {} does not delegate {} to the boot class loader (an isolating or OSGi-style"
                        + " loader?); its classes, {} first, run unoptimized", describe(loader),
                        Dispatcher.class.getPackageName(), typeName);
            }
        }
        return known;
    }

    private static boolean resolvesToTheBridge(ClassLoader loader) {
        try {
            return Class.forName(Dispatcher.class.getName(), false, loader) == Dispatcher.class;
        } catch (ClassNotFoundException | LinkageError | RuntimeException notVisible) {
            return false;
        }
    }

    private static String describe(ClassLoader loader) {
        String name = loader.getName();
        return loader.getClass().getName() + (name == null ? "" : " '" + name + "'");
    }
}
