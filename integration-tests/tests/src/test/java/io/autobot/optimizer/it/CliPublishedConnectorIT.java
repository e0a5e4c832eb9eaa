package io.autobot.optimizer.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.autobot.optimizer.it.hosts.NamedTargetHost;
import io.autobot.optimizer.it.support.AgentCli;
import io.autobot.optimizer.it.support.AgentCli.Run;
import io.autobot.optimizer.it.support.ChildJvm;
import io.autobot.optimizer.it.support.HostProcess;
import org.junit.jupiter.api.Test;

/**
 * A JVM whose local JMX connector runs publishes the connector's address in its performance data;
 * the CLI's agent verbs connect there without attaching, as jconsole does. Shown with a host that
 * refuses attach ({@code -XX:+DisableAttachMechanism}) but runs its local connector from the start
 * ({@code -Dcom.sun.management.jmxremote}): the verbs work, and a verb that must attach says why it
 * cannot.
 */
class CliPublishedConnectorIT {

    @Test
    void theAgentVerbsReachAJvmThroughItsPublishedConnectorWithoutAttaching() throws Exception {
        ChildJvm jvm = ChildJvm.of(NamedTargetHost.class).withAgent("cache=memory")
                .jvmArg("-XX:+DisableAttachMechanism").jvmArg("-Dcom.sun.management.jmxremote");
        try (HostProcess host = HostProcess.start(jvm)) {
            assertThat(host.send("call")).containsEntry("correct", "true").containsEntry("runs", "1");

            Run status = awaitStatus(host.pid());
            assertThat(status.stdout()).startsWith("AutoBot Optimizer in process " + host.pid())
                    .contains("CacheStrategy         memory").contains("Cache statistics");
            Run report = AgentCli.run("report", host.pid(), "--json");
            assertThat(report.exitCode()).as(report.toString()).isZero();
            assertThat(report.json()).containsEntry("pid", host.pid());
            assertThat(String.valueOf(report.json().get("report"))).contains("NamedTargetHost.square");
            Run level = AgentCli.run("level", host.pid(), "aggressive");
            assertThat(level.exitCode()).as(level.toString()).isZero();
            assertThat(level.stdout().strip()).isEqualTo("OptimizationLevel = aggressive");

            Run detach = AgentCli.run("detach", host.pid());
            assertThat(detach.exitCode()).as(detach.toString()).isEqualTo(1);
            assertThat(detach.stderr().strip()).startsWith("error: cannot attach to process " + host.pid())
                    .contains("DisableAttachMechanism").doesNotContain("\n");
            assertThat(host.send("call")).containsEntry("correct", "true").containsEntry("runs", "1");
        }
    }

    /**
     * {@code status}, once the agent's beans are registered: until then the CLI would attach to wait
     * for them, which this host refuses.
     */
    private static Run awaitStatus(long pid) throws Exception {
        long end = System.nanoTime() + 30_000_000_000L;
        Run status = AgentCli.run("status", pid);
        while (status.exitCode() != 0 && System.nanoTime() < end) {
            Thread.sleep(200);
            status = AgentCli.run("status", pid);
        }
        assertThat(status.exitCode()).as(status.toString()).isZero();
        return status;
    }
}
