package io.autobot.optimizer.protocol.attach;

/**
 * The names by which the CLI and an agent it loads into another JVM talk: the system properties
 * the agent sets in its host, and the agent arguments that are orders rather than settings.
 */
public final class AttachProtocol {

    /** The system property set in the host once the agent runs (its version); the CLI polls it after attaching. */
    public static final String STARTED_PROPERTY = "io.autobot.optimizer.started";

    /** The system property holding what the last load of the agent did ({@link AttachResult}). */
    public static final String RESULT_PROPERTY = "io.autobot.optimizer.attach.result";

    /** The agent argument that chooses what a load does: {@code start} (the default) or {@code detach}. */
    public static final String COMMAND_KEY = "command";

    /** The agent argument that tags a load, so the CLI knows the answer in {@link #RESULT_PROPERTY} is its own. */
    public static final String REQUEST_KEY = "request";

    private AttachProtocol() {
    }
}
