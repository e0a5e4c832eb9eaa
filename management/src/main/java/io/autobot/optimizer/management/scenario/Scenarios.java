package io.autobot.optimizer.management.scenario;

import io.autobot.optimizer.agent.config.RuntimeSettings;
import io.autobot.optimizer.agent.config.Setting;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The four scenario presets and the settings each applies (docs/management.md). The
 * {@code api_heavy_workload} preset also asks for connection pooling: the agent does not own the
 * host's HTTP clients, so pooling stays the host's concern and applying the preset says so.
 */
public final class Scenarios {

    /** Scenario name to the settings it applies, in the documented order. */
    public static final Map<String, Map<Setting<?>, String>> PRESETS = presets();

    private static final String POOLING_NOTE = "connection pooling is the host's concern (configure its HTTP client);"
            + " the agent does not manage connections";

    private Scenarios() {
    }

    /**
     * Applies a preset.
     *
     * @return what was set, as {@code ENV_VAR=value} pairs
     * @throws IllegalArgumentException for an unknown name, listing the accepted ones; nothing changes
     */
    public static String apply(String name, RuntimeSettings settings) {
        String key = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        Map<Setting<?>, String> preset = PRESETS.get(key);
        if (preset == null) {
            throw new IllegalArgumentException("unknown scenario '" + name + "': expected one of "
                    + String.join(", ", PRESETS.keySet()));
        }
        StringJoiner applied = new StringJoiner(", ", key + ": ", "");
        for (Map.Entry<Setting<?>, String> entry : preset.entrySet()) {
            settings.set(entry.getKey().key(), entry.getValue());
            applied.add(entry.getKey().environmentVariable() + "=" + entry.getValue());
        }
        String result = applied.toString();
        return key.equals("api_heavy_workload") ? result + "; " + POOLING_NOTE : result;
    }

    private static Map<String, Map<Setting<?>, String>> presets() {
        Map<String, Map<Setting<?>, String>> presets = new LinkedHashMap<>();
        presets.put("large_repository_analysis", settings(Setting.LEVEL, "aggressive", Setting.CACHE_STRATEGY, "hybrid",
                Setting.PARALLEL, "true", Setting.BATCH_PROCESSING, "true"));
        presets.put("real_time_validation", settings(Setting.LEVEL, "moderate", Setting.CACHE_STRATEGY, "memory",
                Setting.REQUEST_THROTTLING, "true"));
        presets.put("batch_processing", settings(Setting.LEVEL, "basic", Setting.CACHE_STRATEGY, "disk",
                Setting.BATCH_PROCESSING, "true"));
        presets.put("api_heavy_workload", settings(Setting.REQUEST_THROTTLING, "true",
                Setting.BATCH_PROCESSING, "true"));
        return java.util.Collections.unmodifiableMap(presets);
    }

    private static Map<Setting<?>, String> settings(Object... pairs) {
        Map<Setting<?>, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((Setting<?>) pairs[i], (String) pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }
}
