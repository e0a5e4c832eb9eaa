package io.autobot.optimizer.management.report;

import io.autobot.optimizer.agent.call.LatencyHistogram;
import io.autobot.optimizer.agent.call.MethodMeta;
import io.autobot.optimizer.agent.engine.Engine;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The instrumented methods grouped by the operation they report under. */
public final class Operations {

    private final Engine engine;

    public Operations(Engine engine) {
        this.engine = engine;
    }

    /** Operation name to its methods, sorted by name. */
    public Map<String, List<MethodMeta>> byName() {
        Map<String, List<MethodMeta>> groups = new TreeMap<>();
        for (MethodMeta method : engine.registry().all()) {
            groups.computeIfAbsent(method.operation(), name -> new ArrayList<>()).add(method);
        }
        return groups;
    }

    /** The methods of one operation; empty when none. */
    public List<MethodMeta> methodsOf(String operation) {
        List<MethodMeta> methods = new ArrayList<>();
        for (MethodMeta method : engine.registry().all()) {
            if (method.operation().equals(operation)) {
                methods.add(method);
            }
        }
        return methods;
    }

    /** The counters of these methods, added up. */
    public static Counters counters(List<MethodMeta> methods) {
        Counters total = Counters.ZERO;
        for (MethodMeta method : methods) {
            total = total.plus(Counters.of(method.stats()));
        }
        return total;
    }

    /** The call-time histogram of these methods, merged. */
    public static long[] latencies(List<MethodMeta> methods) {
        long[] merged = null;
        for (MethodMeta method : methods) {
            long[] one = method.stats().latencies().snapshot();
            if (merged == null) {
                merged = one;
            } else {
                for (int i = 0; i < merged.length; i++) {
                    merged[i] += one[i];
                }
            }
        }
        return merged == null ? new LatencyHistogram().snapshot() : merged;
    }

    /** The figures of these methods, with the throughput measured for them. */
    public static OperationFigures figures(List<MethodMeta> methods, double throughput) {
        long[] latencies = latencies(methods);
        return new OperationFigures(methods.size(), counters(methods),
                LatencyHistogram.percentileNanos(latencies, 0.50) / 1e9,
                LatencyHistogram.percentileNanos(latencies, 0.95) / 1e9,
                LatencyHistogram.percentileNanos(latencies, 0.99) / 1e9, throughput);
    }
}
