package io.autobot.optimizer.agent;

import io.autobot.optimizer.protocol.settings.AgentArguments;
import io.autobot.optimizer.protocol.settings.Catalogue;
import io.autobot.optimizer.protocol.settings.SettingDef;
import io.autobot.optimizer.protocol.settings.Values;
import java.util.Map;

/**
 * Configures the agent's own SLF4J backend (a relocated slf4j-simple, so the host's logging is
 * never touched) before the first logger is created: one line per message on stderr, INFO by
 * default, DEBUG when the {@code debug} setting is on.
 */
final class AgentLogging {

    // Literal names: the shade plugin relocates them together with slf4j-simple itself.
    private static final String PREFIX = "org.slf4j.simpleLogger.";

    private AgentLogging() {
    }

    static void configure(String arguments) {
        boolean debug = debugRequested(arguments);
        setIfAbsent(PREFIX + "defaultLogLevel", "warn");
        setIfAbsent(PREFIX + "log.io.autobot.optimizer", debug ? "debug" : "info");
        setIfAbsent(PREFIX + "showThreadName", "false");
        setIfAbsent(PREFIX + "showDateTime", "false");
        setIfAbsent(PREFIX + "logFile", "System.err");
    }

    /**
     * Whether the {@code debug} setting is on, read before the rest of the configuration (the
     * logger must be set up first) but with the same parsers: agent argument (by key or variable
     * name), then system property, then environment variable; any boolean the setting accepts
     * ({@code enabled}, {@code on}, ...). A value it does not accept means off here; the settings
     * parser reports it.
     */
    static boolean debugRequested(String arguments) {
        SettingDef debug = Catalogue.DEBUG;
        String value = null;
        for (Map.Entry<String, String> argument : AgentArguments.parse(arguments).values().entrySet()) {
            if (Catalogue.find(argument.getKey()) == debug) {
                value = argument.getValue();
            }
        }
        if (value == null) {
            value = System.getProperty(debug.systemProperty());
        }
        if (value == null) {
            value = System.getenv(debug.environmentVariable());
        }
        try {
            return value != null && Values.parseBoolean(value);
        } catch (IllegalArgumentException notABoolean) {
            return false;
        }
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
