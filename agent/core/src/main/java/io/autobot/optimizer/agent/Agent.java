package io.autobot.optimizer.agent;

import io.autobot.optimizer.protocol.attach.AttachResult;
import io.autobot.optimizer.protocol.attach.AttachProtocol;
import io.autobot.optimizer.protocol.settings.AgentArguments;
import java.lang.instrument.Instrumentation;

/**
 * The agent's entry points: {@code premain} for {@code -javaagent}, {@code agentmain} for attach.
 * This class refers to JDK types only until the bridge is on the bootstrap class path; any
 * failure to start leaves the host running without the agent.
 *
 * <p>Loading the agent into a JVM where it already runs applies the new settings to the running
 * agent, unless its jar was replaced since ({@link LoadedJar}). Loading it with the argument
 * {@code command=detach} stops it (see docs/attach.md).
 */
public final class Agent {

    /** The system property set in the host once the agent runs; the CLI polls it after attaching. */
    public static final String STARTED_PROPERTY = AttachProtocol.STARTED_PROPERTY;

    /** The system property holding what the last load of the agent did ({@link AttachResult}). */
    public static final String RESULT_PROPERTY = AttachProtocol.RESULT_PROPERTY;

    /** The agent argument that chooses what a load does: {@code start} (the default) or {@code detach}. */
    public static final String COMMAND_KEY = AttachProtocol.COMMAND_KEY;

    /** The agent argument that tags a load, so the CLI knows the answer in {@link #RESULT_PROPERTY} is its own. */
    public static final String REQUEST_KEY = AttachProtocol.REQUEST_KEY;

    private Agent() {
    }

    public static void premain(String arguments, Instrumentation instrumentation) {
        run(arguments, instrumentation, false);
    }

    public static void agentmain(String arguments, Instrumentation instrumentation) {
        run(arguments, instrumentation, true);
    }

    private static synchronized void run(String arguments, Instrumentation instrumentation, boolean attached) {
        AttachResult result;
        String command = option(arguments, COMMAND_KEY, "start").toLowerCase(java.util.Locale.ROOT);
        String replaced = LoadedJar.replacedSinceFirstLoad();
        try {
            if (replaced != null && !command.equals("detach")) {
                result = new AttachResult(AttachResult.Status.FAILED, Version.get()).problem(replaced);
                System.err.println("[autobot] " + replaced);
            } else if (command.equals("detach")) {
                result = detach();
            } else if (command.equals(AttachProtocol.END_DISCOVERY_COMMAND)) {
                result = endDiscovery();
            } else if (command.equals("start")) {
                result = start(settingsOnly(arguments), instrumentation, attached, false);
            } else if (command.equals(AttachProtocol.DISCOVERY_COMMAND)) {
                result = start(settingsOnly(arguments), instrumentation, attached, true);
            } else {
                result = new AttachResult(AttachResult.Status.FAILED, Version.get()).problem("agent argument command="
                        + command + " is not accepted: expected start, detach, " + AttachProtocol.DISCOVERY_COMMAND
                        + " or " + AttachProtocol.END_DISCOVERY_COMMAND);
                System.err.println("[autobot] " + result.problems().get(0));
            }
        } catch (Throwable failure) {
            result = new AttachResult(AttachResult.Status.FAILED, Version.get()).problem(failure.toString());
            System.err.println("[autobot] the AutoBot agent could not " + command + "; the application runs on as"
                    + " before: " + failure);
        }
        System.setProperty(RESULT_PROPERTY, result.request(option(arguments, REQUEST_KEY, "")).format());
    }

    private static AttachResult start(String arguments, Instrumentation instrumentation, boolean attached,
            boolean discoveryOnly) throws Exception {
        try {
            AgentLogging.configure(arguments);
            disableByteBuddyNexus();
            BootstrapInjector.inject(instrumentation);
            return AgentRuntime.start(arguments, instrumentation, attached, discoveryOnly);
        } catch (Throwable failure) {
            System.err.println("[autobot] the AutoBot agent could not start and is disabled; the application runs"
                    + " unoptimized: " + failure);
            return new AttachResult(AttachResult.Status.FAILED, Version.get()).problem(failure.toString());
        }
    }

    /**
     * Byte Buddy's agent builder prepares its "Nexus" (type initializers injected with Unsafe) even
     * when, as here, class format changes are disabled and it is never used; on JDK 24 and later
     * that prints sun.misc.Unsafe deprecation warnings on the host's stderr. The literal is
     * relocated with the shaded Byte Buddy, so this only concerns the agent's own copy.
     */
    private static void disableByteBuddyNexus() {
        if (System.getProperty("net.bytebuddy.nexus.disabled") == null) {
            System.setProperty("net.bytebuddy.nexus.disabled", "true");
        }
    }

    private static AttachResult detach() {
        boolean running = AgentRuntime.current() != null;
        AgentRuntime.stop();
        return new AttachResult(running ? AttachResult.Status.DETACHED : AttachResult.Status.NOT_RUNNING,
                Version.get());
    }

    /** Detaches an agent started for discovery only; a full agent (someone attached it since) stays. */
    private static AttachResult endDiscovery() {
        AgentRuntime running = AgentRuntime.current();
        if (running == null) {
            return new AttachResult(AttachResult.Status.NOT_RUNNING, Version.get());
        }
        if (!running.discoveryOnly()) {
            return new AttachResult(AttachResult.Status.ALREADY_RUNNING, Version.get());
        }
        return detach();
    }

    /** The value of one key among the arguments, or the fallback (the one parser: {@link AgentArguments}). */
    static String option(String arguments, String key, String fallback) {
        return AgentArguments.parse(arguments).get(key, fallback);
    }

    /** The arguments without {@code command=} and {@code request=}: the settings, for the settings parser. */
    static String settingsOnly(String arguments) {
        return AgentArguments.parse(arguments).without(COMMAND_KEY, REQUEST_KEY).format();
    }
}
