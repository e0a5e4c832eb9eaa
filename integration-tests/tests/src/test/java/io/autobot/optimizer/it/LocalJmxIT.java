package io.autobot.optimizer.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.autobot.optimizer.it.hosts.AttachHost;
import io.autobot.optimizer.it.hosts.RmiProbe;
import io.autobot.optimizer.it.support.AgentCli;
import io.autobot.optimizer.it.support.ChildJvm;
import io.autobot.optimizer.it.support.HostProcess;
import io.autobot.optimizer.it.support.ListeningSockets;
import io.autobot.optimizer.it.support.OtherMachine;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The management surface stays local. A host running with the agent (management plane, meters
 * and system sampler up) listens on no TCP port. The CLI reaches it through the Attach API and the
 * JDK's local JMX connector, whose port answers clients on this machine and closes on a client of
 * another one (a network namespace here). Only the JDK's remote JMX, which the user turns on,
 * opens a port of its own: the control that shows the check sees ports.
 */
class LocalJmxIT {

    @TempDir
    Path workDir;

    @BeforeEach
    void onLinux() {
        assumeTrue(ListeningSockets.readable(), "no /proc/<pid>/net/tcp on this machine: skipped");
    }

    @Test
    void aHostWithTheAgentListensOnNoPort() throws Exception {
        try (HostProcess host = HostProcess.start(ChildJvm.of(AttachHost.class).withAgent().workDir(workDir))) {
            assertThat(host.send("call")).containsEntry("correct", "true").containsEntry("runs", "2");
            assertThat(host.send("report")).containsEntry("report", "true").containsEntry("total_calls.type", "Long");
            assertThat(ListeningSockets.of(host.pid())).as(host.stderr()).isEmpty();
        }
    }

    @Test
    void theCliConnectorAnswersThisMachineOnlyNeverAnother() throws Exception {
        try (HostProcess host = HostProcess.start(ChildJvm.of(AttachHost.class).withAgent().workDir(workDir))) {
            AgentCli.Run status = AgentCli.run("status", host.pid());
            assertThat(status.exitCode()).as(status.toString()).isZero();
            List<String> listening = ListeningSockets.of(host.pid());
            assertThat(listening).as("the JDK's local connector, started for the CLI").hasSize(1);
            int port = Integer.parseInt(listening.get(0).substring(listening.get(0).lastIndexOf(':') + 1));

            assertThat(knock(ChildJvm.of(RmiProbe.class), "127.0.0.1", port)).isEqualTo("ack");
            try (OtherMachine other = OtherMachine.create()) {
                assumeTrue(other != null, "no network namespace could be made here (needs root and iproute2): "
                        + "the remote half skipped");
                assertThat(knock(ChildJvm.of(RmiProbe.class).launcher(other.launcher()), other.ourAddress(), port))
                        .as("a client on another machine").isEqualTo("closed");
            }
            // the JDK's own line (java.util.logging, on the host's stderr) says why; the host and the CLI go on
            awaitStderr(host, "only accept connections from clients running on the host");
            assertThat(host.send("call")).containsEntry("correct", "true");
            assertThat(AgentCli.run("status", host.pid()).exitCode()).as("the CLI still works").isZero();
        }
    }

    /** The control: the same checks see the port, and reach it from the other machine, when the user opens it. */
    @Test
    void theJdksRemoteJmxOpensAPortOnlyWhenTheUserTurnsItOn() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        ChildJvm jvm = ChildJvm.of(AttachHost.class).withAgent().workDir(workDir)
                .jvmArg("-Dcom.sun.management.jmxremote.port=" + port)
                .jvmArg("-Dcom.sun.management.jmxremote.rmi.port=" + port)
                .jvmArg("-Dcom.sun.management.jmxremote.authenticate=false") // a test's JVM only: never do this
                .jvmArg("-Dcom.sun.management.jmxremote.ssl=false");
        try (HostProcess host = HostProcess.start(jvm)) {
            assertThat(host.send("report")).containsEntry("report", "true");
            assertThat(ListeningSockets.of(host.pid())).as(host.stderr()).anyMatch(socket -> socket.endsWith(":" + port));
            try (OtherMachine other = OtherMachine.create()) {
                assumeTrue(other != null, "no network namespace could be made here (needs root and iproute2): "
                        + "the remote half skipped");
                assertThat(knock(ChildJvm.of(RmiProbe.class).launcher(other.launcher()), other.ourAddress(), port))
                        .as("a client on another machine").isEqualTo("ack");
            }
        }
    }

    private static void awaitStderr(HostProcess host, String text) throws InterruptedException {
        long end = System.nanoTime() + 10_000_000_000L;
        while (!host.stderr().contains(text) && System.nanoTime() < end) {
            Thread.sleep(50);
        }
        assertThat(host.stderr()).contains(text);
    }

    private static String knock(ChildJvm probe, String address, int port) throws Exception {
        ChildJvm.Result result = probe.args(address, String.valueOf(port)).timeoutSeconds(60).run();
        return result.value("rmi");
    }
}
