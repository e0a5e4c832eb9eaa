package io.autobot.optimizer.agent.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * One setting of the agent: its key (agent arguments, config file), its system property
 * ({@code autobot.<key>}), its environment variable, its default and how its text is parsed.
 * The constants below are the whole catalog; {@code docs/configuration.md} lists the same.
 *
 * @param <T> the parsed type
 */
public final class Setting<T> {

    private static final List<Setting<?>> ALL = new ArrayList<>();

    public static final Setting<Level> LEVEL = define("level", "OPTIMIZATION_LEVEL", Level.MODERATE,
            Level::parse, Level::id, "one of basic, moderate, aggressive");
    public static final Setting<CacheStrategy> CACHE_STRATEGY = define("cache", "CACHE_STRATEGY",
            CacheStrategy.HYBRID, CacheStrategy::parse, CacheStrategy::id, "one of memory, disk, hybrid");
    public static final Setting<Integer> MAX_WORKERS = define("workers", "OPTIMIZATION_MAX_WORKERS", 4,
            text -> parseInt(text, 1, 1024), String::valueOf, "a whole number from 1 to 1024");
    public static final Setting<Boolean> PARALLEL = define("parallel", "OPTIMIZATION_PARALLEL", true,
            Setting::parseBoolean, String::valueOf, "true or false");
    public static final Setting<Integer> CACHE_SIZE = define("cache.size", "CACHE_SIZE", 1000,
            text -> parseInt(text, 1, 100_000_000), String::valueOf, "a whole number from 1 to 100000000");
    public static final Setting<String> DISK_CACHE_PATH = define("disk.path", "DISK_CACHE_PATH",
            "./cache/performance_cache", Setting::parsePath, Function.identity(), "a directory path");
    public static final Setting<Boolean> REQUEST_THROTTLING = define("throttling", "REQUEST_THROTTLING", true,
            Setting::parseBoolean, String::valueOf, "true or false");
    public static final Setting<Double> MAX_REQUESTS_PER_SECOND = define("rate", "MAX_REQUESTS_PER_SECOND", 100.0,
            text -> parseDouble(text, 0.001, 1_000_000_000), Setting::formatNumber,
            "a number greater than 0 (calls per second)");
    public static final Setting<Boolean> BATCH_PROCESSING = define("batching", "BATCH_PROCESSING", true,
            Setting::parseBoolean, String::valueOf, "true or false");
    public static final Setting<Integer> BATCH_SIZE = define("batch.size", "BATCH_SIZE", 10,
            text -> parseInt(text, 1, 100_000), String::valueOf, "a whole number from 1 to 100000");
    public static final Setting<Duration> MAX_BATCH_WAIT_TIME = define("batch.wait", "MAX_BATCH_WAIT_TIME",
            Duration.ofSeconds(1), text -> parseDuration(text, Duration.ofMillis(1), Duration.ofHours(1)),
            Durations::format, "a duration from 1ms to 1h (1.0 = one second, 500ms, PT2S)");
    public static final Setting<Boolean> DEBUG = define("debug", "AUTOBOT_DEBUG", false,
            Setting::parseBoolean, String::valueOf, "true or false");
    public static final Setting<String> EXPORT_DIR = define("export.dir", "AUTOBOT_EXPORT_DIR",
            "./autobot-exports", Setting::parsePath, Function.identity(), "a directory path");
    public static final Setting<String> RULES = define("rules", "AUTOBOT_RULES", "", Setting::parsePath,
            Function.identity(), "the path of a rules file (docs/attach.md)");
    public static final Setting<Boolean> AUTOTUNE = define("autotune", "AUTOBOT_AUTOTUNE", false,
            Setting::parseBoolean, String::valueOf, "true or false");
    public static final Setting<Duration> AUTOTUNE_INTERVAL = define("autotune.interval", "AUTOBOT_AUTOTUNE_INTERVAL",
            Duration.ofSeconds(60), text -> parseDuration(text, Duration.ofSeconds(1), Duration.ofHours(24)),
            Durations::format, "a duration from 1s to 24h (60s, 5m)");
    public static final Setting<Duration> ALERT_EXECUTION_TIME = define("alert.execution.time",
            "AUTOBOT_ALERT_EXECUTION_TIME", Duration.ofSeconds(10),
            text -> parseDuration(text, Duration.ofMillis(1), Duration.ofHours(24)), Durations::format,
            "a duration from 1ms to 24h (10s, 500ms; a plain number is seconds)");
    public static final Setting<Double> VERIFY = define("verify", "VERIFY", 0.0, Setting::parseFraction,
            Setting::formatNumber, "a fraction from 0 to 1 (0.01 = re-run the body on 1% of cache hits), or a"
            + " percentage such as 1%");
    public static final Setting<Double> ALERT_HIT_RATE = define("alert.hit.rate", "AUTOBOT_ALERT_HIT_RATE", 0.5,
            text -> parseDouble(text, 0, 1), Setting::formatNumber, "a number from 0 to 1 (0.5 = 50% hits)");
    public static final Setting<Double> ALERT_MEMORY = define("alert.memory", "AUTOBOT_ALERT_MEMORY", 85.0,
            text -> parseDouble(text, 1, 100), Setting::formatNumber, "a percentage from 1 to 100");
    public static final Setting<Duration> SAMPLE_INTERVAL = define("sample.interval", "AUTOBOT_SAMPLE_INTERVAL",
            Duration.ofSeconds(1), text -> parseDuration(text, Duration.ofSeconds(1), Duration.ofHours(1)),
            Durations::format, "a duration from 1s to 1h");

