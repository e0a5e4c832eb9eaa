package io.autobot.optimizer.agent.instrument;

import static net.bytebuddy.matcher.ElementMatchers.any;
import static net.bytebuddy.matcher.ElementMatchers.isBootstrapClassLoader;
import static net.bytebuddy.matcher.ElementMatchers.none;

import io.autobot.optimizer.agent.engine.Engine;
import io.autobot.optimizer.agent.engine.MethodMeta;
import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.nio.file.Path;
import java.util.List;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.agent.builder.ResettableClassFileTransformer;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.utility.JavaModule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installs the agent's class file transformer. Advice only and no class format changes, with
 * retransformation: the same installation works at start-up ({@code premain}), for classes that
 * are already loaded when the agent is attached, and can be reset on detach.
 */
public final class Instrumenter {

    private static final Logger LOG = LoggerFactory.getLogger("io.autobot.optimizer");

    private final ResettableClassFileTransformer transformer;
    private final OptimizerTransformer optimizer;
    private final Instrumentation instrumentation;

    private Instrumenter(Instrumentation instrumentation, ResettableClassFileTransformer transformer,
            OptimizerTransformer optimizer) {
        this.instrumentation = instrumentation;
        this.transformer = transformer;
        this.optimizer = optimizer;
    }

    /**
     * Installs the transformer; already-loaded classes with selected methods are retransformed.
     *
     * @param bridgeJar the jar appended to the bootstrap class path, or null: the annotations are
     *     read from it when a class loader cannot serve them (the JDK does not serve resources of
     *     jars appended at run time, and a loader without parent sees only those)
     */
    public static Instrumenter install(Instrumentation instrumentation, Engine engine, List<MethodSelector> selectors,
            Path bridgeJar) throws IOException {
        OptimizerTransformer optimizer = new OptimizerTransformer(engine, selectors);
        ElementMatcher.Junction<TypeDescription> types = none();
        for (MethodSelector selector : selectors) {
            types = types.or(selector.types());
        }
        ResettableClassFileTransformer transformer = new AgentBuilder.Default()
                .disableClassFormatChanges()
                .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
                .with(AgentBuilder.InitializationStrategy.NoOp.INSTANCE)
                .with(new ErrorListener())
                .with(AgentBuilder.LocationStrategy.ForClassLoader.STRONG.withFallbackTo(bridgeClasses(bridgeJar)))
                .ignore(IgnoredTypes.matcher())
                .or(any(), isBootstrapClassLoader())
                .type(types)
                .transform(optimizer)
                .installOn(instrumentation);
        return new Instrumenter(instrumentation, transformer, optimizer);
    }

    private static ClassFileLocator bridgeClasses(Path bridgeJar) throws IOException {
        return bridgeJar == null
                ? ClassFileLocator.ForClassLoader.of(AnnotationNames.class.getClassLoader())
                : ClassFileLocator.ForJarFile.of(bridgeJar.toFile());
    }

    /** The methods instrumented so far. */
    public List<MethodMeta> instrumented() {
        return optimizer.instrumented().stream().distinct().toList();
    }

    /** Removes the transformer and restores the original code of every class it changed. */
    public boolean reset() {
        return transformer.reset(instrumentation, AgentBuilder.RedefinitionStrategy.RETRANSFORMATION);
    }

    /** Logs classes that could not be transformed; they keep running unchanged. */
    private static final class ErrorListener extends AgentBuilder.Listener.Adapter {
        @Override
        public void onError(String typeName, ClassLoader classLoader, JavaModule module, boolean loaded,
                Throwable throwable) {
            LOG.warn("could not instrument {}; it runs unchanged: {}", typeName, throwable.toString());
            LOG.debug("instrumentation failure", throwable);
        }

        @Override
        public void onTransformation(TypeDescription typeDescription, ClassLoader classLoader, JavaModule module,
                boolean loaded, DynamicType dynamicType) {
            LOG.debug("transformed {}{}", typeDescription.getName(), loaded ? " (retransformed)" : "");
        }
    }
}
