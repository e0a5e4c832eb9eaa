package io.autobot.optimizer.management.report;

import io.autobot.optimizer.management.opendata.Composites;
import io.autobot.optimizer.management.opendata.Figure;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.CompositeDataView;
import javax.management.openmbean.CompositeType;

/**
 * The performance report (docs/management.md): a summary and the same figures per operation,
 * under the report's keys ({@code avg_execution_time}, {@code overall_cache_hit_rate}...). Over JMX
 * it is a {@code CompositeData}: {@code summary} a composite of named figures, {@code operations}
 * a {@code TabularData} of operation name to such a composite, so any JMX client reads it without
 * the agent's classes and JConsole shows each as one table.
 */
public record PerformanceReport(
        @Figure("The whole JVM's figures")
        ReportSummary summary,
        @Figure("Each operation's figures, by operation name")
        Map<String, OperationSummary> operations,
        @Figure("When the report was made, ISO-8601")
        String generatedAt) implements CompositeDataView {

    public PerformanceReport {
        operations = Collections.unmodifiableMap(new LinkedHashMap<>(operations));
    }

    @Override
    public CompositeData toCompositeData(CompositeType type) {
        return Composites.of(this, type);
    }
}
