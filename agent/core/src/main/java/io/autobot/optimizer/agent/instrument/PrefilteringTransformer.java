package io.autobot.optimizer.agent.instrument;

import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transformer the JVM calls for every class: it drops, by name and by a byte search of the
 * class file, every class that cannot contain a selected method, and weaves the rest: with the
 * {@link InlineWeaver} (ASM alone) when only the annotations may select its methods (no rule may
 * match the class) and its selected methods take that weaver's advice, else with Byte Buddy's
 * {@link AdviceWeaver}, which is built on first need. Most
 * applications load thousands of classes and annotate a handful, so this keeps both parsing and,
 * for hosts whose selected methods the inline weaver serves, Byte Buddy's own class loading off the
 * start-up path. A class that cannot be woven is logged and loads unchanged.
 */
final class PrefilteringTransformer implements ClassFileTransformer {

    private static final Logger LOG = LoggerFactory.getLogger("io.autobot.optimizer");

    private final List<MethodSelector> selectors;
    private final InlineWeaver inline;
    private final Supplier<AdviceWeaver> byteBuddy;
    /** Set while this thread weaves: a class loaded meanwhile is left as it is, not woven inside a weave. */
    private final ThreadLocal<Boolean> weaving = new ThreadLocal<>();
    private volatile boolean broken;

    PrefilteringTransformer(List<MethodSelector> selectors, InlineWeaver inline, Supplier<AdviceWeaver> byteBuddy) {
        this.selectors = List.copyOf(selectors);
        this.inline = inline;
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
            ProtectionDomain protectionDomain, byte[] classFile) {
        if (internalName == null) {
            return null;
        }
        String name = internalName.replace('/', '.');
        if (!mayMatch(loader, name, classFile) || weaving.get() != null) {
            return null;
        }
        weaving.set(Boolean.TRUE);
        try {
            return weave(loader, name, classFile, classBeingRedefined != null);
        } catch (Throwable failure) {
            LOG.warn("could not instrument {}; it runs unchanged: {}", name, failure.toString());
            LOG.debug("instrumentation failure", failure);
            return null;
        } finally {
            weaving.remove();
        }
    }

    private byte[] weave(ClassLoader loader, String name, byte[] classFile, boolean loaded) {
        if (onlyAnnotationsMayMatch(name, classFile)) {
            byte[] woven = inline.weave(loader, classFile, loaded);
            if (woven != InlineWeaver.BY_BYTE_BUDDY) {
                return woven;
            }
        }
        AdviceWeaver weaver = byteBuddy();
        return weaver == null ? null : weaver.weave(loader, name, classFile, loaded);
    }

    /** Whether no selector but the annotations' may match the class: rules are matched by Byte Buddy. */
    private boolean onlyAnnotationsMayMatch(String className, byte[] classFile) {
        for (MethodSelector selector : selectors) {
            if (!(selector instanceof AnnotationSelector) && selector.mayMatch(className, classFile)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Byte Buddy's weaver, or null when it could not be built: every class it would weave then loads
     * unchanged, and the failure is logged once (the JVM would drop it silently, and a rebuild on
     * every class would cost each class load).
     */
    private AdviceWeaver byteBuddy() {
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
