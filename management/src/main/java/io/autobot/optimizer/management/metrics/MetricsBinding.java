package io.autobot.optimizer.management.metrics;

import io.autobot.optimizer.agent.cache.ResultCache;
import io.autobot.optimizer.agent.cache.TierStatistics;
import io.autobot.optimizer.agent.call.LatencyHistogram;
import io.autobot.optimizer.agent.call.MethodMeta;
import io.autobot.optimizer.agent.call.OperationStats;
import io.autobot.optimizer.management.metrics.micrometer.MeterRegistrar;
import io.autobot.optimizer.management.report.Counters;
import io.autobot.optimizer.management.report.Operations;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.jmx.JmxReporter;
import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.util.HierarchicalNameMapper;
import io.micrometer.jmx.JmxConfig;
import io.micrometer.jmx.JmxMeterRegistry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.WeakHashMap;
import javax.management.MBeanServer;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's figures as Micrometer meters. When the host has Micrometer (its global registry is
 * visible from the system class loader or from the loader of an instrumented class), the meters
 * are registered there, through the host's own Micrometer classes, so whatever publishes the
 * host's meters (Spring Boot Actuator, a Prometheus endpoint) shows them too. Otherwise they are
 * published on JMX under the domain {@value #DOMAIN} by the agent's own (relocated) Micrometer.
 * Names and tags follow Micrometer's conventions (the cache meters are named as Micrometer's own
 * cache binders name them); the meters read the engine's counters when asked: nothing is recorded
 * twice.
 */
