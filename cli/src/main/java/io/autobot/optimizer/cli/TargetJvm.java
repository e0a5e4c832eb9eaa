package io.autobot.optimizer.cli;

import com.sun.tools.attach.AgentInitializationException;
import com.sun.tools.attach.AgentLoadException;
import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.AttachOperationFailedException;
import com.sun.tools.attach.VirtualMachine;
import com.sun.tools.attach.VirtualMachineDescriptor;
import io.autobot.optimizer.cli.shell.TargetUnavailableException;
import io.autobot.optimizer.protocol.attach.AttachProtocol;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

/**
 * A JVM on this machine reached through the Attach API. Every way attaching can fail becomes one
 * line that says what to do: no such process, not a JVM, not permitted (another user, or dynamic
 * agent loading disabled on JDK 21+).
 */
final class TargetJvm implements AutoCloseable {

    /** How long a command waits for an agent that is still registering its beans. */
    private static final int PROPERTY_READ_ATTEMPTS = 3;
    private static final long STARTING_WAIT_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(30);

    /** The JVM option that allows loading agents into a running JVM without a warning (JDK 21+, JEP 451). */
    static final String DYNAMIC_LOADING_FLAG = "-XX:+EnableDynamicAgentLoading";

    /** The JDK's wait for a target's answer to an attach request (milliseconds; 10 s by default). */
    private static final String ATTACH_TIMEOUT_PROPERTY = "sun.tools.attach.attachTimeout";
    private static final long UNLISTED_ATTACH_TIMEOUT_MILLIS = 1_500;

    private final long pid;
    private final VirtualMachine vm;

    private TargetJvm(long pid, VirtualMachine vm) {
        this.pid = pid;
        this.vm = vm;
    }

    /** Attaches to the JVM with this process id. */
    static TargetJvm attach(long pid) {
        if (pid == ProcessHandle.current().pid()) {
            throw CliException.invalidValue("process " + pid + " is this CLI itself: give the pid of another JVM");
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isEmpty() || !process.get().isAlive()) {
            throw CliException.failure("no such process: " + pid);
        }
        boolean listed = listed(pid);
        if (!listed && isNotAJvm(pid)) {
            throw CliException.failure("process " + pid + " is not a Java virtual machine"
                    + command(pid));
        }
        try {
            return new TargetJvm(pid, listed ? VirtualMachine.attach(String.valueOf(pid)) : attachUnlisted(pid));
        } catch (AttachNotSupportedException e) {
            if (!listed) {
                throw CliException.failure("process " + pid + " is not a Java virtual machine, or does not accept"
                        + " attach" + command(pid) + ": it did not answer within "
                        + UNLISTED_ATTACH_TIMEOUT_MILLIS / 1000.0 + " s");
            }
            throw CliException.failure("cannot attach to process " + pid + ": it is not a Java virtual machine or does"
                    + " not accept attach (started with -XX:+DisableAttachMechanism?): " + e.getMessage());
        } catch (IOException e) {
            throw attachFailure(pid, process.get(), e);
        }
    }

    long pid() {
        return pid;
    }

    /** The target's system properties. */
    Properties systemProperties() {
        for (int attempt = 1;; attempt++) {
            try {
                return vm.getSystemProperties();
            } catch (AttachOperationFailedException e) {
                // The target failed the request, as a JDK does when its own code removes a system
                // property while it copies them: the next request finds them settled.
                if (attempt == PROPERTY_READ_ATTEMPTS) {
                    throw CliException.failure("process " + pid + " could not list its system properties ("
                            + e.getMessage() + ") in " + attempt + " attempts");
                }
            } catch (IOException e) {
                throw gone(e);
            }
        }
    }

