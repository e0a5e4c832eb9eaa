package io.autobot.optimizer.agent.config;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The operation profiles in force: the five built-in ones (docs/configuration.md), overridden from the
 * configuration ({@code profile.<operation>.<key>=value}) and changed live through JMX.
 */
public final class OperationProfiles {

    /** The built-in profiles, keyed by operation name. */
    public static final Map<String, OperationProfile> BUILT_IN = builtIn();

    private final Map<String, OperationProfile> profiles = new ConcurrentHashMap<>(BUILT_IN);

    /** The profile of an operation; the default profile for unknown names and {@code null}. */
    public OperationProfile get(String operation) {
        if (operation == null || operation.isEmpty()) {
            return OperationProfile.DEFAULT;
        }
        return profiles.getOrDefault(operation, OperationProfile.DEFAULT);
    }

    /**
     * Changes one key of an operation's profile (creating the profile from the default for a
     * custom operation).
     *
     * @throws IllegalArgumentException naming the key and what it accepts
     */
    public void set(String operation, String key, String value) {
        profiles.compute(operation, (name, current) ->
                (current == null ? OperationProfile.DEFAULT : current).with(key, value));
    }

    /** Every profile that is defined, built-in or custom. */
    public Map<String, OperationProfile> all() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(profiles));
    }

    private static Map<String, OperationProfile> builtIn() {
        long twoMb = 2L * 1024 * 1024;
        Map<String, OperationProfile> map = new LinkedHashMap<>();
        // The built-in profiles, as docs/configuration.md lists them.
        map.put("component_analysis",
                new OperationProfile(Duration.ofHours(2), 5, twoMb, null, Duration.ZERO, false));
        map.put("pattern_validation",
                new OperationProfile(Duration.ofHours(1), 5, twoMb, 20, Duration.ofSeconds(120), false));
        map.put("api_validation",
                new OperationProfile(Duration.ofMinutes(10), 5, twoMb, null, Duration.ofSeconds(30), true));
        map.put("search",
                new OperationProfile(Duration.ofMinutes(30), 2, twoMb, null, Duration.ofSeconds(60), true));
        map.put("multi_layer_validation",
                new OperationProfile(Duration.ofHours(1), 2, twoMb, null, Duration.ofSeconds(300), false));
        return Collections.unmodifiableMap(map);
    }
}
