package io.autobot.optimizer.it.hosts;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Test scaffolding for builds without the management plane: a stand-in for the agent's
 * {@code io.autobot.optimizer:type=Optimizer} MXBean with the contract's names, registered by a
 * host only while the agent runs and the real bean is absent. It reads and changes the running
 * agent's settings through {@code AgentRuntime} (on the system class path once the agent is
 * attached), so a CLI change really changes the agent. Where the real bean exists it is used and
 * this one is never registered.
 */
public final class TestOptimizerBean implements TestOptimizerMXBean {

    private static final String NAME = "io.autobot.optimizer:type=Optimizer";
    private static TestOptimizerBean registered;

    /**
     * Registers this bean when the agent runs without its own, unregisters it when the agent is
     * gone. Answers {@code bean=real|test|none}.
     */
    static synchronized Map<String, Object> sync() {
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            ObjectName name = new ObjectName(NAME);
            boolean agent = System.getProperty("io.autobot.optimizer.started") != null;
            if (!agent && registered != null) {
                server.unregisterMBean(name);
                registered = null;
            }
            if (agent && registered == null && !server.isRegistered(name)) {
                registered = new TestOptimizerBean();
                server.registerMBean(registered, name);
            }
            String kind = registered != null ? "test" : server.isRegistered(name) ? "real" : "none";
            return Map.of("bean", kind);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    // --- the agent, by reflection ---

    private static Object runtime() {
        Object runtime = call(null, "io.autobot.optimizer.agent.AgentRuntime", "current");
        if (runtime == null) {
            throw new IllegalStateException("the agent is not running");
        }
        return runtime;
    }

    private static Object call(Object target, String className, String method, Object... args) {
        try {
            Class<?> type = target != null ? target.getClass() : Class.forName(className);
            for (Method candidate : type.getMethods()) {
                if (candidate.getName().equals(method) && candidate.getParameterCount() == args.length) {
                    return candidate.invoke(target, args);
                }
            }
            throw new IllegalStateException("no method " + method);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException) {
                throw (RuntimeException) e.getCause();
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object settings() {
        return call(runtime(), null, "settings");
    }

    private static String get(String key) {
        Object setting = call(null, "io.autobot.optimizer.agent.config.Setting", "find", key);
        Object value = call(settings(), null, "get", setting);
        return String.valueOf(call(setting, null, "format", value));
    }

    private static void set(String key, Object value) {
        Object settings = settings();
        try {
            Method set = settings.getClass().getMethod("set", String.class, String.class);
            set.invoke(settings, key, String.valueOf(value));
        } catch (InvocationTargetException e) {
            throw (RuntimeException) e.getCause(); // the agent's one-line IllegalArgumentException
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    // --- the contract ---

    @Override
    public String getOptimizationLevel() {
        return get("level");
    }

    @Override
    public void setOptimizationLevel(String value) {
        set("level", value);
    }

    @Override
    public String getCacheStrategy() {
        return get("cache");
    }

    @Override
    public void setCacheStrategy(String value) {
        set("cache", value);
    }

    @Override
    public int getMaxWorkers() {
        return Integer.parseInt(get("workers"));
    }

    @Override
    public void setMaxWorkers(int value) {
        set("workers", value);
    }

    @Override
    public boolean isParallelEnabled() {
        return Boolean.parseBoolean(get("parallel"));
    }

    @Override
    public void setParallelEnabled(boolean value) {
        set("parallel", value);
    }

    @Override
    public int getCacheSize() {
        return Integer.parseInt(get("cache.size"));
    }

    @Override
    public void setCacheSize(int value) {
        set("cache.size", value);
    }

    @Override
    public boolean isRequestThrottling() {
        return Boolean.parseBoolean(get("throttling"));
    }

    @Override
    public void setRequestThrottling(boolean value) {
        set("throttling", value);
    }

    @Override
    public double getMaxRequestsPerSecond() {
        return Double.parseDouble(get("rate"));
    }

    @Override
    public void setMaxRequestsPerSecond(double value) {
        set("rate", value);
    }

    @Override
    public boolean isBatchProcessing() {
        return Boolean.parseBoolean(get("batching"));
    }

    @Override
    public void setBatchProcessing(boolean value) {
        set("batching", value);
    }

    @Override
    public int getBatchSize() {
        return Integer.parseInt(get("batch.size"));
    }

    @Override
    public void setBatchSize(int value) {
        set("batch.size", value);
    }

    @Override
    public double getMaxBatchWaitTime() {
        Object duration = call(settings(), null, "maxBatchWaitTime");
        return ((java.time.Duration) duration).toMillis() / 1000.0;
    }

    @Override
    public void setMaxBatchWaitTime(double value) {
        set("batch.wait", value);
    }

    @Override
    public Map<String, Long> getPerformanceReport() {
        Object instrumenter = call(runtime(), null, "instrumenter");
        Map<String, Long> report = new LinkedHashMap<>();
        report.put("instrumented_methods", (long) ((List<?>) call(instrumenter, null, "instrumented")).size());
        return report;
    }

    @Override
    public Map<String, Long> getCacheStatistics() {
        Object cache = call(call(runtime(), null, "engine"), null, "cache");
        Map<String, Long> statistics = new LinkedHashMap<>();
        for (Object tier : (List<?>) call(cache, null, "statistics")) {
            statistics.put(call(tier, null, "tier") + "_entries", (Long) call(tier, null, "entries"));
        }
        return statistics;
    }

    @Override
    public String[] getRecommendations() {
        return new String[] {"test bean: no analysis behind this list"};
    }

    @Override
    public void clearCache() {
        call(call(runtime(), null, "engine"), null, "clearCache");
    }

    @Override
    public void applyScenario(String scenario) {
        if (!List.of("large_repository_analysis", "real_time_validation", "batch_processing", "api_heavy_workload")
                .contains(scenario)) {
            throw new IllegalArgumentException("unknown scenario '" + scenario + "': expected one of"
                    + " large_repository_analysis, real_time_validation, batch_processing, api_heavy_workload");
        }
        set("batching", scenario.equals("batch_processing"));
    }

    @Override
    public String exportPerformanceData(String file) {
        try {
            Path path = Path.of(get("export.dir"), file).toAbsolutePath();
            Files.createDirectories(path.getParent());
            Files.writeString(path, "{\"instrumented_methods\":" + getPerformanceReport().get("instrumented_methods")
                    + "}", StandardCharsets.UTF_8);
            return path.toString();
        } catch (IOException e) {
            throw new IllegalStateException(e.toString());
        }
    }
}
