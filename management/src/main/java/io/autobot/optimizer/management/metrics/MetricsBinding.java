package io.autobot.optimizer.management.metrics;

import io.autobot.optimizer.agent.cache.ResultCache;
import io.autobot.optimizer.agent.cache.TierStatistics;
import io.autobot.optimizer.agent.call.LatencyHistogram;
import io.autobot.optimizer.management.report.Counters;
import io.autobot.optimizer.management.report.Operations;
import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.jmx.JmxConfig;
import io.micrometer.jmx.JmxMeterRegistry;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * The agent's figures as Micrometer meters on a JMX registry, under the domain
 * {@value #DOMAIN} (apart from the contract beans). Cache meters are named as Micrometer's own
 * cache binders name them ({@code cache.gets} tagged {@code result=hit|miss}, {@code cache.size},
 * {@code cache.evictions}, tagged {@code cache=<tier>}); each operation has a function timer
 * {@code autobot.operation} over its timed calls, a counter {@code autobot.operation.calls} of all
 * its calls and {@code autobot.operation.percentile} gauges tagged {@code phi}. The meters read
 * the engine's counters when JMX asks: nothing is recorded twice.
 */
public final class MetricsBinding implements AutoCloseable {

    public static final String DOMAIN = "io.autobot.optimizer.metrics";
    private static final double[] PHIS = {0.5, 0.95, 0.99};

    private final JmxMeterRegistry registry;
    private final ResultCache cache;
    private final Operations operations;
    private final Set<String> tiers = ConcurrentHashMap.newKeySet();
    private final Set<String> boundOperations = ConcurrentHashMap.newKeySet();

    public MetricsBinding(ResultCache cache, Operations operations) {
        this.cache = cache;
        this.operations = operations;
        this.registry = new JmxMeterRegistry(new JmxConfig() {
            @Override
            public String get(String key) {
                return null;
            }

            @Override
            public String domain() {
                return DOMAIN;
            }
        }, Clock.SYSTEM);
    }

    /** Adds the meters of tiers and operations that appeared since the last call. */
    public void bindNew(Set<String> operationNames) {
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

    private void bindTier(String tier) {
        FunctionCounter.builder("cache.gets", this, binding -> binding.tier(tier).hits())
                .tags("cache", tier, "result", "hit").description("lookups that found a value")
                .register(registry);
        FunctionCounter.builder("cache.gets", this, binding -> binding.tier(tier).misses())
                .tags("cache", tier, "result", "miss").description("lookups that found none")
                .register(registry);
        Gauge.builder("cache.size", this, binding -> binding.tier(tier).entries())
                .tags("cache", tier).description("entries in the cache").register(registry);
        FunctionCounter.builder("cache.evictions", this, binding -> binding.tier(tier).evictions())
                .tags("cache", tier).description("entries evicted for capacity or expiry").register(registry);
    }

    private TierStatistics tier(String name) {
        for (TierStatistics statistics : cache.statistics()) {
            if (statistics.tier().equals(name)) {
                return statistics;
            }
        }
        return new TierStatistics(name, 0, 0, 0, 0, 0, -1, 0);
    }

    private void bindOperation(String operation) {
        FunctionTimer.builder("autobot.operation", this, binding -> binding.counters(operation).calls()
                        - binding.counters(operation).fastHits(),
                binding -> binding.counters(operation).callNanos(), TimeUnit.NANOSECONDS)
                .tags("operation", operation).description("calls that ran through the policies (cache misses and"
                        + " uncached calls)").register(registry);
        FunctionCounter.builder("autobot.operation.calls", this, binding -> binding.counters(operation).calls())
                .tags("operation", operation).description("every call, cache hits included").register(registry);
        FunctionCounter.builder("autobot.operation.hits", this, binding -> binding.counters(operation).hits())
                .tags("operation", operation).description("calls answered from the cache").register(registry);
        for (double phi : PHIS) {
            ToDoubleFunction<MetricsBinding> percentile = binding -> LatencyHistogram.percentileNanos(
                    Operations.latencies(binding.operations.methodsOf(operation)), phi);
            TimeGauge.builder("autobot.operation.percentile", this, TimeUnit.NANOSECONDS, percentile)
                    .tags("operation", operation, "phi", String.valueOf(phi)).register(registry);
        }
    }

    private Counters counters(String operation) {
        return Operations.counters(operations.methodsOf(operation));
    }

    @Override
    public void close() {
        registry.close();
    }
}