    private final String key;
    private final String environmentVariable;
    private final T defaultValue;
    private final Function<String, T> parser;
    private final Function<T, String> formatter;
    private final String accepted;

    private Setting(String key, String environmentVariable, T defaultValue, Function<String, T> parser,
            Function<T, String> formatter, String accepted) {
        this.key = key;
        this.environmentVariable = environmentVariable;
        this.defaultValue = defaultValue;
        this.parser = parser;
        this.formatter = formatter;
        this.accepted = accepted;
    }

    private static <T> Setting<T> define(String key, String env, T defaultValue, Function<String, T> parser,
            Function<T, String> formatter, String accepted) {
        Setting<T> setting = new Setting<>(key, env, defaultValue, parser, formatter, accepted);
        ALL.add(setting);
        return setting;
    }

    /** Every setting, in catalog order. */
    public static List<Setting<?>> all() {
        return Collections.unmodifiableList(ALL);
    }

    /** Finds a setting by key, system-property name or environment-variable name; null if none. */
    public static Setting<?> find(String name) {
        String wanted = name.trim();
        String withoutPrefix = wanted.startsWith(SYSTEM_PROPERTY_PREFIX)
                ? wanted.substring(SYSTEM_PROPERTY_PREFIX.length()) : wanted;
        for (Setting<?> setting : ALL) {
            if (setting.key.equalsIgnoreCase(withoutPrefix) || setting.environmentVariable.equalsIgnoreCase(wanted)) {
                return setting;
            }
        }
        return null;
    }

    /** The prefix of the system properties that set the agent's settings. */
    public static final String SYSTEM_PROPERTY_PREFIX = "autobot.";

    /** The key used in agent arguments and the config file, such as {@code level}. */
    public String key() {
        return key;
    }

    /** The system property, such as {@code autobot.level}. */
    public String systemProperty() {
        return SYSTEM_PROPERTY_PREFIX + key;
    }

    /** The environment variable, such as {@code OPTIMIZATION_LEVEL}. */
    public String environmentVariable() {
        return environmentVariable;
    }

    public T defaultValue() {
        return defaultValue;
    }

    /** What the setting accepts, for error messages and docs. */
    public String accepted() {
        return accepted;
    }

    /**
     * Parses a value.
     *
     * @throws IllegalArgumentException with a message saying what is accepted
     */
    public T parse(String text) {
        try {
            T value = parser.apply(text);
            if (value == null) {
                throw new IllegalArgumentException();
            }
            return value;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(environmentVariable + "='" + text + "' is not accepted: expected "
                    + accepted, e);
        }
    }

    /** Formats a value the way {@link #parse} reads it. */
    public String format(T value) {
        return formatter.apply(value);
    }

    @Override
    public String toString() {
        return environmentVariable;
    }

    static int parseInt(String text, int min, int max) {
        int value = Integer.parseInt(text.trim());
        if (value < min || value > max) {
            throw new IllegalArgumentException("out of range");
        }
        return value;
    }

    /** A fraction from 0 to 1, written as {@code 0.05} or {@code 5%}. */
    public static double parseFraction(String text) {
        String trimmed = text.trim();
        if (trimmed.endsWith("%")) {
            return parseDouble(trimmed.substring(0, trimmed.length() - 1).trim(), 0, 100) / 100;
        }
        return parseDouble(trimmed, 0, 1);
    }

    static double parseDouble(String text, double min, double max) {
        double value = Double.parseDouble(text.trim());
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException("out of range");
        }
        return value;
    }

    static Duration parseDuration(String text, Duration min, Duration max) {
        Duration value = Durations.parse(text);
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new IllegalArgumentException("out of range");
        }
        return value;
    }

    static boolean parseBoolean(String text) {
        switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "true": case "yes": case "on": case "1": case "enabled":
                return true;
            case "false": case "no": case "off": case "0": case "disabled":
                return false;
            default:
                throw new IllegalArgumentException("not a boolean");
        }
    }

    static String parsePath(String text) {
        String path = text.trim();
        if (path.isEmpty() || path.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("empty path");
        }
        return path;
    }

    static String formatNumber(Double value) {
        return value == Math.rint(value) ? String.valueOf(value.longValue()) : String.valueOf(value);
    }
}