    /**
     * The version of the agent running in the target, or null when none runs. An agent started
     * with {@code -javaagent} registers its MXBeans on a thread of its own after {@code premain}:
     * while it does ({@link AttachProtocol#STARTING_PROPERTY}), this waits for it, so that a
     * command run right after the host starts finds the beans.
     */
    String agentVersion() {
        long deadline = System.nanoTime() + STARTING_WAIT_NANOS;
        while (true) {
            Properties properties = systemProperties();
            String started = properties.getProperty(AttachProtocol.STARTED_PROPERTY);
            if (AttachProtocol.isSet(started) || !AttachProtocol.isSet(properties.getProperty(AttachProtocol.STARTING_PROPERTY))
                    || System.nanoTime() > deadline) {
                return AttachProtocol.isSet(started) ? started : null;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
    }

    /** The target's agent properties: {@code sun.jvm.args} holds its JVM options. */
    Properties agentProperties() {
        try {
            return vm.getAgentProperties();
        } catch (IOException e) {
            throw gone(e);
        }
    }

    /** Starts (or finds) the target's local JMX connector and returns its address. */
    String startLocalManagementAgent() {
        try {
            return vm.startLocalManagementAgent();
        } catch (IOException e) {
            throw gone(e);
        }
    }

    /** Loads the agent jar with these arguments; returns when its agentmain has returned. */
    void loadAgent(Path jar, String arguments) {
        try {
            vm.loadAgent(jar.toString(), arguments);
        } catch (AgentLoadException e) {
            String message = String.valueOf(e.getMessage());
            if (message.contains("EnableDynamicAgentLoading")) {
                throw CliException.failure("attach not permitted: process " + pid + " does not allow loading agents"
                        + " while it runs; restart it with " + DYNAMIC_LOADING_FLAG
                        + " (or with -javaagent:autobot-agent.jar)");
            }
            throw CliException.failure("process " + pid + " could not load the agent: " + message);
        } catch (AgentInitializationException e) {
            throw CliException.failure("the agent failed to start in process " + pid + " (agentmain returned "
                    + e.returnValue() + "); see the process's standard error");
        } catch (IOException e) {
            throw gone(e);
        }
    }

    @Override
    public void close() {
        try {
            vm.detach();
        } catch (IOException ignored) {
            // the target went away: nothing left to release
        }
    }

    private CliException gone(IOException e) {
        return CliException.failure("lost process " + pid + " while talking to it (did it exit?): "
                + TargetUnavailableException.reason(e));
    }

    /**
     * Attaches to a process that does not advertise itself as a JVM (no hsperfdata, as with
     * {@code -XX:-UsePerfData}) and could not be told apart from one: such a JVM still answers
     * within milliseconds, so the JDK's 10-second wait for an answer is cut short.
     */
    private static VirtualMachine attachUnlisted(long pid) throws AttachNotSupportedException, IOException {
        String before = System.getProperty(ATTACH_TIMEOUT_PROPERTY);
        System.setProperty(ATTACH_TIMEOUT_PROPERTY, String.valueOf(UNLISTED_ATTACH_TIMEOUT_MILLIS));
        try {
            return VirtualMachine.attach(String.valueOf(pid));
        } finally {
            if (before == null) {
                System.clearProperty(ATTACH_TIMEOUT_PROPERTY);
            } else {
                System.setProperty(ATTACH_TIMEOUT_PROPERTY, before);
            }
        }
    }

    /** Whether the JVM advertises itself (hsperfdata), as jps sees it. */
    private static boolean listed(long pid) {
        if (advertisedByThisUser(pid) && !isNotAJvm(pid)) {
            return true; // the usual case, without reading every JVM's performance data as the list does
        }
        String id = String.valueOf(pid);
        for (VirtualMachineDescriptor descriptor : VirtualMachine.list()) {
            if (descriptor.id().equals(id)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether this user's temporary directory holds the performance-data file of the process: where
     * a JVM run by the same user advertises itself, and one of the places the JDK's list looks.
     */
    private static boolean advertisedByThisUser(long pid) {
        try {
            return Files.isRegularFile(PerfData.file(pid));
        } catch (RuntimeException unusable) {
            return false;
        }
    }

    /**
     * Whether the process runs no JVM, as far as can be told without the 10-second attach
     * handshake: its memory map (Linux) shows no libjvm or, where the map cannot be read, its
     * executable is not a {@code java} launcher. A process that cannot be inspected is left to the
     * attach itself to decide.
     */
    private static boolean isNotAJvm(long pid) {
        Path maps = Path.of("/proc", String.valueOf(pid), "maps");
        try {
            return Files.readString(maps).indexOf("/libjvm.") < 0;
        } catch (IOException | RuntimeException unreadable) {
            return launcher(pid).map(command -> !Path.of(command).getFileName().toString().startsWith("java"))
                    .orElse(false);
        }
    }

    /**
     * The program the process runs: as the JDK tells it, else the first word of its command line
     * ({@code /proc/<pid>/cmdline} stays readable where the executable's link does not, as for a
     * container's first process).
     */
    private static Optional<String> launcher(long pid) {
        Optional<String> command = ProcessHandle.of(pid).flatMap(process -> process.info().command());
        if (command.isPresent()) {
            return command;
        }
        try {
            String line = Files.readString(Path.of("/proc", String.valueOf(pid), "cmdline"));
            int end = line.indexOf('\0');
            String first = end < 0 ? line : line.substring(0, end);
            return first.isBlank() ? Optional.empty() : Optional.of(first);
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    private static CliException attachFailure(long pid, ProcessHandle process, IOException e) {
        String message = String.valueOf(e.getMessage());
        String lower = message.toLowerCase(Locale.ROOT);
        if (lower.contains("no such process")) {
            return CliException.failure("no such process: " + pid);
        }
        if (!process.isAlive()) { // it exited while the CLI reached for it (its performance data outlives a kill)
            return CliException.failure("lost process " + pid + " (did it exit?): " + message);
        }
        if (lower.contains("not permitted") || lower.contains("permission denied") || lower.contains("not secure")
                || lower.contains("owned by")) {
            String owner = process.info().user().orElse("another user");
            return CliException.failure("attach not permitted: process " + pid + " runs as " + owner + " and this CLI as "
                    + System.getProperty("user.name") + "; run the CLI as " + owner + " (" + message + ")");
        }
        return CliException.failure("cannot attach to process " + pid + ": " + message);
    }

    private static String command(long pid) {
        return launcher(pid).map(command -> " (" + command + ")").orElse("");
    }
}
