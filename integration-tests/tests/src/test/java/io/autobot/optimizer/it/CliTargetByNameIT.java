package io.autobot.optimizer.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.autobot.optimizer.it.hosts.NamedTargetHost;
import io.autobot.optimizer.it.support.AgentCli;
import io.autobot.optimizer.it.support.AgentCli.Run;
import io.autobot.optimizer.it.support.ChildJvm;
import io.autobot.optimizer.it.support.HostProcess;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every verb's {@code <pid>} may be a main class or jar name, as jcmd accepts it. */
class CliTargetByNameIT {

    @Test
    void aVerbReachesTheJvmNamedByItsMainClassAndRefusesANameOfSeveral() throws Exception {
        try (HostProcess host = HostProcess.start(ChildJvm.of(NamedTargetHost.class).withAgent("cache=memory"))) {
            assertThat(host.send("call")).containsEntry("correct", "true").containsEntry("runs", "1");

            Run bySimpleName = AgentCli.run("status", "NamedTargetHost", "--json");
            assertThat(bySimpleName.exitCode()).as(bySimpleName.toString()).isZero();
            assertThat(bySimpleName.json()).containsEntry("pid", host.pid());

            Run byFullName = AgentCli.run("level", NamedTargetHost.class.getName(), "aggressive", "--json");
            assertThat(byFullName.exitCode()).as(byFullName.toString()).isZero();
            Map<String, Object> settings = AgentCli.run("status", host.pid(), "--json").json();
            assertThat(settings).containsEntry("pid", host.pid());
            assertThat(String.valueOf(settings.get("settings"))).contains("OptimizationLevel=aggressive");

            Run unknown = AgentCli.run("status", "NoSuchMainClassAnywhere");
            assertThat(unknown.exitCode()).as(unknown.toString()).isEqualTo(2);
            assertThat(unknown.stderr().strip()).contains("'NoSuchMainClassAnywhere'").doesNotContain("\n");

            try (HostProcess twin = HostProcess.start(ChildJvm.of(NamedTargetHost.class).withAgent("cache=memory"))) {
                Run ambiguous = AgentCli.run("status", "NamedTargetHost");
                assertThat(ambiguous.exitCode()).as(ambiguous.toString()).isEqualTo(2);
                assertThat(ambiguous.stderr()).contains("2 JVMs").contains(String.valueOf(host.pid()))
                        .contains(String.valueOf(twin.pid()));
            }
            assertThat(host.send("call")).containsEntry("correct", "true").containsEntry("runs", "1");
        }
    }
}
