package io.autobot.optimizer.cli;

import io.autobot.optimizer.protocol.settings.AgentArguments;
import io.autobot.optimizer.protocol.settings.Catalogue;
import io.autobot.optimizer.protocol.settings.SettingDef;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Checks settings given on the command line before anything is sent to the target, with the
 * settings catalogue the agent parses with, so that a bad value is one line here and not a warning
 * in the target's log. Paths are made absolute: the target resolves them against its own working
 * directory. Per-operation keys ({@code profile.<operation>.<key>}) are checked by the agent,
 * which reports them in its answer.
 */
final class AttachArguments {

    /** The agent argument naming a config file (docs/configuration.md). */
    static final String CONFIG_KEY = "config";
    private static final String PROFILE_PREFIX = "profile.";

    private AttachArguments() {
    }

    /**
     * Turns {@code key=value} words (each may hold several, comma-separated) into agent arguments.
     *
     * @throws CliException (usage) naming every bad setting
     */
    static String check(List<String> words) {
        List<String> pairs = new ArrayList<>();
        if (words != null) {
            for (String word : words) {
                for (String pair : word.split(",")) {
                    if (!pair.isBlank()) {
                        pairs.add(absolute(pair.trim()));
                    }
                }
            }
        }
        String arguments = String.join(",", pairs);
        AgentArguments parsed = AgentArguments.parse(arguments);
        List<String> problems = new ArrayList<>(parsed.problems());
        for (Map.Entry<String, String> pair : parsed.values().entrySet()) {
            checkPair(pair.getKey(), pair.getValue(), "", problems);
            if (pair.getKey().equalsIgnoreCase(CONFIG_KEY)) {
                checkConfigFile(pair.getValue(), problems);
            }
        }
        if (!problems.isEmpty()) {
            throw CliException.invalidValue(String.join("; ", problems));
        }
        return arguments;
    }

    private static void checkPair(String key, String value, String where, List<String> problems) {
        if (key.equalsIgnoreCase(CONFIG_KEY) || key.startsWith(PROFILE_PREFIX)) {
            return;
        }
        SettingDef setting = Catalogue.find(key);
        if (setting == null) {
            problems.add("unknown setting '" + key + "'" + where + ": expected one of " + knownKeys());
            return;
        }
        try {
            setting.parse(value);
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage() + where);
            return;
        }
        if (setting == Catalogue.RULES && where.isEmpty() && !Files.isRegularFile(Path.of(value))) {
            problems.add("rules file '" + value + "' does not exist: expected the path of a rules file");
        }
    }

    private static void checkConfigFile(String location, List<String> problems) {
        Path path = Path.of(location);
        Properties file = new Properties();
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            file.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            problems.add("config file '" + path + "' cannot be read ("
                    + (e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.getMessage())
                    + "): expected a readable properties file of key=value lines");
            return;
        }
        for (String name : file.stringPropertyNames()) {
            checkPair(name, file.getProperty(name), " (config file " + path + ")", problems);
        }
    }

    /**
     * Checks one setting's value with the catalogue and returns it in canonical form.
     *
     * @throws CliException (usage) saying what is accepted
     */
    static String checkValue(SettingDef setting, String text) {
        try {
            return setting.format(setting.parse(text));
        } catch (IllegalArgumentException e) {
            throw CliException.invalidValue(e.getMessage());
        }
    }

    /** {@link #checkValue(SettingDef, String)} by key, such as {@code level}. */
    static String checkValue(String key, String text) {
        return checkValue(Catalogue.find(key), text);
    }

    private static String knownKeys() {
        List<String> keys = new ArrayList<>();
        for (SettingDef setting : Catalogue.all()) {
            keys.add(setting.key());
        }
        return String.join(", ", keys) + ", config, profile.<operation>.<key>";
    }

    /** A path-valued setting with its path made absolute; other pairs as they are. */
    private static String absolute(String pair) {
        int equals = pair.indexOf('=');
        if (equals <= 0) {
            return pair;
        }
        String key = pair.substring(0, equals).trim();
        SettingDef setting = Catalogue.find(key);
        boolean path = key.equalsIgnoreCase(CONFIG_KEY)
                || setting != null && setting.type() == SettingDef.Type.PATH;
        String value = pair.substring(equals + 1).trim();
        if (!path || value.isEmpty()) {
            return pair;
        }
        return key + "=" + Path.of(value).toAbsolutePath().normalize();
    }
}
