package io.autobot.optimizer.agent.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The settings resolved at start-up from every source, with where each value came from. The
 * live, changeable state is {@link RuntimeSettings}; this is its starting point.
 */
public final class AgentConfig {

    private final Map<Setting<?>, Object> values;
    private final Map<Setting<?>, String> origins;
    private final List<String[]> profileOverrides;

    AgentConfig(Map<Setting<?>, Object> values, Map<Setting<?>, String> origins, List<String[]> profileOverrides) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        this.origins = Collections.unmodifiableMap(new LinkedHashMap<>(origins));
        this.profileOverrides = List.copyOf(profileOverrides);
    }

    /** A configuration with every setting at its default. */
    public static AgentConfig defaults() {
        return ConfigLoader.load(null, Map.of(), new java.util.Properties(), problem -> { });
    }

    /** The value in force for a setting. */
    @SuppressWarnings("unchecked")
    public <T> T get(Setting<T> setting) {
        return (T) values.getOrDefault(setting, setting.defaultValue());
    }

    /** Where a setting's value came from: default, config file, environment, system property or agent argument. */
    public String origin(Setting<?> setting) {
        return origins.getOrDefault(setting, ConfigLoader.DEFAULT);
    }

    /** The {@code profile.<operation>.<key>=value} overrides, in the order they apply: operation, key, value. */
    public List<String[]> profileOverrides() {
        return profileOverrides;
    }

    /** Builds the operation profiles with the overrides applied. */
    public OperationProfiles profiles() {
        OperationProfiles profiles = new OperationProfiles();
        for (String[] override : profileOverrides) {
            profiles.set(override[0], override[1], override[2]);
        }
        return profiles;
    }
}
