package io.autobot.optimizer.agent;

import io.autobot.optimizer.agent.cache.CoarseClock;
import io.autobot.optimizer.agent.cache.MemoryTier;
import io.autobot.optimizer.agent.cache.ResultCache;
import io.autobot.optimizer.agent.call.FailOpen;
import io.autobot.optimizer.agent.call.MethodMeta;
import io.autobot.optimizer.agent.call.PolicyProvider;
import io.autobot.optimizer.agent.config.AgentConfig;
import io.autobot.optimizer.agent.config.ConfigLoader;
import io.autobot.optimizer.agent.config.RuntimeSettings;
import io.autobot.optimizer.agent.config.Setting;
import io.autobot.optimizer.agent.discovery.Discovery;
import io.autobot.optimizer.agent.engine.Engine;
import io.autobot.optimizer.agent.host.HostCpu;
import io.autobot.optimizer.agent.instrument.Instrumenter;
import io.autobot.optimizer.agent.instrument.MethodSelector;
import io.autobot.optimizer.agent.jfr.FlightEvents;
import io.autobot.optimizer.agent.redis.RedisLink;
import io.autobot.optimizer.agent.spi.AgentContext;
import io.autobot.optimizer.agent.spi.AgentExtension;
import io.autobot.optimizer.bootstrap.Dispatcher;
import io.autobot.optimizer.protocol.attach.AttachProtocol;
import io.autobot.optimizer.protocol.attach.AttachResult;
import io.autobot.optimizer.protocol.settings.Catalogue;
import java.lang.instrument.Instrumentation;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running agent: configuration, engine, instrumentation and extensions, wired together once
 * per JVM. {@link #current()} gives the management plane and the in-process API their way in.
 *
 * <p>An agent started for discovery only ({@code command=discovery}, what {@code discover} attaches)
 * has an engine that nothing calls, no instrumentation (the loaded classes are not scanned, no
 * transformer is installed) and extensions in their discovery-only form; a later plain attach
 * replaces it with a full agent.
 */
public final class AgentRuntime implements AgentContext {

    private static final Logger LOG = LoggerFactory.getLogger("io.autobot.optimizer");
    private static volatile AgentRuntime current;
    /** The longest the management plane's start waits, after its delay, for the host to leave a core free. */
    private static final long MANAGEMENT_MAX_WAIT_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final AgentConfig config;
    private final Engine engine;
    private final Instrumentation instrumentation;
    private final boolean attached;
    private final boolean discoveryOnly;
    private final MemoryTier memory;
    private final List<PolicyProvider> providers;
    private final List<AgentExtension> extensions = new CopyOnWriteArrayList<>();
    private volatile Instrumenter instrumenter;
    private volatile RedisLink redis;
    private final Discovery discovery;

    private AgentRuntime(AgentConfig config, Engine engine, Instrumentation instrumentation, boolean attached,
            boolean discoveryOnly, MemoryTier memory, List<PolicyProvider> providers) {
        this.config = config;
        this.engine = engine;
        this.instrumentation = instrumentation;
        this.attached = attached;
        this.discoveryOnly = discoveryOnly;
        this.memory = memory;
        this.providers = providers;
        this.discovery = new Discovery(instrumentation);
    }

    /** The running agent, or null when it is not started (or was detached). */
    public static AgentRuntime current() {
        return current;
    }

    /**
     * Starts the agent, or, when it already runs (attached again), applies the settings given in
     * {@code arguments} to the running agent. A failure leaves nothing installed.
     *
     * @param discoveryOnly start it for discovery windows only; an agent already running (of
     *     either kind) is left as it is. A full start where a discovery-only agent runs stops that
     *     one first (cancelling its window, if one runs) and starts afresh with these arguments.
     */
    static synchronized AttachResult start(String arguments, Instrumentation instrumentation, boolean attached,
            boolean discoveryOnly) throws java.io.IOException {
        AgentRuntime running = current;
        if (running != null && running.discoveryOnly && !discoveryOnly) {
            LOG.info("AutoBot Optimizer runs for discovery only; it restarts in full");
            stop();
            running = null;
        }
        AttachResult result = new AttachResult(running == null ? AttachResult.Status.STARTED
                : AttachResult.Status.ALREADY_RUNNING, Version.get());
        StartProblems.collectInto(result);
        try {
            if (running != null && discoveryOnly) {
                running.describeInstrumented(result);
            } else if (running != null) {
                Reattach.apply(running, arguments, result);
                running.describeInstrumented(result);
            } else if (discoveryOnly) {
                startForDiscovery(arguments, instrumentation, attached);
            } else {
                startNew(arguments, instrumentation, attached).describeInstrumented(result);
            }
            return result;
        } finally {
            StartProblems.collectInto(null);
        }
    }

    private static AgentRuntime startNew(String arguments, Instrumentation instrumentation, boolean attached)
            throws java.io.IOException {
        long start = System.nanoTime();
        AgentConfig config = ConfigLoader.load(arguments, StartProblems::report);
        RuntimeSettings settings = new RuntimeSettings(config);
        FlightEvents.start(settings);
        MemoryTier memory = LibraryLoggers.rewritingWhile(instrumentation,
                () -> new MemoryTier(settings.effectiveCacheSize()));
        FailOpen failOpen = new FailOpen();
        RedisLink redis = AgentWiring.redisLink(settings, StartProblems::report);
        ResultCache cache = new ResultCache(memory, settings.cacheStrategy(), AgentWiring.diskTierFactory(settings),
                AgentWiring.redisTierFactory(redis), failOpen);
        List<PolicyProvider> providers = AgentWiring.policyProviders(settings, redis);
        Engine engine = new Engine(settings, cache, providers, failOpen);
        AgentRuntime runtime = new AgentRuntime(config, engine, instrumentation, attached, false, memory, providers);
        runtime.redis = redis;
        Dispatcher.install(engine);
        engine.publishHitHandles(); // none registered yet: each method's own comes with its registration
        long engineReady = System.nanoTime();
        try {
            runtime.instrumenter = Instrumenter.install(instrumentation, engine, AgentWiring.methodSelectors(config,
                    StartProblems::report), BootstrapInjector.injectedClassFiles());
        } catch (RuntimeException | LinkageError failure) {
            Dispatcher.reset();
            runtime.closeProviders();
            if (redis != null) {
                redis.close();
            }
            throw failure;
        }
        long instrumented = System.nanoTime();
        current = runtime;
        if (attached) {
            runtime.startExtensions();
            runtime.extensionsStarted(start, engineReady, instrumented);
        } else {
            runtime.startExtensionsInBackground(start, engineReady, instrumented);
        }
        runtime.logStarted(start);
        return runtime;
    }

    /**
     * At premain, the extensions (the management plane: MXBeans, Micrometer, the system sampler)
     * start on a thread of their own, {@code management.delay} after premain and once the host
     * leaves a core free ({@link #awaitAQuietMoment}), so the host's main method neither waits for
     * them nor shares the CPU with them (a JVM that ends sooner never starts them). Until they have, {@link AttachProtocol#STARTING_PROPERTY}
     * is set and {@link Agent#STARTED_PROPERTY} is not: the CLI and the in-process API wait on the
     * one for the other (for the beans).
     */
    private void startExtensionsInBackground(long start, long engineReady, long instrumented) {
        System.setProperty(AttachProtocol.STARTING_PROPERTY, Version.get());
        long delayNanos = engine.settings().get(Setting.of(Catalogue.MANAGEMENT_DELAY, Duration.class)).toNanos();
        Thread thread = new Thread(() -> {
            try {
                awaitAQuietMoment(delayNanos);
                synchronized (AgentRuntime.class) { // not between a detach's steps, nor a reattach's
                    if (current == this) {
                        startExtensions();
                        extensionsStarted(start, engineReady, instrumented);
                    }
                }
            } finally {
                System.setProperty(AttachProtocol.STARTING_PROPERTY, ""); // emptied, never removed: AttachProtocol.isSet
            }
        }, "autobot-start");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Waits {@code management.delay} (none by default), then while the host leaves no core free, at most
     * {@link #MANAGEMENT_MAX_WAIT_NANOS} more: the plane's start (the platform MBean server, the
     * beans, Micrometer: about a third of a second of one core) then takes no CPU the host uses.
     */
    private void awaitAQuietMoment(long delayNanos) {
        if (delayNanos == 0) {
            return; // the default: at once, as premain returns
        }
        try {
            TimeUnit.NANOSECONDS.sleep(delayNanos);
        } catch (InterruptedException e) {
            return; // not done by the agent; the plane starts now
        }
        HostCpu.ofThisJvm().awaitQuiet(MANAGEMENT_MAX_WAIT_NANOS, () -> current != this);
    }

    /** Says the agent runs, with its beans: the property the CLI and the in-process API look for. */
    private void extensionsStarted(long start, long engineReady, long instrumented) {
        LOG.debug("start-up: engine {} ms, instrumentation {} ms, extensions {} ms (from the end of instrumentation)",
                (engineReady - start) / 1_000_000, (instrumented - engineReady) / 1_000_000,
                (System.nanoTime() - instrumented) / 1_000_000);
        System.setProperty(Agent.STARTED_PROPERTY, Version.get());
    }

    /** The start-up line: the engine and the transformer run (at premain, the beans may follow). */
    private void logStarted(long start) {
        RuntimeSettings settings = engine.settings();
        LOG.info("AutoBot Optimizer {} started ({}, {} ms): level={}, cache={}, workers={}; writes its disk cache to {}"
                + " and exports to {}", Version.get(), attached ? "attached" : "premain",
                (System.nanoTime() - start) / 1_000_000, settings.level().id(), settings.cacheStrategy().id(),
                settings.maxWorkers(), absolute(settings.diskCachePath()), absolute(settings.exportDirectory()));
    }

    /**
     * The discovery-only start: the settings are read (for the log), an engine without policies or
     * tiers beyond memory is built for the beans to read, and nothing is instrumented: no
     * transformer, no scan of the loaded classes, no flight-recorder events, no Redis link, no
     * policy threads. The extensions start in their discovery-only form ({@link AgentContext#discoveryOnly()}).
     * A window abandoned by its client (its lease ran out: the CLI died) stops this agent, as the
     * CLI would have detached it.
     */
    private static AgentRuntime startForDiscovery(String arguments, Instrumentation instrumentation,
            boolean attached) {
        long start = System.nanoTime();
        AgentConfig config = ConfigLoader.load(arguments, StartProblems::report);
        RuntimeSettings settings = new RuntimeSettings(config);
        MemoryTier memory = LibraryLoggers.rewritingWhile(instrumentation,
                () -> new MemoryTier(settings.effectiveCacheSize()));
        FailOpen failOpen = new FailOpen();
        ResultCache cache = new ResultCache(memory, io.autobot.optimizer.agent.config.CacheStrategy.MEMORY,
                () -> null, failOpen);
        Engine engine = new Engine(settings, cache, List.of(), failOpen);
        AgentRuntime runtime = new AgentRuntime(config, engine, instrumentation, attached, true, memory, List.of());
        runtime.discovery.whenAbandoned(AgentRuntime::stopAbandoned);
        current = runtime;
        runtime.startExtensions();
        System.setProperty(Agent.STARTED_PROPERTY, Version.get());
        LOG.info("AutoBot Optimizer {} started for discovery only ({}, {} ms): nothing is instrumented",
                Version.get(), attached ? "attached" : "premain", (System.nanoTime() - start) / 1_000_000);
        return runtime;
    }

    /** Stops a discovery-only agent whose window's client went away (on a thread of its own: the window calls it). */
    private static void stopAbandoned() {
        Thread thread = new Thread(() -> {
            synchronized (Agent.class) { // as a detach through the attach mechanism: not between two loads
                AgentRuntime runtime = current;
                if (runtime != null && runtime.discoveryOnly) {
                    LOG.info("the discovery window's client went away; the agent started for it stops");
                    stop();
                }
            }
        }, "autobot-discovery-stop");
        thread.setDaemon(true);
        thread.start();
    }

    /** Whether this agent was started for discovery windows only (nothing instrumented). */
    @Override
    public boolean discoveryOnly() {
        return discoveryOnly;
    }

    /** A directory setting as the host's working directory makes it: the start-up line says where the agent writes. */
    private static String absolute(String directory) {
        try {
            return java.nio.file.Path.of(directory).toAbsolutePath().normalize().toString();
        } catch (RuntimeException unusable) {
            return directory;
        }
    }

    /** Instruments anew with these selectors: the original code comes back first (a new rules file). */
    void reselect(List<MethodSelector> selectors) throws java.io.IOException {
        instrumenter.reset();
        instrumenter = Instrumenter.install(instrumentation, engine, selectors, BootstrapInjector.injectedClassFiles());
    }

    private void describeInstrumented(AttachResult result) {
        if (instrumenter == null) {
            return; // discovery only
        }
        Set<String> seen = new HashSet<>();
        for (MethodMeta method : instrumenter.instrumented()) {
            String line = method.qualifiedName() + " " + engine.policiesOf(method);
            if (seen.add(line)) {
                result.instrumented(line);
            }
        }
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
        runtime.discovery.stop();
        for (AgentExtension extension : runtime.extensions) {
            try {
                extension.stop();
            } catch (RuntimeException e) {
                LOG.warn("the {} extension did not stop cleanly: {}", extension.name(), e.toString());
            }
        }
        if (runtime.instrumenter != null && !runtime.instrumenter.reset()) {
            LOG.warn("the original code of some classes could not be restored; they call the stopped agent,"
                    + " which runs their bodies unchanged");
        }
        runtime.closeProviders();
        runtime.memory.invalidateAll();
        runtime.engine.cache().close();
        if (runtime.redis != null) {
            runtime.redis.close();
        }
        CoarseClock.stop();
        current = null;
        System.setProperty(Agent.STARTED_PROPERTY, ""); // emptied, never removed: AttachProtocol.isSet
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

    /** The link to the fleet's Redis, or null when {@code AUTOBOT_REDIS_URL} is not set. */
    @Override
    public RedisLink redis() {
        return redis;
    }

    @Override
    public AgentConfig config() {
        return config;
    }

    @Override
    public Engine engine() {
        return engine;
    }

    @Override
    public RuntimeSettings settings() {
        return engine.settings();
    }

    @Override
    public Instrumentation instrumentation() {
        return instrumentation;
    }

    @Override
    public Instrumenter instrumenter() {
        return instrumenter;
    }

    @Override
    public Discovery discovery() {
        return discovery;
    }

    /** Whether the agent was attached to a running JVM rather than started with it. */
    @Override
    public boolean attached() {
        return attached;
    }
}
