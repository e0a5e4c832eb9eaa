package io.autobot.optimizer.protocol.settings;

import io.autobot.optimizer.protocol.fleet.RedisUrls;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The declaration of one setting in the {@link Catalogue}: its key (agent arguments, config
 * file), system property ({@code autobot.<key>}), environment variable, MXBean attribute of
 * {@code io.autobot.optimizer:type=Optimizer} (if it has one), CLI and shell verb (if it has one),
 * type, accepted values, default, whether it can change while the agent runs, and one line of doc.
 *
 * <p>Values are parsed here to JDK types: a choice to its lower-case id, whole numbers to
 * {@link Integer}, numbers to {@link Double}, booleans to {@link Boolean}, durations to
 * {@link Duration}, paths to a trimmed {@link String}. Over JMX a duration is a number of seconds.
 */
public final class SettingDef {

    /** The type of a setting's value. */
    public enum Type {
        CHOICE("java.lang.String"), WHOLE_NUMBER("int"), NUMBER("double"), BOOLEAN("boolean"), DURATION("double"),
        PATH("java.lang.String");

        private final String openType;

        Type(String openType) {
            this.openType = openType;
        }

        /** The attribute's type as MBeanAttributeInfo names it. */
        public String openType() {
            return openType;
        }
    }

    /** The prefix of the system properties that set the agent's settings. */
    public static final String SYSTEM_PROPERTY_PREFIX = "autobot.";

    private final String key;
    private final String environmentVariable;
    private final Type type;
    private final String defaultText;
    private final String accepted;
    private final String doc;
    private List<String> choices = List.of();
    private double min;
    private double max;
    private Duration minDuration;
    private Duration maxDuration;
    private String attribute;
    private String verb;
    private String verbArgument;
    private boolean live = true;
    private boolean status;
    private boolean secret;
    private boolean percent;

    SettingDef(String key, String environmentVariable, Type type, String defaultText, String accepted, String doc) {
        this.key = key;
        this.environmentVariable = environmentVariable;
        this.type = type;
        this.defaultText = defaultText;
        this.accepted = accepted;
        this.doc = doc;
    }

    // --- declaration (used by Catalogue while it builds its constants) ---

    SettingDef choices(String... values) {
        this.choices = List.of(values);
        return this;
    }

    SettingDef range(double from, double to) {
        this.min = from;
        this.max = to;
        return this;
    }

    SettingDef range(Duration from, Duration to) {
        this.minDuration = from;
        this.maxDuration = to;
        return this;
    }

    /** Shown and changed over JMX as this attribute of the Optimizer MXBean. */
    SettingDef attribute(String name) {
        this.attribute = name;
        return this;
    }

    /**
     * Set by this CLI verb ({@code level <pid> <level>}) and shell command ({@code optimize level <value>});
     * {@code argument} names the value in the CLI's usage.
     */
    SettingDef verb(String name, String argument) {
        this.verb = name;
        this.verbArgument = argument;
        return this;
    }

    /** Read once at start; a change needs a restart. */
    /** A number that may also be written as a percentage of its unit: {@code 1%} is {@code 0.01}. */
    SettingDef percent() {
        this.percent = true;
        return this;
    }

    SettingDef fixed() {
        this.live = false;
        return this;
    }

    /** A value that may hold a password: {@link #format} never shows it. */
    SettingDef redacted() {
        this.secret = true;
        return this;
    }

    /** Whether the value may hold a password (a URL with credentials): shown without it. */
    public boolean holdsPassword() {
        return secret;
    }

    /** One of the settings the shell's and CLI's {@code status} list. */
    SettingDef status() {
        this.status = true;
        return this;
    }

    // --- reading ---

    /** The key of agent arguments and the config file, such as {@code level}. */
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

    /** The MXBean attribute, such as {@code OptimizationLevel}; {@code null} if not exposed over JMX. */
    public String attribute() {
        return attribute;
    }

