package io.autobot.optimizer.protocol.attach;

/**
 * The names by which the CLI and an agent it loads into another JVM talk: the system properties
 * the agent sets in its host, and the agent arguments that are orders rather than settings.
 */
public final class AttachProtocol {

    /** The system property set in the host once the agent runs (its version); the CLI polls it after attaching. */
    public static final String STARTED_PROPERTY = "io.autobot.optimizer.started";

    /**
     * The system property set in the host while an agent started with {@code -javaagent} starts its
     * management plane after {@code premain} returned (its version); {@link #STARTED_PROPERTY}
     * follows once the MXBeans are registered. Whoever finds this one set waits for that one.
     */
    public static final String STARTING_PROPERTY = "io.autobot.optimizer.starting";

    /** The system property holding what the last load of the agent did ({@link AttachResult}). */
    public static final String RESULT_PROPERTY = "io.autobot.optimizer.attach.result";

    /**
     * The agent argument that chooses what a load does: {@code start} (the default), {@code detach},
     * {@link #DISCOVERY_COMMAND} or {@link #END_DISCOVERY_COMMAND}.
     */
    public static final String COMMAND_KEY = "command";

    /**
     * Starts the agent for discovery windows only, when it does not run yet: no scan of the loaded
     * classes, no instrumentation, no management extras; only what a window needs (docs/discovery.md).
     * A later plain {@code start} replaces such an agent with a full one.
     */
    public static final String DISCOVERY_COMMAND = "discovery";

    /** Stops the agent only when it was started by {@link #DISCOVERY_COMMAND}; a full agent is left running. */
    public static final String END_DISCOVERY_COMMAND = "end-discovery";

    /** The agent argument that tags a load, so the CLI knows the answer in {@link #RESULT_PROPERTY} is its own. */
    public static final String REQUEST_KEY = "request";

    /**
     * Whether a marker property ({@link #STARTED_PROPERTY}, {@link #STARTING_PROPERTY}) is set. The
     * agent never removes one, it empties it: a JVM asked for its system properties (the Attach
     * API, {@code jcmd VM.system_properties}) while one is being removed fails the request with a
     * {@code NullPointerException}.
     */
    public static boolean isSet(String value) {
        return value != null && !value.isEmpty();
    }

    private AttachProtocol() {
    }
}
