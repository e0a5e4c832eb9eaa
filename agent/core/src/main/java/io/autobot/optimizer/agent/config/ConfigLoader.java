package io.autobot.optimizer.agent.config;

import io.autobot.optimizer.protocol.settings.AgentArguments;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;

/**
 * Resolves the settings from their sources. From lowest to highest precedence: defaults, the
 * config file, environment variables, system properties ({@code -Dautobot.<key>}), agent
 * arguments ({@code -javaagent:autobot-agent.jar=level=aggressive,cache=memory}).
 *
 * <p>A bad value is reported as one line naming the setting, the value, its source and what is
 * accepted; the next source down (in the end the default) applies instead. The host is never
 * stopped by a configuration problem.
 */
public final class ConfigLoader {

    static final String DEFAULT = "default";
    static final String FILE = "config file";
    static final String ENVIRONMENT = "environment";
    static final String SYSTEM_PROPERTY = "system property";
    static final String AGENT_ARGUMENT = "agent argument";

    /** The agent-argument key, system property and environment variable that name the config file. */
    public static final String CONFIG_KEY = "config";
    public static final String CONFIG_PROPERTY = "autobot.config";
    public static final String CONFIG_ENV = "AUTOBOT_CONFIG";

    private static final String PROFILE_PREFIX = "profile.";

    private ConfigLoader() {
    }

    /** Loads from this process's environment and system properties. */
    public static AgentConfig load(String agentArgs, Consumer<String> problems) {
        return load(agentArgs, System.getenv(), System.getProperties(), problems);
    }

    /**
     * Loads the configuration.
     *
     * @param agentArgs the text after {@code =} in {@code -javaagent:...=}, or null
     * @param environment the environment variables
     * @param systemProperties the system properties
     * @param problems receives one line per problem found
     */
    public static AgentConfig load(String agentArgs, Map<String, String> environment, Properties systemProperties,
            Consumer<String> problems) {
        Map<String, String> arguments = parseArguments(agentArgs, problems);
        Map<String, String> properties = systemPropertiesOf(systemProperties);

        // Each source maps setting names to raw text, lowest precedence first.
        Map<String, Map<String, String>> sources = new LinkedHashMap<>();
        sources.put(FILE, readConfigFile(arguments, properties, environment, problems));
        sources.put(ENVIRONMENT, environmentOf(environment));
        sources.put(SYSTEM_PROPERTY, properties);
        sources.put(AGENT_ARGUMENT, arguments);

        Map<Setting<?>, Object> values = new HashMap<>();
        Map<Setting<?>, String> origins = new HashMap<>();
        List<String[]> profileOverrides = new ArrayList<>();
        OperationProfiles validator = new OperationProfiles();
        for (Map.Entry<String, Map<String, String>> source : sources.entrySet()) {
            for (Map.Entry<String, String> entry : source.getValue().entrySet()) {
                apply(source.getKey(), entry.getKey(), entry.getValue(), values, origins, profileOverrides, validator,
                        problems);
            }
        }
        return new AgentConfig(values, origins, profileOverrides);
    }

    private static void apply(String origin, String name, String text, Map<Setting<?>, Object> values,
            Map<Setting<?>, String> origins, List<String[]> profileOverrides, OperationProfiles validator,
            Consumer<String> problems) {
        if (name.equalsIgnoreCase(CONFIG_KEY) || name.equalsIgnoreCase(CONFIG_ENV)) {
            return;
        }
        if (name.startsWith(PROFILE_PREFIX)) {
            applyProfile(origin, name, text, profileOverrides, validator, problems);
            return;
        }
        Setting<?> setting = Setting.find(name);
        if (setting == null) {
            if (!origin.equals(ENVIRONMENT) && !origin.equals(SYSTEM_PROPERTY)) {
                problems.accept("unknown setting '" + name + "' (" + origin + ") is ignored: expected one of "
                        + knownKeys());
            }
            return;
        }
        try {
            values.put(setting, setting.parse(text));
            origins.put(setting, origin);
        } catch (IllegalArgumentException e) {
            Object current = values.getOrDefault(setting, setting.defaultValue());
            problems.accept(e.getMessage() + " (" + origin + "); using " + format(setting, current) + " ("
                    + origins.getOrDefault(setting, DEFAULT) + ")");
        }
    }

    private static void applyProfile(String origin, String name, String text, List<String[]> overrides,
            OperationProfiles validator, Consumer<String> problems) {
        String rest = name.substring(PROFILE_PREFIX.length());
        int dot = rest.lastIndexOf('.');
        if (dot <= 0 || dot == rest.length() - 1) {
            problems.accept("setting '" + name + "' (" + origin + ") is ignored: expected profile.<operation>.<key>"
                    + " with a key among " + OperationProfile.KEYS.keySet());
            return;
        }
        String operation = rest.substring(0, dot);
        String key = rest.substring(dot + 1);
        try {
            validator.set(operation, key, text);
            overrides.add(new String[] {operation, key, text});
        } catch (IllegalArgumentException e) {
            problems.accept(name + ": " + e.getMessage() + " (" + origin + "); the profile keeps its value");
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> String format(Setting<T> setting, Object value) {
        return setting.format((T) value);
    }

    private static String knownKeys() {
        StringBuilder keys = new StringBuilder();
        for (Setting<?> setting : Setting.all()) {
            keys.append(keys.length() == 0 ? "" : ", ").append(setting.key());
        }
        return keys + ", config, profile.<operation>.<key>";
    }

    /** Parses {@code key=value,key=value} with the one parser of agent arguments; a bare word is reported. */
    static Map<String, String> parseArguments(String agentArgs, Consumer<String> problems) {
        AgentArguments parsed = AgentArguments.parse(agentArgs);
        parsed.problems().forEach(problems);
        return new LinkedHashMap<>(parsed.values());
    }

    private static Map<String, String> systemPropertiesOf(Properties properties) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String name : properties.stringPropertyNames()) {
            if (name.startsWith(Setting.SYSTEM_PROPERTY_PREFIX)) {
                map.put(name.substring(Setting.SYSTEM_PROPERTY_PREFIX.length()), properties.getProperty(name));
            }
        }
        return map;
    }

    private static Map<String, String> environmentOf(Map<String, String> environment) {
        Map<String, String> map = new LinkedHashMap<>();
        for (Setting<?> setting : Setting.all()) {
            String value = environment.get(setting.environmentVariable());
            if (value != null) {
                map.put(setting.environmentVariable(), value);
            }
        }
        return map;
    }

    private static Map<String, String> readConfigFile(Map<String, String> arguments, Map<String, String> properties,
            Map<String, String> environment, Consumer<String> problems) {
        String location = arguments.get(CONFIG_KEY);
        String origin = AGENT_ARGUMENT + " " + CONFIG_KEY;
        if (location == null) {
            location = properties.get(CONFIG_KEY);
            origin = SYSTEM_PROPERTY + " " + CONFIG_PROPERTY;
        }
        if (location == null) {
            location = environment.get(CONFIG_ENV);
            origin = ENVIRONMENT + " " + CONFIG_ENV;
        }
        Map<String, String> map = new LinkedHashMap<>();
        if (location == null || location.isBlank()) {
            return map;
        }
        Path path = Path.of(location.trim());
        Properties file = new Properties();
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            file.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            problems.accept("config file '" + path.toAbsolutePath() + "' (" + origin + ") cannot be read ("
                    + (e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.getMessage())
                    + "): expected a readable properties file of key=value lines; using the other sources");
            return map;
        }
        for (String name : file.stringPropertyNames()) {
            map.put(name, file.getProperty(name));
        }
        return map;
    }
}
