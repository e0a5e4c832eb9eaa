package io.autobot.optimizer.cli;

import io.autobot.optimizer.api.AutoBot;
import io.autobot.optimizer.cli.shell.MBeanBackend;
import io.autobot.optimizer.cli.shell.TargetUnavailableException;
import java.io.IOException;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * A JMX connection to the agent in another JVM: attach, start (or find) the target's local JMX
 * connector, connect. The agent's beans are then reached through {@link #backend()}.
 */
final class AgentConnection implements AutoCloseable {

    private final long pid;
    private final String agentVersion;
    private final JMXConnector connector;
    private final MBeanBackend backend;

    private AgentConnection(long pid, String agentVersion, JMXConnector connector) throws IOException {
        this.pid = pid;
        this.agentVersion = agentVersion;
        this.connector = connector;
        this.backend = new MBeanBackend(connector.getMBeanServerConnection(), "process " + pid,
                "agent not attached to process " + pid + ": its " + AutoBot.OPTIMIZER_BEAN + " MXBean is not"
                        + " registered; attach it with 'java -jar autobot-agent.jar attach " + pid + "'");
    }

    /**
     * Connects to the agent in the JVM with this pid; fails with "agent not attached" when it does
     * not run there. A JVM of this user whose local JMX connector already runs (started by an
     * earlier command, or by {@code -Dcom.sun.management.jmxremote}) publishes its address in its
     * performance data: the CLI then connects without attaching, as {@code jconsole} does. When
     * the address is not there, the connection fails, or the agent's bean is not registered (yet),
     * it attaches, which also waits for an agent still starting and words every failure.
     */
    static AgentConnection open(long pid) {
        return EarlyConnection.of(pid).open(pid);
    }

    /** The connection through the address the target published, or null when there is none that serves. */
    static AgentConnection published(long pid) {
        if (pid == ProcessHandle.current().pid()) {
            return null;
        }
        String address = PerfData.string(PerfData.file(pid), PerfData.LOCAL_CONNECTOR_ADDRESS);
        if (address == null) {
            return null;
        }
        JMXConnector connector = null;
        try {
            connector = JMXConnectorFactory.connect(new JMXServiceURL(address));
            AgentConnection connection = new AgentConnection(pid, null, connector);
            if (connection.backend.attached()) {
                return connection;
            }
        } catch (IOException | RuntimeException unusable) {
            // a stale file, a JVM on its way out, an agent not (yet) there: attaching tells which
        }
        if (connector != null) {
            try {
                connector.close();
            } catch (IOException ignored) {
                // the attach path follows
            }
        }
        return null;
    }

    /** Attaches to the target, starts (or finds) its local JMX connector and connects to it. */
    static AgentConnection attached(long pid) {
        try (TargetJvm jvm = TargetJvm.attach(pid)) {
            String version = jvm.agentVersion();
            if (version == null) {
                throw CliException.failure(notAttached(pid));
            }
            String address = jvm.startLocalManagementAgent();
            try {
                return new AgentConnection(pid, version, JMXConnectorFactory.connect(new JMXServiceURL(address)));
            } catch (IOException e) {
                throw CliException.failure("cannot connect to the JMX agent of process " + pid + " (did it exit?): "
                        + TargetUnavailableException.reason(e));
            }
        }
    }

    /** The one line that says the agent does not run in the process, and how to attach it. */
    static String notAttached(long pid) {
        return "agent not attached to process " + pid + ": attach it with 'java -jar autobot-agent.jar attach " + pid
                + "'";
    }

    long pid() {
        return pid;
    }

    /** The version of the agent running in the target (asked of its bean when the connection did not attach). */
    String agentVersion() {
        return agentVersion != null ? agentVersion : backend.agentVersion();
    }

    MBeanBackend backend() {
        return backend;
    }

    @Override
    public void close() {
        try {
            connector.close();
        } catch (IOException ignored) {
            // the target went away; nothing to release
        }
    }
}
