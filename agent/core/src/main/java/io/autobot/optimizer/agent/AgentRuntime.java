package io.autobot.optimizer.agent;

import io.autobot.optimizer.protocol.attach.AttachResult;
import io.autobot.optimizer.agent.cache.CacheTier;
import io.autobot.optimizer.agent.cache.CoarseClock;
import io.autobot.optimizer.agent.cache.MemoryTier;
import io.autobot.optimizer.agent.cache.ResultCache;
import io.autobot.optimizer.agent.cache.disk.DiskTier;
import io.autobot.optimizer.agent.config.AgentConfig;
import io.autobot.optimizer.agent.config.ConfigLoader;
import io.autobot.optimizer.agent.config.RuntimeSettings;
import io.autobot.optimizer.agent.config.Setting;
import io.autobot.optimizer.agent.engine.Engine;
import io.autobot.optimizer.agent.engine.FailOpen;
import io.autobot.optimizer.agent.engine.MethodMeta;
import io.autobot.optimizer.agent.instrument.AnnotationSelector;
import io.autobot.optimizer.agent.instrument.Instrumenter;
import io.autobot.optimizer.agent.instrument.MethodSelector;
import io.autobot.optimizer.agent.policy.BatchPolicyProvider;
import io.autobot.optimizer.agent.policy.ParallelPolicyProvider;
import io.autobot.optimizer.agent.policy.PolicyProvider;
import io.autobot.optimizer.agent.policy.RateLimitPolicyProvider;
import io.autobot.optimizer.agent.policy.TimeoutPolicyProvider;
import io.autobot.optimizer.agent.policy.WorkerPool;
import io.autobot.optimizer.agent.rules.RuleSelector;
import io.autobot.optimizer.agent.spi.AgentExtension;
import io.autobot.optimizer.bootstrap.Dispatcher;
import java.lang.instrument.Instrumentation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.function.Consumer;
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
    /** The answer being built by a start or update, which also collects the problems reported. */
    private static volatile AttachResult collecting;

    private final AgentConfig config;
    private final Engine engine;
    private final Instrumentation instrumentation;
    private final boolean attached;
    private final MemoryTier memory;
    private final List<PolicyProvider> providers;
    private final List<AgentExtension> extensions = new ArrayList<>();
    private volatile Instrumenter instrumenter;

    private AgentRuntime(AgentConfig config, Engine engine, Instrumentation instrumentation, boolean attached,
            MemoryTier memory, List<PolicyProvider> providers) {
        this.config = config;
        this.engine = engine;
        this.instrumentation = instrumentation;
        this.attached = attached;
        this.memory = memory;
        this.providers = providers;
    }

    /** The running agent, or null when it is not started (or was detached). */
    public static AgentRuntime current() {
        return current;
    }

    /**
     * Starts the agent, or, when it already runs (attached again), applies the settings given in
     * {@code arguments} to the running agent. A failure leaves nothing installed.
     */
    static synchronized AttachResult start(String arguments, Instrumentation instrumentation, boolean attached)
            throws java.io.IOException {
        AgentRuntime running = current;
        AttachResult result = new AttachResult(running == null ? AttachResult.Status.STARTED
                : AttachResult.Status.ALREADY_RUNNING, Version.get());
        collecting = result;
        try {
            if (running != null) {
                running.update(arguments, result);
            } else {
                startNew(arguments, instrumentation, attached).describeInstrumented(result);
            }
            return result;
        } finally {
            collecting = null;
        }
    }

    private static AgentRuntime startNew(String arguments, Instrumentation instrumentation, boolean attached)
            throws java.io.IOException {
        long start = System.nanoTime();
        AgentConfig config = ConfigLoader.load(arguments, AgentRuntime::report);
        RuntimeSettings settings = new RuntimeSettings(config);
        MemoryTier memory = new MemoryTier(settings.effectiveCacheSize());
        FailOpen failOpen = new FailOpen();
        ResultCache cache = new ResultCache(memory, settings.cacheStrategy(), diskTierFactory(settings), failOpen);
        List<PolicyProvider> providers = policyProviders(settings);
        Engine engine = new Engine(settings, cache, providers, failOpen);
        AgentRuntime runtime = new AgentRuntime(config, engine, instrumentation, attached, memory, providers);
        Dispatcher.install(engine);
        long engineReady = System.nanoTime();
        try {
            runtime.instrumenter = Instrumenter.install(instrumentation, engine, methodSelectors(config,
                    AgentRuntime::report), BootstrapInjector.injectedJar());
        } catch (RuntimeException | java.io.IOException | LinkageError failure) {
            Dispatcher.reset();
            runtime.closeProviders();
            throw failure;
        }
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
        return runtime;
    }

    /**
     * Applies the settings named in the arguments of a second attach. Settings fixed at start-up
     * are reported; a {@code rules} file re-selects the methods (original code back, then the new
     * selection instrumented).
     */
    private void update(String arguments, AttachResult result) throws java.io.IOException {
        AgentConfig update = ConfigLoader.load(arguments, Map.of(), new Properties(), AgentRuntime::report);
        for (Setting<?> setting : Setting.all()) {
            if (update.origin(setting).equals("default")) {
                continue; // not named by this attach
            }
            if (setting == Setting.RULES) {
                reselect(update);
            }
            apply(setting, update, result);
        }
        for (String[] override : update.profileOverrides()) {
            settings().profiles().set(override[0], override[1], override[2]);
            result.applied("profile." + override[0] + "." + override[1] + "=" + override[2]);
        }
        describeInstrumented(result);
        LOG.info("AutoBot Optimizer is already running in this JVM; {}", result.applied().isEmpty()
                ? "no setting was given to change" : "applied " + String.join(", ", result.applied()));
    }

    private <T> void apply(Setting<T> setting, AgentConfig update, AttachResult result) {
        T value = update.get(setting);
        try {
            settings().set(setting, value);
            result.applied(setting.key() + "=" + setting.format(value));
        } catch (IllegalArgumentException e) {
            report(e.getMessage() + "; detach and attach again to change it");
        }
    }

    private void reselect(AgentConfig update) throws java.io.IOException {
        List<MethodSelector> selectors = methodSelectors(update, AgentRuntime::report);
        instrumenter.reset();
        instrumenter = Instrumenter.install(instrumentation, engine, selectors, BootstrapInjector.injectedJar());
    }

    private void describeInstrumented(AttachResult result) {
        Set<String> seen = new HashSet<>();
        for (MethodMeta method : instrumenter.instrumented()) {
            String line = method.qualifiedName() + " " + engine.policiesOf(method);
            if (seen.add(line)) {
                result.instrumented(line);
            }
        }
    }

    /** Logs a problem; during a start or update it also goes into the answer the CLI prints. */
    private static void report(String problem) {
        LOG.warn(problem);
        AttachResult result = collecting;
        if (result != null) {
            result.problem(problem);
        }
    }

    /** The policies other than caching, outermost first (docs/policies.md says why in this order). */
    private static List<PolicyProvider> policyProviders(RuntimeSettings settings) {
        return List.of(new TimeoutPolicyProvider(settings), new BatchPolicyProvider(settings),
                new ParallelPolicyProvider(settings, new WorkerPool(settings)), new RateLimitPolicyProvider(settings));
    }

    /** How methods are selected: annotations in the code, then the rules file. */
    private static List<MethodSelector> methodSelectors(AgentConfig config, Consumer<String> problems) {
        RuleSelector rules = RuleSelector.of(config, problems);
        return rules == null ? List.of(new AnnotationSelector()) : List.of(new AnnotationSelector(), rules);
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
     * Stops the agent (detach): every instrumented method gets its original code back, extensions
     * and policies stop their threads, the memory cache is dropped and the disk cache closed (its
     * files are kept). The agent can be started again afterwards.
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
        if (!runtime.instrumenter.reset()) {
            LOG.warn("the original code of some classes could not be restored; they call the stopped agent,"
                    + " which runs their bodies unchanged");
        }
        runtime.closeProviders();
        runtime.memory.invalidateAll();
        runtime.engine.cache().close();
        CoarseClock.stop();
        current = null;
        System.clearProperty(Agent.STARTED_PROPERTY);
        LOG.info("AutoBot Optimizer stopped; every method runs its original code");
    }

    /** Policy providers that own threads (workers, schedulers) implement AutoCloseable. */
    private void closeProviders() {
        for (PolicyProvider provider : providers) {
            if (provider instanceof AutoCloseable) {
                try {
                    ((AutoCloseable) provider).close();
                } catch (Exception | LinkageError e) {
                    LOG.warn("the {} policy did not stop cleanly: {}", provider.name(), e.toString());
                }
            }
        }
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
