package io.autobot.optimizer.agent;

import java.util.Locale;

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

    private static boolean debugRequested(String arguments) {
        String value = null;
        if (arguments != null) {
            for (String part : arguments.split(",")) {
                String[] keyValue = part.split("=", 2);
                if (keyValue.length == 2 && keyValue[0].trim().equalsIgnoreCase("debug")) {
                    value = keyValue[1];
                }
            }
        }
        if (value == null) {
            value = System.getProperty("autobot.debug");
        }
        if (value == null) {
            value = System.getenv("AUTOBOT_DEBUG");
        }
        return value != null && value.trim().toLowerCase(Locale.ROOT).matches("true|yes|on|1");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