    /** The CLI verb and shell command that set it, such as {@code level}; {@code null} if none. */
    public String verb() {
        return verb;
    }

    /** The name of the verb's value in the CLI's usage, such as {@code strategy}; null without a verb. */
    public String verbArgument() {
        return verbArgument;
    }

    public Type type() {
        return type;
    }

    /** The accepted values of a choice; empty for other types. */
    public List<String> choices() {
        return choices;
    }

    /** The default, as text that {@link #parse} reads; empty when the setting has none. */
    public String defaultText() {
        return defaultText;
    }

    /** What the setting accepts, for messages and docs. */
    public String accepted() {
        return accepted;
    }

    /** One line saying what the setting is, such as {@code the optimization level}. */
    public String doc() {
        return doc;
    }

    /** Whether a change applies while the agent runs. */
    public boolean live() {
        return live;
    }

    /** Whether {@code status} lists it. */
    public boolean listedByStatus() {
        return status;
    }

    /** The parsed default; {@code null} when the setting has none. */
    public Object defaultValue() {
        return defaultText.isEmpty() ? null : parse(defaultText);
    }

    /**
     * Parses a value to its JDK type.
     *
     * @throws IllegalArgumentException with a one-line message naming the setting and what it accepts
     */
    public Object parse(String text) {
        try {
            Object value = parseRaw(text == null ? "" : text);
            if (value == null) {
                throw new IllegalArgumentException();
            }
            return value;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(rejection(text), e);
        }
    }

    /** The one-line message for text this setting does not accept. */
    public String rejection(String text) {
        return environmentVariable + "='" + (secret && text != null ? RedisUrls.redacted(text) : text)
                + "' is not accepted: expected " + accepted;
    }

    private Object parseRaw(String text) {
        switch (type) {
            case CHOICE:
                String id = text.trim().toLowerCase(Locale.ROOT);
                if (!choices.contains(id)) {
                    throw new IllegalArgumentException("expected one of " + String.join(", ", choices));
                }
                return id;
            case WHOLE_NUMBER:
                return Values.parseInt(text, (long) min, (long) max);
            case NUMBER:
                String number = text.trim();
                if (percent && number.endsWith("%")) {
                    return Values.parseDouble(number.substring(0, number.length() - 1), min * 100, max * 100) / 100;
                }
                return Values.parseDouble(number, min, max);
            case BOOLEAN:
                return Values.parseBoolean(text);
            case DURATION:
                Duration value = Values.parseDuration(text);
                if (value.compareTo(minDuration) < 0 || value.compareTo(maxDuration) > 0) {
                    throw new IllegalArgumentException("out of range");
                }
                return value;
            default:
                return secret ? redisUrl(text) : Values.parsePath(text);
        }
    }

    /** A {@code redis://} or {@code rediss://} URL with a host, trimmed. */
    private static String redisUrl(String text) {
        String url = text.trim();
        java.net.URI uri = java.net.URI.create(url);
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("redis") && !scheme.equals("rediss") || uri.getHost() == null) {
            throw new IllegalArgumentException("not a Redis URL");
        }
        return url;
    }

    /** A parsed value as text that {@link #parse} reads back. */
    public String format(Object value) {
        if (value instanceof Duration) {
            return Values.formatDuration((Duration) value);
        }
        if (value instanceof Double) {
            return Values.formatNumber((Double) value);
        }
        return secret ? RedisUrls.redacted(String.valueOf(value)) : String.valueOf(value);
    }

    /** A parsed value as its MXBean attribute shows it: durations as seconds, others as they are. */
    public Object toAttribute(Object value) {
        return value instanceof Duration ? ((Duration) value).toNanos() / 1e9 : value;
    }

    /**
     * Text typed for the attribute (CLI, shell) as the value the MXBean's setter takes.
     *
     * @throws IllegalArgumentException with the one-line message of {@link #parse}
     */
    public Object parseAttribute(String text) {
        return toAttribute(parse(text));
    }

    @Override
    public String toString() {
        return environmentVariable;
    }
}
