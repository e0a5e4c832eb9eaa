package io.autobot.optimizer.cli;

import io.autobot.optimizer.protocol.attach.AttachProtocol;
import io.autobot.optimizer.protocol.attach.AttachResult;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

/**
 * Loads the agent jar into a running JVM to start it (attach) or stop it (detach), and waits for
 * the agent's answer in the target's system properties.
 */
final class AgentInstaller {

    private static final long ANSWER_TIMEOUT_MILLIS = 30_000;

    /** What an attach did, and notes for the user (such as the JDK 21+ dynamic-loading warning). */
    record Outcome(AttachResult result, List<String> notes) {
    }

    private AgentInstaller() {
    }

    /**
     * Starts the agent in the JVM, or applies the settings to the agent already running there.
     *
     * @param arguments the agent arguments ({@code key=value,...}), already checked; may be empty
     */
    static Outcome attach(long pid, String arguments) {
        Path jar = agentJar();
        try (TargetJvm jvm = TargetJvm.attach(pid)) {
            List<String> notes = dynamicLoadingNotes(jvm);
            String request = UUID.randomUUID().toString();
            jvm.loadAgent(jar, join(arguments, AttachProtocol.REQUEST_KEY + "=" + request));
            AttachResult result = awaitAnswer(jvm, request);
            if (result.status() != AttachResult.Status.FAILED) {
                awaitStarted(jvm);
            }
            return new Outcome(result, notes);
        }
    }

    /** Stops the agent in the JVM; fails with "agent not attached" when it does not run there. */
    static AttachResult detach(long pid) {
        Path jar = agentJar();
        try (TargetJvm jvm = TargetJvm.attach(pid)) {
            if (jvm.agentVersion() == null) {
                throw CliException.failure(AgentConnection.notAttached(pid).replace(": attach it",
                        ", nothing to detach: attach it"));
            }
            String request = UUID.randomUUID().toString();
            jvm.loadAgent(jar, AttachProtocol.COMMAND_KEY + "=detach," + AttachProtocol.REQUEST_KEY + "=" + request);
            return awaitAnswer(jvm, request);
        }
    }

    /**
     * Stops the agent in the JVM if it runs there for discovery only (what {@code discover} attached);
     * an agent someone attached in full since is left running.
     */
    static AttachResult endDiscovery(long pid) {
        Path jar = agentJar();
        try (TargetJvm jvm = TargetJvm.attach(pid)) {
            String request = UUID.randomUUID().toString();
            jvm.loadAgent(jar, AttachProtocol.COMMAND_KEY + "=" + AttachProtocol.END_DISCOVERY_COMMAND + ","
                    + AttachProtocol.REQUEST_KEY + "=" + request);
            return awaitAnswer(jvm, request);
        }
    }

    /**
     * JDK 21 and later warn on their standard error when an agent is loaded into them while they
     * run (JEP 451), unless started with the flag; with the flag turned off they refuse.
     */
    private static List<String> dynamicLoadingNotes(TargetJvm jvm) {
        Properties properties = jvm.systemProperties();
        String arguments = jvm.agentProperties().getProperty("sun.jvm.args", "") + " "
                + jvm.agentProperties().getProperty("sun.jvm.flags", "");
        List<String> notes = new ArrayList<>();
        if (arguments.contains("-XX:-EnableDynamicAgentLoading")) {
            throw CliException.failure("attach not permitted: process " + jvm.pid() + " was started with"
                    + " -XX:-EnableDynamicAgentLoading; restart it with " + TargetJvm.DYNAMIC_LOADING_FLAG
                    + " (or with -javaagent:autobot-agent.jar)");
        }
        if (featureVersion(properties) >= 21 && !arguments.contains("EnableDynamicAgentLoading")) {
            notes.add("process " + jvm.pid() + " runs Java " + properties.getProperty("java.specification.version")
                    + ", which prints a warning when an agent is loaded into it while it runs; start it with "
                    + TargetJvm.DYNAMIC_LOADING_FLAG + " to allow attaching without the warning (a future JDK will"
                    + " require the flag)");
        }
        return notes;
    }

    private static int featureVersion(Properties properties) {
        try {
            String version = properties.getProperty("java.specification.version", "0");
            return Integer.parseInt(version.startsWith("1.") ? version.substring(2) : version);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Polls the target until the agent's answer to this request is there. */
    private static AttachResult awaitAnswer(TargetJvm jvm, String request) {
        long deadline = System.currentTimeMillis() + ANSWER_TIMEOUT_MILLIS;
        while (true) {
            String answer = jvm.systemProperties().getProperty(AttachProtocol.RESULT_PROPERTY);
            if (answer != null) {
                AttachResult result = AttachResult.parse(answer);
                if (request.equals(result.request())) {
                    return result;
                }
            }
            if (System.currentTimeMillis() > deadline) {
                throw CliException.failure("process " + jvm.pid() + " loaded the agent but gave no answer within "
                        + ANSWER_TIMEOUT_MILLIS / 1000 + "s; see its standard error");
            }
            pause();
        }
    }

    /** Polls the target until the agent's start marker is set. */
    private static void awaitStarted(TargetJvm jvm) {
        long deadline = System.currentTimeMillis() + ANSWER_TIMEOUT_MILLIS;
        while (!AttachProtocol.isSet(jvm.systemProperties().getProperty(AttachProtocol.STARTED_PROPERTY))) {
            if (System.currentTimeMillis() > deadline) {
                throw CliException.failure("the agent did not start in process " + jvm.pid() + " within "
                        + ANSWER_TIMEOUT_MILLIS / 1000 + "s; see its standard error");
            }
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw CliException.failure("interrupted while waiting for the agent");
        }
    }

    /**
     * The agent jar: the jar this CLI runs from ({@code java -jar autobot-agent.jar}), or the
     * {@code autobot.agent.jar} system property.
     */
    static Path agentJar() {
        String override = System.getProperty("autobot.agent.jar");
        Path jar;
        try {
            jar = override != null ? Path.of(override)
                    : Path.of(AgentInstaller.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            throw CliException.failure("cannot find the agent jar this CLI runs from: " + e.getMessage());
        }
        if (!Files.isRegularFile(jar) || !jar.getFileName().toString().endsWith(".jar")) {
            throw CliException.failure("the agent jar is not found (" + jar + "): run the CLI as"
                    + " 'java -jar autobot-agent.jar', or name the jar with -Dautobot.agent.jar=<path>");
        }
        return jar.toAbsolutePath();
    }

    private static String join(String arguments, String more) {
        return arguments == null || arguments.isBlank() ? more : arguments + "," + more;
    }
}
