package io.autobot.optimizer.management.metrics.micrometer;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.TimeGauge;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;

/**
 * Registers the agent's meters on one Micrometer registry and removes them again. It knows
 * Micrometer and the JDK only, never the agent: the agent jar holds it twice, relocated with the
 * agent's own Micrometer (for the JMX view) and unrelocated, to be loaded beside the host's
 * Micrometer (for the host's global registry, see {@code HostMicrometer}). Every value is read
 * from a {@link DoubleSupplier} when the registry asks; the suppliers are held here, since
 * Micrometer holds a function meter's object weakly.
 *
 * <p>A registry whose timers keep their own distribution (the JMX view's Dropwizard timers show
 * percentiles, max and min) would show zeros for a function timer's: there a timer is published
 * as what is measured, its count and its total time in seconds (a gauge: that view's counters
 * hold whole numbers), and a time gauge in seconds.
 */
public final class MeterRegistrar implements AutoCloseable {

    private final MeterRegistry registry;
    private final boolean functionTimers;
    private final List<Meter> meters = new CopyOnWriteArrayList<>();
    private final List<DoubleSupplier> values = new CopyOnWriteArrayList<>();

    /**
     * @param registry where the meters go
     * @param functionTimers whether the registry shows a function timer as it is (count, total
     *     time); false for registries that add a distribution of their own
     */
    public MeterRegistrar(MeterRegistry registry, boolean functionTimers) {
        this.registry = registry;
        this.functionTimers = functionTimers;
    }

    /** The registrar of the global registry of the Micrometer this class was loaded with. */
    public static MeterRegistrar forGlobalRegistry() {
        return new MeterRegistrar(Metrics.globalRegistry, true);
    }

    /** A counter that only grows (until a statistics reset), read from {@code count}. */
    public void counter(String name, String[] tags, String description, String baseUnit, DoubleSupplier count) {
        values.add(count);
        meters.add(FunctionCounter.builder(name, count, DoubleSupplier::getAsDouble).tags(tags)
                .description(description).baseUnit(baseUnit).register(registry));
    }

    /** A value that goes up and down, read from {@code value}. */
    public void gauge(String name, String[] tags, String description, String baseUnit, DoubleSupplier value) {
        values.add(value);
        meters.add(Gauge.builder(name, value, DoubleSupplier::getAsDouble).tags(tags).description(description)
                .baseUnit(baseUnit).register(registry));
    }

    /** A duration in seconds, shown in the registry's own time unit where it has one. */
    public void timeGauge(String name, String[] tags, String description, DoubleSupplier seconds) {
        if (!functionTimers) {
            gauge(name, tags, description, "seconds", seconds);
            return;
        }
        values.add(seconds);
        meters.add(TimeGauge.builder(name, seconds, TimeUnit.SECONDS, DoubleSupplier::getAsDouble).tags(tags)
                .description(description).register(registry));
    }

    /** Events and the time they took in all: a count and a total in seconds. */
    public void timer(String name, String[] tags, String description, DoubleSupplier count,
            DoubleSupplier totalSeconds) {
        if (!functionTimers) {
            counter(name + ".count", tags, description, null, count);
            // a gauge: the view's counters hold whole numbers, and seconds have fractions
            gauge(name + ".sum", tags, description + " (time in all)", "seconds", totalSeconds);
            return;
        }
        values.add(count);
        values.add(totalSeconds);
        meters.add(FunctionTimer.builder(name, this, registrar -> (long) count.getAsDouble(),
                registrar -> totalSeconds.getAsDouble(), TimeUnit.SECONDS).tags(tags).description(description)
                .register(registry));
    }

    /** How many meters are registered. */
    public int size() {
        return meters.size();
    }

    /** Removes every meter registered here from the registry. */
    @Override
    public void close() {
        for (Meter meter : meters) {
            registry.remove(meter);
        }
        meters.clear();
        values.clear();
    }
}
