package io.autobot.optimizer.agent.config;

import io.autobot.optimizer.protocol.settings.Catalogue;
import io.autobot.optimizer.protocol.settings.SettingDef;
import io.autobot.optimizer.protocol.settings.Values;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One setting of the agent with its value typed for the agent's code ({@link Level},
 * {@link CacheStrategy}, {@link Duration}, ...). Names, environment variable, system property,
 * default and accepted values are not declared here but in the
 * {@link io.autobot.optimizer.protocol.settings.Catalogue} (module agent/protocol), which the
 * MXBean and the CLI read too; each constant below only binds a catalogue entry to its Java type.
 *
 * @param <T> the parsed type
 */
public final class Setting<T> {

    private static final List<Setting<?>> ALL = new ArrayList<>();
    private static final Map<SettingDef, Setting<?>> BY_DEFINITION = new IdentityHashMap<>();

    public static final Setting<Level> LEVEL = bind(Catalogue.LEVEL, Level::parse, Level::id);
    public static final Setting<CacheStrategy> CACHE_STRATEGY = bind(Catalogue.CACHE_STRATEGY, CacheStrategy::parse,
            CacheStrategy::id);
    public static final Setting<Integer> MAX_WORKERS = bind(Catalogue.MAX_WORKERS);
    public static final Setting<Boolean> PARALLEL = bind(Catalogue.PARALLEL);
    public static final Setting<Integer> CACHE_SIZE = bind(Catalogue.CACHE_SIZE);
    public static final Setting<String> DISK_CACHE_PATH = bind(Catalogue.DISK_CACHE_PATH);
    public static final Setting<Boolean> REQUEST_THROTTLING = bind(Catalogue.REQUEST_THROTTLING);
    public static final Setting<Double> MAX_REQUESTS_PER_SECOND = bind(Catalogue.MAX_REQUESTS_PER_SECOND);
    public static final Setting<Boolean> BATCH_PROCESSING = bind(Catalogue.BATCH_PROCESSING);
    public static final Setting<Integer> BATCH_SIZE = bind(Catalogue.BATCH_SIZE);
    public static final Setting<Duration> MAX_BATCH_WAIT_TIME = bind(Catalogue.MAX_BATCH_WAIT_TIME);
    public static final Setting<Boolean> DEBUG = bind(Catalogue.DEBUG);
    public static final Setting<String> EXPORT_DIR = bind(Catalogue.EXPORT_DIR);
    public static final Setting<String> RULES = bind(Catalogue.RULES);
    public static final Setting<Boolean> AUTOTUNE = bind(Catalogue.AUTOTUNE);
    public static final Setting<Duration> AUTOTUNE_INTERVAL = bind(Catalogue.AUTOTUNE_INTERVAL);
    public static final Setting<Duration> ALERT_EXECUTION_TIME = bind(Catalogue.ALERT_EXECUTION_TIME);
    public static final Setting<Double> VERIFY = bind(Catalogue.VERIFY);
    public static final Setting<Double> ALERT_HIT_RATE = bind(Catalogue.ALERT_HIT_RATE);
    public static final Setting<Double> ALERT_MEMORY = bind(Catalogue.ALERT_MEMORY);
    public static final Setting<Duration> SAMPLE_INTERVAL = bind(Catalogue.SAMPLE_INTERVAL);

    static {
        // every other catalogue entry, typed as the catalogue parses it: a new setting needs no line here
        for (SettingDef definition : Catalogue.all()) {
            if (!BY_DEFINITION.containsKey(definition)) {
                bind(definition);
            }
        }
        ALL.sort(java.util.Comparator.comparingInt(setting -> Catalogue.all().indexOf(setting.definition)));
    }

    /** The prefix of the system properties that set the agent's settings. */
    public static final String SYSTEM_PROPERTY_PREFIX = SettingDef.SYSTEM_PROPERTY_PREFIX;

    private final SettingDef definition;
    private final Function<Object, T> fromCatalogue;
    private final Function<T, String> formatter;
    private final T defaultValue;

