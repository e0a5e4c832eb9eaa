package io.autobot.optimizer.agent;

import java.lang.instrument.Instrumentation;

/**
 * The agent's entry points: {@code premain} for {@code -javaagent}, {@code agentmain} for attach.
 * This class refers to JDK types only until the bridge is on the bootstrap class path; any
 * failure to start leaves the host running without the agent.
 */
public final class Agent {

    /** The system property set in the host once the agent runs; the CLI polls it after attaching. */
    public static final String STARTED_PROPERTY = "io.autobot.optimizer.started";

    private Agent() {
    }

    public static void premain(String arguments, Instrumentation instrumentation) {
        start(arguments, instrumentation, false);
    }

    public static void agentmain(String arguments, Instrumentation instrumentation) {
        start(arguments, instrumentation, true);
    }

    private static synchronized void start(String arguments, Instrumentation instrumentation, boolean attached) {
        try {
            AgentLogging.configure(arguments);
            BootstrapInjector.inject(instrumentation);
            AgentRuntime.start(arguments, instrumentation, attached);
        } catch (Throwable failure) {
            System.err.println("[autobot] the AutoBot agent could not start and is disabled; the application runs"
                    + " unoptimized: " + failure);
        }
    }
}
