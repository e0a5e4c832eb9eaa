package io.autobot.optimizer.samples.pipeline;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * How much work each operation was asked for and how much it really did: callers count the items
 * they request, method bodies count the items they compute. The difference is what the agent
 * answered without running the code (cache hits), which the sample can show without the agent's
 * management plane.
 */
public final class WorkCounters {

    public static final String COMPONENT_ANALYSIS = "component_analysis";
    public static final String PATTERN_VALIDATION = "pattern_validation";
    public static final String API_VALIDATION = "api_validation";
    public static final String SEARCH = "search";
    public static final String MULTI_LAYER_VALIDATION = "multi_layer_validation";

    /** The five operations, in pipeline order. */
    public static final List<String> OPERATIONS =
            List.of(COMPONENT_ANALYSIS, PATTERN_VALIDATION, API_VALIDATION, SEARCH, MULTI_LAYER_VALIDATION);

    private final Map<String, LongAdder> requested = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> computed = new ConcurrentHashMap<>();

    /** A caller asked for {@code items} results of the operation. */
    public void recordRequested(String operation, long items) {
        requested.computeIfAbsent(operation, key -> new LongAdder()).add(items);
    }

    /** A method body computed one result of the operation. */
    public void recordComputed(String operation) {
        recordComputed(operation, 1);
    }

    /** A method body computed {@code items} results of the operation (a chunk of a split call, say). */
    public void recordComputed(String operation, long items) {
        computed.computeIfAbsent(operation, key -> new LongAdder()).add(items);
    }

    public long requested(String operation) {
        LongAdder adder = requested.get(operation);
        return adder == null ? 0 : adder.sum();
    }

    public long computed(String operation) {
        LongAdder adder = computed.get(operation);
        return adder == null ? 0 : adder.sum();
    }

    /** Requested and computed per operation, in pipeline order. */
    public Map<String, long[]> snapshot() {
        Map<String, long[]> snapshot = new LinkedHashMap<>();
        for (String operation : OPERATIONS) {
            snapshot.put(operation, new long[] {requested(operation), computed(operation)});
        }
        return snapshot;
    }
}
