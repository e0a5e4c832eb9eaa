package io.autobot.optimizer.agent.instrument;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.IllegalClassFormatException;
import java.security.ProtectionDomain;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transformer the JVM calls for every class: it drops, by name and by a byte search of the
 * class file, every class that cannot contain a selected method, and hands the rest to the Byte
 * Buddy transformer, which is built on first need. Most applications load thousands of classes and
 * annotate a handful, so this keeps both Byte Buddy's parsing and, for hosts without selected
 * methods, Byte Buddy's own class loading off the start-up path.
 */
final class PrefilteringTransformer implements ClassFileTransformer {

    private static final Logger LOG = LoggerFactory.getLogger("io.autobot.optimizer");

    private final List<MethodSelector> selectors;
    private final Supplier<ClassFileTransformer> byteBuddy;
    private volatile boolean broken;

    PrefilteringTransformer(List<MethodSelector> selectors, Supplier<ClassFileTransformer> byteBuddy) {
        this.selectors = List.copyOf(selectors);
        this.byteBuddy = byteBuddy;
    }

    /** Whether the class may contain a selected method. */
    boolean mayMatch(ClassLoader loader, String className, byte[] classFile) {
        if (loader == null || className == null || classFile == null || IgnoredTypes.ignores(className)) {
            return false;
        }
        for (MethodSelector selector : selectors) {
            if (selector.mayMatch(className, classFile)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public byte[] transform(ClassLoader loader, String internalName, Class<?> classBeingRedefined,
            ProtectionDomain protectionDomain, byte[] classFile) throws IllegalClassFormatException {
        if (internalName == null || !mayMatch(loader, internalName.replace('/', '.'), classFile)) {
            return null;
        }
        ClassFileTransformer transformer = byteBuddy();
        return transformer == null ? null
                : transformer.transform(loader, internalName, classBeingRedefined, protectionDomain, classFile);
    }

    @Override
    public byte[] transform(Module module, ClassLoader loader, String internalName, Class<?> classBeingRedefined,
            ProtectionDomain protectionDomain, byte[] classFile) throws IllegalClassFormatException {
        if (internalName == null || !mayMatch(loader, internalName.replace('/', '.'), classFile)) {
            return null;
        }
        ClassFileTransformer transformer = byteBuddy();
        return transformer == null ? null
                : transformer.transform(module, loader, internalName, classBeingRedefined, protectionDomain, classFile);
    }

    /**
     * Byte Buddy's transformer, or null when it could not be built: every class then loads
     * unchanged, and the failure is logged once (the JVM would drop it silently, and a rebuild on
     * every class would cost each class load).
     */
    private ClassFileTransformer byteBuddy() {
        if (broken) {
            return null;
        }
        try {
            return byteBuddy.get();
        } catch (RuntimeException | LinkageError e) {
            broken = true;
            LOG.warn("the instrumentation could not be prepared; every class runs unchanged: {}", e.toString());
            LOG.debug("instrumentation failure", e);
            return null;
        }
    }
}
