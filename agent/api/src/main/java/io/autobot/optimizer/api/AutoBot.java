package io.autobot.optimizer.api;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.management.Attribute;
import javax.management.InstanceNotFoundException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import javax.management.RuntimeMBeanException;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;

/**
 * The in-process API: read and change the agent's settings, read its report, clear its caches.
 *
 * <p>It talks to the agent's {@code io.autobot.optimizer:type=Optimizer} MXBean on the platform
 * MBean server, so it works whichever class loader loaded it and whether the agent was started
 * with {@code -javaagent} or attached later. Without the agent, {@link #isAttached()} is
 * {@code false}; the reports say so instead of failing ({@link #performanceReport()} holds
 * {@code agent_attached=false}, a message, and an empty {@code summary} and {@code operations}, {@link #recommendations()} the message, the cache
 * statistics are empty); what would change something (levels, strategies, clearing, scenarios,
 * export) throws {@link AgentNotAttachedException}, which says how to attach the agent.
 * {@link #benchmarkOperation} needs no agent at all.
 */
public final class AutoBot {

    /** The name of the agent's main MXBean. */
    public static final String OPTIMIZER_BEAN = "io.autobot.optimizer:type=Optimizer";

    /** The agent's system properties (the attach protocol's names): set once it runs, and while it starts. */
    private static final String STARTED_PROPERTY = "io.autobot.optimizer.started";
    private static final String STARTING_PROPERTY = "io.autobot.optimizer.starting";
    private static final long STARTING_WAIT_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(30);

    private AutoBot() {
    }

    /** Whether the agent runs in this JVM. */
    public static boolean isAttached() {
        return server().isRegistered(optimizerName());
    }

    /** The current optimization level: {@code basic}, {@code moderate} or {@code aggressive}. */
    public static String optimizationLevel() {
        return (String) get("OptimizationLevel");
    }

    /** Changes the optimization level at once. */
    public static void setOptimizationLevel(String level) {
        set("OptimizationLevel", level);
    }

    /** The current cache strategy: {@code memory}, {@code disk} or {@code hybrid}. */
    public static String cacheStrategy() {
        return (String) get("CacheStrategy");
    }

    /** Changes the cache strategy at once. */
    public static void setCacheStrategy(String strategy) {
        set("CacheStrategy", strategy);
    }

    /** Empties every cache tier. */
    public static void clearCache() {
        invoke("clearCache", new Object[0], new String[0]);
    }

    /** Applies one of the scenario presets, such as {@code large_repository_analysis}. */
    public static void applyScenario(String scenario) {
        invoke("applyScenario", new Object[] {scenario}, new String[] {String.class.getName()});
    }

    /**
     * The performance report (docs/management.md) as nested maps:
     * {@code summary} (avg_execution_time, overall_cache_hit_rate, avg_memory_usage, avg_cpu_usage,
     * throughput, optimization_effectiveness...) and {@code operations} (the same per operation).
     * Counts ({@code total_calls}, {@code cache_hits}...) are {@code Long}, rates and times
     * {@code Double}.
     * Without the agent: {@code agent_attached=false}, a {@code message}, and {@code summary} and
     * {@code operations} empty.
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> performanceReport() {
        if (!isAttached()) {
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("agent_attached", false);
            report.put("message", new AgentNotAttachedException().getMessage());
            report.put("summary", Map.of()); // code that reads a figure finds none, rather than a null map
            report.put("operations", Map.of());
            return Collections.unmodifiableMap(report);
        }
        Map<String, Object> report = new LinkedHashMap<>((Map<String, Object>) toJava(get("PerformanceReport")));
        report.put("agent_attached", true);
        return Collections.unmodifiableMap(report);
    }

    /**
     * Cache statistics per tier (docs/management.md): {@code memory_cache},
     * {@code disk_cache} to their entries, capacity, utilization, hits..., and {@code single_flight};
     * counts and bytes are {@code Long}. Empty without the agent.
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> cacheStatistics() {
        return isAttached() ? (Map<String, Object>) toJava(get("CacheStatistics")) : Map.of();
    }

    /**
     * What the agent recommends changing, each naming the figure that triggered it. Without the
     * agent, one line saying so.
     */
    public static List<String> recommendations() {
        if (!isAttached()) {
            return List.of(new AgentNotAttachedException().getMessage());
        }
        Object value = get("Recommendations");
        return value == null ? List.of() : List.of((String[]) value);
    }

    /**
     * Runs {@code operation} on {@code data} once and measures its time and
     * allocation. Works with or without the agent.
     */
    public static <T, R> BenchmarkResult<R> benchmarkOperation(Function<T, R> operation, T data) {
        return benchmarkOperation(operation, data, 1);
    }

