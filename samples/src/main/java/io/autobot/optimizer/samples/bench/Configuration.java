package io.autobot.optimizer.samples.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One way of running the workload: with or without the agent, and the agent's settings as the
 * documented environment variables.
 *
 * @param name the name in tables and JSON
 * @param label what the tables call it
 * @param agent whether the child JVM gets {@code -javaagent}
 * @param env the settings, such as {@code OPTIMIZATION_LEVEL=moderate}
 * @param diskPath the {@code DISK_CACHE_PATH} key: configurations with the same key share the
 *        directory within a repetition (the warm restart); null for a fresh directory
 */
public record Configuration(String name, String label, boolean agent, Map<String, String> env, String diskPath) {

    static Configuration without() {
        return new Configuration("without", "Without Optimization", false, Map.of(), null);
    }

    static Configuration agent(String name, String label, String level, String strategy, String diskPath) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("OPTIMIZATION_LEVEL", level);
        env.put("CACHE_STRATEGY", strategy);
        return new Configuration(name, label, true, env, diskPath);
    }
}
