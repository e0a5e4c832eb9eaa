package io.autobot.optimizer.cli;

import com.sun.tools.attach.AgentInitializationException;
import com.sun.tools.attach.AgentLoadException;
import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;
import com.sun.tools.attach.VirtualMachineDescriptor;
import io.autobot.optimizer.cli.shell.TargetUnavailableException;
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

    /** The JVM option that allows loading agents into a running JVM without a warning (JDK 21+, JEP 451). */
    static final String DYNAMIC_LOADING_FLAG = "-XX:+EnableDynamicAgentLoading";

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
        if (!listed(pid) && isNotAJvm(pid)) {
            throw CliException.failure("process " + pid + " is not a Java virtual machine"
                    + command(process.get()));
        }
        try {
            return new TargetJvm(pid, VirtualMachine.attach(String.valueOf(pid)));
        } catch (AttachNotSupportedException e) {
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
        try {
            return vm.getSystemProperties();
        } catch (IOException e) {
            throw gone(e);
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

    /** Whether the JVM advertises itself (hsperfdata), as jps sees it. */
    private static boolean listed(long pid) {
        String id = String.valueOf(pid);
        for (VirtualMachineDescriptor descriptor : VirtualMachine.list()) {
            if (descriptor.id().equals(id)) {
                return true;
            }
        }
        return false;
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
            return ProcessHandle.of(pid).flatMap(process -> process.info().command())
                    .map(command -> !Path.of(command).getFileName().toString().startsWith("java"))
                    .orElse(false);
        }
    }

    private static CliException attachFailure(long pid, ProcessHandle process, IOException e) {
        String message = String.valueOf(e.getMessage());
        String lower = message.toLowerCase(Locale.ROOT);
        if (lower.contains("no such process")) {
            return CliException.failure("no such process: " + pid);
        }
        if (lower.contains("not permitted") || lower.contains("permission denied") || lower.contains("not secure")
                || lower.contains("owned by")) {
            String owner = process.info().user().orElse("another user");
            return CliException.failure("attach not permitted: process " + pid + " runs as " + owner + " and this CLI as "
                    + System.getProperty("user.name") + "; run the CLI as " + owner + " (" + message + ")");
        }
        return CliException.failure("cannot attach to process " + pid + ": " + message);
    }

    private static String command(ProcessHandle process) {
        return process.info().command().map(command -> " (" + command + ")").orElse("");
    }
}
