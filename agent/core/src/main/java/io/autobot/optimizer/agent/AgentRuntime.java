package io.autobot.optimizer.agent;

import io.autobot.optimizer.agent.cache.CacheTier;
import io.autobot.optimizer.agent.cache.MemoryTier;
import io.autobot.optimizer.agent.cache.ResultCache;
import io.autobot.optimizer.agent.cache.disk.DiskTier;
import io.autobot.optimizer.agent.config.AgentConfig;
import io.autobot.optimizer.agent.config.ConfigLoader;
import io.autobot.optimizer.agent.config.RuntimeSettings;
import io.autobot.optimizer.agent.engine.Engine;
import io.autobot.optimizer.agent.instrument.AnnotationSelector;
import io.autobot.optimizer.agent.instrument.Instrumenter;
import io.autobot.optimizer.agent.instrument.MethodSelector;
import io.autobot.optimizer.agent.policy.PolicyProvider;
import io.autobot.optimizer.agent.spi.AgentExtension;
import io.autobot.optimizer.bootstrap.Dispatcher;
import java.lang.instrument.Instrumentation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running agent: configuration, engine, instrumentation and extensions, wired together once
 * per JVM. {@link #current()} gives the management plane and the in-process API their way in.
 */
public final class AgentRuntime {

    private static final Logger LOG = LoggerFactory.getLogger("io.autobot.optimizer");
    private static volatile AgentRuntime current;

    private final AgentConfig config;
    private final Engine engine;
    private final Instrumentation instrumentation;
    private final boolean attached;
    private final List<AgentExtension> extensions = new ArrayList<>();
    private volatile Instrumenter instrumenter;

    private AgentRuntime(AgentConfig config, Engine engine, Instrumentation instrumentation, boolean attached) {
        this.config = config;
        this.engine = engine;
        this.instrumentation = instrumentation;
        this.attached = attached;
    }

    /** The running agent, or null when it is not started (or was detached). */
    public static AgentRuntime current() {
        return current;
    }

    static synchronized void start(String arguments, Instrumentation instrumentation, boolean attached)
            throws java.io.IOException {
        if (current != null) {
            LOG.info("AutoBot Optimizer is already running in this JVM; the new start request is ignored");
            return;
        }
        long start = System.nanoTime();
        AgentConfig config = ConfigLoader.load(arguments, LOG::warn);
        RuntimeSettings settings = new RuntimeSettings(config);
        ResultCache cache = new ResultCache(new MemoryTier(settings.effectiveCacheSize()), settings.cacheStrategy(),
                diskTierFactory(settings));
        Engine engine = new Engine(settings, cache, policyProviders(settings));
        AgentRuntime runtime = new AgentRuntime(config, engine, instrumentation, attached);
        Dispatcher.install(engine);
        long engineReady = System.nanoTime();
        runtime.instrumenter = Instrumenter.install(instrumentation, engine, methodSelectors(config),
                BootstrapInjector.injectedJar());
        long instrumented = System.nanoTime();
        current = runtime;
        runtime.startExtensions();
        long done = System.nanoTime();
        LOG.debug("start-up: engine {} ms, instrumentation {} ms, extensions {} ms", (engineReady - start) / 1_000_000,
                (instrumented - engineReady) / 1_000_000, (done - instrumented) / 1_000_000);
        System.setProperty(Agent.STARTED_PROPERTY, Version.get());
        LOG.info("AutoBot Optimizer {} started ({}, {} ms): level={}, cache={}, workers={}", Version.get(),
                attached ? "attached" : "premain", (done - start) / 1_000_000, settings.level().id(),
                settings.cacheStrategy().id(), settings.maxWorkers());
    }

    /** The policies other than caching, outermost first. */
    private static List<PolicyProvider> policyProviders(RuntimeSettings settings) {
        return List.of();
    }

    /** How methods are selected: annotations in the code. */
    private static List<MethodSelector> methodSelectors(AgentConfig config) {
        return List.of(new AnnotationSelector());
    }

    /**
     * Opens the disk tier on first use (MapDB then loads on the tier's own thread). It clears the
     * entries of one operation with the help of the registered methods.
     */
    private static Supplier<CacheTier> diskTierFactory(RuntimeSettings settings) {
        return () -> DiskTier.open(Path.of(settings.diskCachePath()), () -> {
            AgentRuntime runtime = current;
            return runtime == null ? List.of() : runtime.engine.registry().all();
        });
    }

    private void startExtensions() {
        for (AgentExtension extension : ServiceLoader.load(AgentExtension.class, AgentRuntime.class.getClassLoader())) {
            try {
                extension.start(this);
                extensions.add(extension);
            } catch (Throwable failure) {
                LOG.warn("the {} extension could not start and is off; optimization goes on without it: {}",
                        extension.name(), failure.toString());
                LOG.debug("extension failure", failure);
            }
        }
    }

    /**
     * Stops the agent: every instrumented method gets its original code back, extensions stop,
     * the memory cache is dropped and the disk cache closed (its files are kept).
     */
    public static synchronized void stop() {
        AgentRuntime runtime = current;
        if (runtime == null) {
            return;
        }
        Dispatcher.reset();
        for (AgentExtension extension : runtime.extensions) {
            try {
                extension.stop();
            } catch (RuntimeException e) {
                LOG.warn("the {} extension did not stop cleanly: {}", extension.name(), e.toString());
            }
        }
        runtime.instrumenter.reset();
        runtime.engine.cache().close(); // drops the memory tier; the disk tier's files stay
        current = null;
        System.clearProperty(Agent.STARTED_PROPERTY);
        LOG.info("AutoBot Optimizer stopped; every method runs its original code");
    }

    public AgentConfig config() {
        return config;
    }

    public Engine engine() {
        return engine;
    }

    public RuntimeSettings settings() {
        return engine.settings();
    }

    public Instrumentation instrumentation() {
        return instrumentation;
    }

    public Instrumenter instrumenter() {
        return instrumenter;
    }

    /** Whether the agent was attached to a running JVM rather than started with it. */
    public boolean attached() {
        return attached;
    }
}
