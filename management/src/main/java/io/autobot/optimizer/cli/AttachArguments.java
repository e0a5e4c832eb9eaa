package io.autobot.optimizer.cli;

import io.autobot.optimizer.agent.config.ConfigLoader;
import io.autobot.optimizer.agent.config.Setting;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Checks settings given on the command line before anything is sent to the target, with the
 * agent's own parsers, so that a bad value is one line here and not a warning in the target's
 * log. Paths are made absolute: the target resolves them against its own working directory.
 */
final class AttachArguments {

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
        List<String> problems = new ArrayList<>();
        ConfigLoader.load(arguments, Map.of(), new Properties(), problems::add);
        for (String pair : pairs) {
            Setting<?> setting = Setting.find(pair.substring(0, Math.max(0, pair.indexOf('='))));
            if (setting == Setting.RULES && !Files.isRegularFile(Path.of(value(pair)))) {
                problems.add("rules file '" + value(pair) + "' does not exist: expected the path of a rules file");
            }
        }
        if (!problems.isEmpty()) {
            throw CliException.invalidValue(String.join("; ", problems));
        }
        return arguments;
    }

    /**
     * Checks one setting's value with the agent's parser and returns it in canonical form.
     *
     * @throws CliException (usage) saying what is accepted
     */
    static String checkValue(String key, String text) {
        return canonical(Setting.find(key), text);
    }

    private static <T> String canonical(Setting<T> setting, String text) {
        try {
            return setting.format(setting.parse(text));
        } catch (IllegalArgumentException e) {
            throw CliException.invalidValue(e.getMessage());
        }
    }

    /** A path-valued setting with its path made absolute; other pairs as they are. */
    private static String absolute(String pair) {
        int equals = pair.indexOf('=');
        if (equals <= 0) {
            return pair;
        }
        String key = pair.substring(0, equals).trim();
        Setting<?> setting = Setting.find(key);
        boolean path = key.equalsIgnoreCase(ConfigLoader.CONFIG_KEY) || setting == Setting.RULES
                || setting == Setting.DISK_CACHE_PATH || setting == Setting.EXPORT_DIR;
        String value = value(pair);
        if (!path || value.isEmpty()) {
            return pair;
        }
        return key + "=" + Path.of(value).toAbsolutePath().normalize();
    }

    private static String value(String pair) {
        return pair.substring(pair.indexOf('=') + 1).trim();
    }
}