public final class MetricsBinding implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger("io.autobot.optimizer");

    public static final String DOMAIN = "io.autobot.optimizer.metrics";
    private static final double[] PHIS = {0.5, 0.95, 0.99};
    private static final double NANOS_PER_SECOND = 1e9;

    private final ResultCache cache;
    private final Operations operations;
    private final Set<String> tiers = ConcurrentHashMap.newKeySet();
    private final Set<String> boundOperations = ConcurrentHashMap.newKeySet();
    private final Set<ClassLoader> looked = Collections.newSetFromMap(new WeakHashMap<>());
    private final Supplier<MBeanServer> platformServer;
    private JmxMeterRegistry jmx;
    private Registrar registrar;
    private boolean onHost;

    /**
     * @param platformServer the platform MBean server once it exists, else null: the JMX view of
     *     the meters is made then (the agent never makes the server for itself)
     */
    public MetricsBinding(ResultCache cache, Operations operations, Supplier<MBeanServer> platformServer) {
        this.cache = cache;
        this.operations = operations;
        this.platformServer = platformServer;
        Registrar host = hostRegistrar(List.of(ClassLoader.getSystemClassLoader()));
        if (host != null) {
            use(host);
        }
    }

    /** The agent's own JMX registry on the platform server, registered with it and not made by it. */
    private static JmxMeterRegistry jmxRegistry(MBeanServer server) {
        MetricRegistry metrics = new MetricRegistry();
        JmxReporter reporter = JmxReporter.forRegistry(metrics).inDomain(DOMAIN).registerWith(server).build();
        return new JmxMeterRegistry(new JmxConfig() {
            @Override
            public String get(String key) {
                return null;
            }

            @Override
            public String domain() {
                return DOMAIN;
            }
        }, Clock.SYSTEM, HierarchicalNameMapper.DEFAULT, metrics, reporter);
    }

    /** Where the meters are: {@code host} (the host's global registry) or {@code jmx}. */
    public String target() {
        return onHost ? "host" : "jmx";
    }

    /**
     * Adds the meters of tiers and operations that appeared since the last call; moves every meter
     * to the host's global registry once a loader of an instrumented class shows one.
     */
    public synchronized void bindNew(Set<String> operationNames) {
        if (!onHost) {
            Registrar host = hostRegistrar(instrumentedLoaders());
            if (host != null) {
                close();
                jmx = null;
                tiers.clear();
                boundOperations.clear();
                use(host);
            }
        }
        if (registrar == null) {
            MBeanServer server = platformServer.get();
            if (server == null) {
                return; // the meters are bound when the platform server exists
            }
            jmx = jmxRegistry(server);
            registrar = Registrar.of(new MeterRegistrar(jmx, false));
        }
        for (TierStatistics statistics : cache.statistics()) {
            if (tiers.add(statistics.tier())) {
                bindTier(statistics.tier());
            }
        }
        for (String operation : operationNames) {
            if (boundOperations.add(operation)) {
                bindOperation(operation);
            }
        }
    }

    private void use(Registrar host) {
        registrar = host;
        onHost = true;
        LOG.debug("the agent's meters are registered on the host's Micrometer global registry");
    }

    private List<ClassLoader> instrumentedLoaders() {
        List<ClassLoader> loaders = new ArrayList<>();
        for (List<MethodMeta> methods : operations.byName().values()) {
            for (MethodMeta method : methods) {
                ClassLoader loader = method.classLoader();
                if (loader != null && !loaders.contains(loader)) {
                    loaders.add(loader);
                }
            }
        }
        return loaders;
    }

    /** The host's global registry as the first of these loaders not looked at before sees it, or null. */
    private Registrar hostRegistrar(List<ClassLoader> loaders) {
        for (ClassLoader loader : loaders) {
            if (looked.add(loader)) {
                try {
                    Registrar host = HostMicrometer.globalRegistryOf(loader);
                    if (host != null) {
                        return host;
                    }
                } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                    LOG.warn("the host's Micrometer (seen from {}) cannot take the agent's meters; they stay where they"
                            + " are: {}", loader, e.toString());
                }
            }
        }
        return null;
    }

    private void bindTier(String tier) {
        String[] tags = {"cache", tier};
        registrar.counter("cache.gets", new String[] {"cache", tier, "result", "hit"},
                "lookups that found a stored result", null, tierFigure(tier, TierStatistics::hits));
        registrar.counter("cache.gets", new String[] {"cache", tier, "result", "miss"},
                "lookups that found none", null, tierFigure(tier, TierStatistics::misses));
        registrar.gauge("cache.size", tags, "entries in the cache", null, tierFigure(tier, TierStatistics::entries));
        registrar.counter("cache.evictions", tags, "entries evicted for capacity or expiry", null,
                tierFigure(tier, TierStatistics::evictions));
    }

    private DoubleSupplier tierFigure(String name, ToDoubleFunction<TierStatistics> figure) {
        return () -> {
            for (TierStatistics statistics : cache.statistics()) {
                if (statistics.tier().equals(name)) {
                    return figure.applyAsDouble(statistics);
                }
            }
            return Double.NaN; // the tier is closed
        };
    }

    private void bindOperation(String operation) {
        registrar.timer("autobot.calls", new String[] {"operation", operation, "outcome", "success"},
                "calls that ran through the policies (cache misses, uncached calls) and returned",
                counters(operation, c -> c.calls() - c.fastHits() - c.errors()),
                stats(operation, s -> (s.callNanos() - s.errorNanos()) / NANOS_PER_SECOND));
        registrar.timer("autobot.calls", new String[] {"operation", operation, "outcome", "error"},
                "calls that ran through the policies and threw to their caller",
                counters(operation, Counters::errors), stats(operation, s -> s.errorNanos() / NANOS_PER_SECOND));
        registrar.counter("autobot.calls.cached", new String[] {"operation", operation},
                "calls answered from the cache at once (counted, not timed: timing would cost more than the hit)",
                null, counters(operation, Counters::fastHits));
        for (double phi : PHIS) {
            registrar.timeGauge("autobot.calls.percentile",
                    new String[] {"operation", operation, "phi", String.valueOf(phi)},
                    "percentile of the calls that ran through the policies (within about 6%)", percentile(operation, phi));
        }
        registrar.timer("autobot.ratelimit.waits", new String[] {"operation", operation},
                "calls that waited for a permit of their rate limiter, and the time they waited",
                stats(operation, s -> s.throttleWaits()), stats(operation, s -> s.throttleWaitNanos() / NANOS_PER_SECOND));
    }

    private DoubleSupplier counters(String operation, ToDoubleFunction<Counters> figure) {
        return () -> figure.applyAsDouble(Operations.counters(operations.methodsOf(operation)));
    }

    private DoubleSupplier stats(String operation, ToDoubleFunction<OperationStats> figure) {
        return () -> {
            double sum = 0;
            for (MethodMeta method : operations.methodsOf(operation)) {
                sum += figure.applyAsDouble(method.stats());
            }
            return sum;
        };
    }

    /** A percentile in seconds; NaN before the first timed call: there is none to show. */
    private DoubleSupplier percentile(String operation, double phi) {
        return () -> {
            long[] snapshot = Operations.latencies(operations.methodsOf(operation));
            long total = 0;
            for (long count : snapshot) {
                total += count;
            }
            return total == 0 ? Double.NaN : LatencyHistogram.percentileNanos(snapshot, phi) / NANOS_PER_SECOND;
        };
    }

    @Override
    public synchronized void close() {
        if (registrar != null) {
            registrar.close();
        }
        if (jmx != null) {
            jmx.close();
        }
    }
}
