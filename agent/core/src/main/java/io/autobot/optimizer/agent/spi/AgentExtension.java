package io.autobot.optimizer.agent.spi;

/**
 * A part of the agent started after the engine, found with {@link java.util.ServiceLoader} in the
 * agent jar: the management plane (MXBeans, metrics, sampling) is one. An extension that fails to
 * start is reported and skipped; the engine keeps working.
 */
public interface AgentExtension {

    /** A short name for logs. */
    String name();

    /** Starts the extension; the context gives access to the engine, settings and instrumentation. */
    void start(AgentContext agent) throws Exception;

    /** Stops the extension and releases what it holds (threads, MBeans). */
    default void stop() {
    }
}
