package io.autobot.optimizer.api;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@link AutoBot#benchmarkOperation} measured.
 *
 * @param executionTime seconds per run, averaged over the runs
 * @param allocatedBytes bytes the calling thread allocated per run, averaged; -1 when the JVM cannot tell
 * @param memoryDelta heap in use after the runs minus before, in bytes (garbage included, so only a hint)
 * @param iterations how many times the operation ran
 * @param result what the last run returned
 * @param <R> the operation's result type
 */
public record BenchmarkResult<R>(double executionTime, long allocatedBytes, long memoryDelta, int iterations,
        R result) {

    /** The figures by name: {@code execution_time}, {@code memory_allocated}, ... */
    public Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("execution_time", executionTime);
        map.put("memory_allocated", allocatedBytes);
        map.put("memory_delta", memoryDelta);
        map.put("iterations", iterations);
        return map;
    }
}