    private Setting(SettingDef definition, Function<Object, T> fromCatalogue, Function<T, String> formatter) {
        this.definition = definition;
        this.fromCatalogue = fromCatalogue;
        this.formatter = formatter;
        Object parsedDefault = definition.defaultValue();
        @SuppressWarnings("unchecked")
        T none = (T) ""; // only a path may have no default (rules): the empty path
        this.defaultValue = parsedDefault == null ? none : fromCatalogue.apply(parsedDefault);
    }

    /** A setting whose catalogue type is already its Java type. */
    @SuppressWarnings("unchecked")
    private static <T> Setting<T> bind(SettingDef definition) {
        return register(new Setting<>(definition, value -> (T) value, value -> definition.format(value)));
    }

    /** A choice, typed as the enum the agent uses. */
    private static <T> Setting<T> bind(SettingDef definition, Function<String, T> parse, Function<T, String> id) {
        return register(new Setting<>(definition, value -> parse.apply((String) value), id));
    }

    private static <T> Setting<T> register(Setting<T> setting) {
        ALL.add(setting);
        BY_DEFINITION.put(setting.definition, setting);
        return setting;
    }

    /** Every setting, in catalogue order. */
    public static List<Setting<?>> all() {
        return Collections.unmodifiableList(ALL);
    }

    /** Finds a setting by key, system-property name or environment-variable name; null if none. */
    public static Setting<?> find(String name) {
        SettingDef definition = Catalogue.find(name);
        return definition == null ? null : BY_DEFINITION.get(definition);
    }

    /** The setting of a catalogue entry. */
    public static Setting<?> of(SettingDef definition) {
        return BY_DEFINITION.get(definition);
    }

    /**
     * The setting of a catalogue entry, typed as the catalogue parses it ({@link Integer},
     * {@link Double}, {@link Boolean}, {@link Duration}, {@link String}).
     *
     * @throws IllegalArgumentException when {@code type} is not the entry's type
     */
    @SuppressWarnings("unchecked")
    public static <T> Setting<T> of(SettingDef definition, Class<T> type) {
        Setting<?> setting = BY_DEFINITION.get(definition);
        if (!type.isInstance(setting.defaultValue)) {
            throw new IllegalArgumentException(definition.key() + " is not a " + type.getSimpleName());
        }
        return (Setting<T>) setting;
    }

    /** The catalogue entry: names, MXBean attribute, accepted values, doc. */
    public SettingDef definition() {
        return definition;
    }

    /** The key used in agent arguments and the config file, such as {@code level}. */
    public String key() {
        return definition.key();
    }

    /** The system property, such as {@code autobot.level}. */
    public String systemProperty() {
        return definition.systemProperty();
    }

    /** The environment variable, such as {@code OPTIMIZATION_LEVEL}. */
    public String environmentVariable() {
        return definition.environmentVariable();
    }

    public T defaultValue() {
        return defaultValue;
    }

    /** What the setting accepts, for error messages and docs. */
    public String accepted() {
        return definition.accepted();
    }

    /**
     * Parses a value.
     *
     * @throws IllegalArgumentException with a message saying what is accepted
     */
    public T parse(String text) {
        Object value = definition.parse(text);
        try {
            return fromCatalogue.apply(value);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(definition.rejection(text), e);
        }
    }

    /** Formats a value the way {@link #parse} reads it. */
    public String format(T value) {
        return formatter.apply(value);
    }

    @Override
    public String toString() {
        return definition.environmentVariable();
    }

    static int parseInt(String text, int min, int max) {
        return Values.parseInt(text, min, max);
    }

    /** A fraction from 0 to 1, written as {@code 0.05} or {@code 5%}. */
    public static double parseFraction(String text) {
        return (Double) Catalogue.VERIFY.parse(text);
    }

    static double parseDouble(String text, double min, double max) {
        return Values.parseDouble(text, min, max);
    }

    static boolean parseBoolean(String text) {
        return Values.parseBoolean(text);
    }

    static String parsePath(String text) {
        return Values.parsePath(text);
    }
}
