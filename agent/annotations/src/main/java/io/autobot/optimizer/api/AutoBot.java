package io.autobot.optimizer.api;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * {@code false} and every other method throws {@link AgentNotAttachedException}.
 */
public final class AutoBot {

    /** The name of the agent's main MXBean. */
    public static final String OPTIMIZER_BEAN = "io.autobot.optimizer:type=Optimizer";

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

    /** The performance report (the guide's {@code get_performance_report}) as nested maps. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> performanceReport() {
        return (Map<String, Object>) toJava(get("PerformanceReport"));
    }

    /** Cache statistics per tier (the guide's {@code get_cache_statistics}) as nested maps. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> cacheStatistics() {
        return (Map<String, Object>) toJava(get("CacheStatistics"));
    }

    /** What the agent recommends changing, each naming the figure that triggered it. */
    public static List<String> recommendations() {
        Object value = get("Recommendations");
        return value == null ? List.of() : List.of((String[]) value);
    }

    /**
     * Writes the performance data as JSON to {@code fileName} inside the agent's export
     * directory and returns the absolute path written.
     */
    public static String exportPerformanceData(String fileName) {
        return String.valueOf(invoke("exportPerformanceData", new Object[] {fileName},
                new String[] {String.class.getName()}));
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

    private static MBeanServer server() {
        return ManagementFactory.getPlatformMBeanServer();
    }

    private static ObjectName optimizerName() {
        try {
            return new ObjectName(OPTIMIZER_BEAN);
        } catch (MalformedObjectNameException e) {
            throw new AssertionError(e);
        }
    }

}
