package io.autobot.optimizer.agent.instrument;

import static net.bytebuddy.matcher.ElementMatchers.none;

import io.autobot.optimizer.agent.call.MethodMeta;
import io.autobot.optimizer.agent.engine.Engine;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.matcher.ElementMatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installs the agent's class file transformer: a cheap pre-filter in front of two weavers that add
 * inlined advice only (no class format changes), the {@link InlineWeaver} on ASM for the methods
 * its advice serves and Byte Buddy's {@link AdviceWeaver} for the rest, so the same code
 * serves start-up ({@code premain}), classes already loaded when the agent is attached
 * (retransformation) and detach (retransformation without the transformer restores the original
 * code).
 */
public final class Instrumenter {

    private static final Logger LOG = LoggerFactory.getLogger("io.autobot.optimizer");

    private final Instrumentation instrumentation;
    private final OptimizerTransformer optimizer;
    private final PrefilteringTransformer transformer;

    private Instrumenter(Instrumentation instrumentation, OptimizerTransformer optimizer,
            PrefilteringTransformer transformer) {
        this.instrumentation = instrumentation;
        this.optimizer = optimizer;
        this.transformer = transformer;
    }

    /**
     * Installs the transformer, then retransforms the already-loaded classes that may contain
     * selected methods. Byte Buddy is built when the first class that needs it is loaded (a class
     * the inline weaver does not serve), on that thread, and not at all in a host that has none:
     * building it ahead
     * on a thread of its own (about 1,100 of Byte Buddy's classes) took CPU from every host's start
     * on a small machine, for nothing in a host without selected methods.
     *
     * @param bridgeClassFiles the class files of the bridge in the boot loader by resource name,
     *     or null: the annotations are read from them when a class loader cannot serve them (the
     *     boot loader serves no resources of classes defined in it at run time, and a loader
     *     without parent sees only those)
     */
    public static Instrumenter install(Instrumentation instrumentation, Engine engine, List<MethodSelector> selectors,
            Map<String, byte[]> bridgeClassFiles) {
        OptimizerTransformer optimizer = new OptimizerTransformer(engine, selectors);
        Supplier<AdviceWeaver> byteBuddy = new Lazy<>(() -> weaver(selectors, optimizer, bridgeClassFiles));
        PrefilteringTransformer transformer = new PrefilteringTransformer(selectors, new InlineWeaver(optimizer),
                byteBuddy);
        // Load every class the filter uses now: loading one from inside the filter would recurse.
        transformer.mayMatch(Instrumenter.class.getClassLoader(), "warm.Up", new byte[] {0});
        instrumentation.addTransformer(transformer, true);
        Instrumenter instrumenter = new Instrumenter(instrumentation, optimizer, transformer);
        instrumenter.retransform(instrumenter.loadedCandidates());
        return instrumenter;
    }

    private static AdviceWeaver weaver(List<MethodSelector> selectors, OptimizerTransformer optimizer,
            Map<String, byte[]> bridgeClassFiles) {
        ElementMatcher.Junction<TypeDescription> types = none();
        for (MethodSelector selector : selectors) {
            types = types.or(selector.types());
        }
        return new AdviceWeaver(types, optimizer, bridgeClasses(bridgeClassFiles));
    }

    private static ClassFileLocator bridgeClasses(Map<String, byte[]> bridgeClassFiles) {
        return bridgeClassFiles == null ? ClassFileLocator.ForClassLoader.of(AnnotationNames.class.getClassLoader())
                : ClassFileLocator.Simple.ofResources(bridgeClassFiles);
    }

    /** Loaded classes that may contain selected methods, judged from their class files. */
    private List<Class<?>> loadedCandidates() {
        List<Class<?>> candidates = new ArrayList<>();
        for (Class<?> type : instrumentation.getAllLoadedClasses()) {
            ClassLoader loader = type.getClassLoader();
            if (loader == null || type.isArray() || type.isHidden() || IgnoredTypes.ignores(type.getName())
                    || !instrumentation.isModifiableClass(type)) {
                continue;
            }
            try {
                byte[] classFile = ClassFileLocator.ForClassLoader.read(type);
                if (transformer.mayMatch(loader, type.getName(), classFile)) {
                    candidates.add(type);
                }
            } catch (RuntimeException unreadable) {
                LOG.debug("cannot read the class file of {}: {}", type.getName(), unreadable.toString());
            }
        }
        return candidates;
    }

    /**
     * Retransforms classes one by one, so that one that fails does not stop the others.
     *
     * @return whether every class was retransformed
     */
    private boolean retransform(List<Class<?>> classes) {
        boolean all = true;
        for (Class<?> type : classes) {
            try {
                instrumentation.retransformClasses(type);
            } catch (Throwable failure) {
                all = false;
                LOG.warn("could not retransform {}; it keeps its current code: {}", type.getName(), failure.toString());
            }
        }
        return all;
    }

    /** The methods instrumented so far. */
    public List<MethodMeta> instrumented() {
        return optimizer.instrumented().stream().distinct().toList();
    }

    /**
     * Removes the transformer and restores the original code of every class it changed.
     *
     * @return whether every changed class got its original code back
     */
    public boolean reset() {
        instrumentation.removeTransformer(transformer);
        Set<String> changed = new HashSet<>();
        for (MethodMeta method : optimizer.instrumented()) {
            changed.add(method.className());
        }
        List<Class<?>> classes = new ArrayList<>();
        for (Class<?> type : instrumentation.getAllLoadedClasses()) {
            if (type.getClassLoader() != null && changed.contains(type.getName())) {
                classes.add(type);
            }
        }
        return retransform(classes);
    }

    /** A supplier that computes its value once, on first use. */
    private static final class Lazy<T> implements Supplier<T> {
        private final Supplier<T> factory;
        private volatile T value;

        Lazy(Supplier<T> factory) {
            this.factory = factory;
        }

        @Override
        public T get() {
            T current = value;
            if (current == null) {
                synchronized (this) {
                    current = value;
                    if (current == null) {
                        current = factory.get();
                        value = current;
                    }
                }
            }
            return current;
        }
    }

}
