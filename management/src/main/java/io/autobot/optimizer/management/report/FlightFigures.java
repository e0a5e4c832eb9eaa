package io.autobot.optimizer.management.report;

import io.autobot.optimizer.agent.cache.FlightStatistics;
import io.autobot.optimizer.management.opendata.Composites;
import io.autobot.optimizer.management.opendata.Figure;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.CompositeDataView;
import javax.management.openmbean.CompositeType;

/** The single flight's figures in {@code CacheStatistics} (docs/caching.md#single-flight). */
public record FlightFigures(
        @Figure(value = "Callers that waited for another caller's run of the same key", units = "calls")
        long waits,
        @Figure(value = "Waiters that gave up at the time limit and ran their own call", units = "calls")
        long waits_timed_out,
        @Figure(value = "Waiters interrupted while waiting; they ran their own call", units = "calls")
        long waits_interrupted) implements CompositeDataView {

    public static FlightFigures of(FlightStatistics flights) {
        return new FlightFigures(flights.waits(), flights.timedOut(), flights.interrupted());
    }

    @Override
    public CompositeData toCompositeData(CompositeType type) {
        return Composites.of(this, type);
    }
}