    /**
     * Runs {@code operation} on {@code data} {@code iterations} times on the calling thread and
     * measures the time and the memory one run takes on average. What the operation throws
     * reaches the caller unchanged.
     */
    public static <T, R> BenchmarkResult<R> benchmarkOperation(Function<T, R> operation, T data, int iterations) {
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations=" + iterations + " is not accepted: expected 1 or more");
        }
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        com.sun.management.ThreadMXBean allocation = threads instanceof com.sun.management.ThreadMXBean
                && ((com.sun.management.ThreadMXBean) threads).isThreadAllocatedMemorySupported()
                ? (com.sun.management.ThreadMXBean) threads : null;
        long thread = Thread.currentThread().getId();
        long heapBefore = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        long allocatedBefore = allocation == null ? 0 : allocation.getThreadAllocatedBytes(thread);
        long start = System.nanoTime();
        R result = null;
        for (int i = 0; i < iterations; i++) {
            result = operation.apply(data);
        }
        long nanos = System.nanoTime() - start;
        long allocated = allocation == null ? -1
                : (allocation.getThreadAllocatedBytes(thread) - allocatedBefore) / iterations;
        long heapAfter = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        return new BenchmarkResult<>(nanos / 1e9 / iterations, allocated, heapAfter - heapBefore, iterations, result);
    }

    /**
     * Writes the performance data to {@code fileName} inside the agent's export directory and
     * returns the absolute path written: as JSON, or as the HTML page when the name ends in
     * {@code .html}.
     */
    public static String exportPerformanceData(String fileName) {
        return String.valueOf(invoke("exportPerformanceData", new Object[] {fileName},
                new String[] {String.class.getName()}));
    }

    /**
     * Writes the performance data to {@code fileName} inside the agent's export directory in
     * {@code format} and returns the absolute path written.
     *
     * @param fileName a name ending in {@code .json} for JSON, in {@code .html} for HTML
     * @param format {@code json}, or {@code html}: one self-contained page (inline CSS and SVG
     *     charts, nothing fetched from the network); null or empty: as the name ends
     * @throws IllegalArgumentException for another format, or a name outside the export directory
     *     or not ending as the format's files do
     */
    public static String exportPerformanceData(String fileName, String format) {
        return String.valueOf(invoke("exportPerformanceData", new Object[] {fileName, format},
                new String[] {String.class.getName(), String.class.getName()}));
    }

    private static Object get(String attribute) {
        try {
            return server().getAttribute(optimizerName(), attribute);
        } catch (InstanceNotFoundException e) {
            throw new AgentNotAttachedException();
        } catch (RuntimeMBeanException e) {
            throw e.getTargetException();
        } catch (JMException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static void set(String attribute, Object value) {
        try {
            server().setAttribute(optimizerName(), new Attribute(attribute, value));
        } catch (InstanceNotFoundException e) {
            throw new AgentNotAttachedException();
        } catch (RuntimeMBeanException e) {
            throw e.getTargetException();
        } catch (JMException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private static Object invoke(String operation, Object[] params, String[] signature) {
        try {
            return server().invoke(optimizerName(), operation, params, signature);
        } catch (InstanceNotFoundException e) {
            throw new AgentNotAttachedException();
        } catch (RuntimeMBeanException e) {
            throw e.getTargetException();
        } catch (JMException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** Converts open-type values (CompositeData, TabularData, arrays) into maps and lists. */
    static Object toJava(Object value) {
        return OpenData.toJava(value);
    }

    /**
     * The platform MBean server, once the agent's beans are there: an agent started with
     * {@code -javaagent} registers them on a thread of its own after {@code premain} returned, and
     * says so by {@link #STARTING_PROPERTY} until it has ({@link #STARTED_PROPERTY}); a call made
     * in that window (host code from its first line) waits for them rather than finding no agent.
     */
    private static MBeanServer server() {
        long deadline = System.nanoTime() + STARTING_WAIT_NANOS;
        while (!isSet(System.getProperty(STARTED_PROPERTY)) && isSet(System.getProperty(STARTING_PROPERTY))
                && System.nanoTime() < deadline) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return ManagementFactory.getPlatformMBeanServer();
    }

    /** The agent empties its marker properties rather than removing them (see the protocol's {@code AttachProtocol.isSet}). */
    private static boolean isSet(String marker) {
        return marker != null && !marker.isEmpty();
    }

    private static ObjectName optimizerName() {
        try {
            return new ObjectName(OPTIMIZER_BEAN);
        } catch (MalformedObjectNameException e) {
            throw new AssertionError(e);
        }
    }

}
