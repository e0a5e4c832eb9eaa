package io.autobot.optimizer.management.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.management.ConstructorParameters;

/**
 * The performance report (docs/management.md): a summary and the same figures per operation,
 * under the report's keys ({@code avg_execution_time}, {@code overall_cache_hit_rate}...). Over JMX
 * it is a {@code CompositeData} whose maps are {@code TabularData} of key and value, so any JMX
 * client reads it without the agent's classes.
 */
public final class PerformanceReport {

    private final Map<String, Double> summary;
    private final Map<String, Map<String, Double>> operations;
    private final String generatedAt;

    @ConstructorParameters({"summary", "operations", "generatedAt"})
    public PerformanceReport(Map<String, Double> summary, Map<String, Map<String, Double>> operations,
            String generatedAt) {
        this.summary = Collections.unmodifiableMap(new LinkedHashMap<>(summary));
        this.operations = Collections.unmodifiableMap(new LinkedHashMap<>(operations));
        this.generatedAt = generatedAt;
    }

    /** The whole JVM's figures. */
    public Map<String, Double> getSummary() {
        return summary;
    }

    /** Operation name to its figures. */
    public Map<String, Map<String, Double>> getOperations() {
        return operations;
    }

    /** When the report was made, ISO-8601. */
    public String getGeneratedAt() {
        return generatedAt;
    }

    /** A summary figure, NaN when absent. */
    public double summary(String key) {
        Double value = summary.get(key);
        return value == null ? Double.NaN : value;
    }
}
