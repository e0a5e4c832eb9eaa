package io.autobot.optimizer.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.autobot.optimizer.it.hosts.AttachHost;
import io.autobot.optimizer.it.support.AgentCli;
import io.autobot.optimizer.it.support.AgentCli.Run;
import io.autobot.optimizer.it.support.ChildJvm;
import io.autobot.optimizer.it.support.HostProcess;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Attaching from the CLI (on JDK 17) to JDK 25 targets: with -XX:+EnableDynamicAgentLoading it is
 * silent; without it the target warns (JEP 451) and the CLI says which flag avoids it; with the
 * flag turned off the CLI refuses in one line naming the flag. Skipped where no JDK 25 is installed.
 */
class Jdk25AttachIT {

    @TempDir
    static Path workDir;

    private static final String FLAG = "-XX:+EnableDynamicAgentLoading";
    private static Path jdk25;
    private static Outcome allowed;
    private static Outcome warned;
    private static Outcome refused;

    private record Outcome(Run attach, Map<String, String> call, String hostLog) {
    }

    @BeforeAll
    static void attachToEach() throws Exception {
        jdk25 = ChildJvm.jdk25();
        if (jdk25 == null) {
            System.out.println("Jdk25AttachIT skipped: no JDK 25 at /usr/lib/jvm/temurin-25-jdk-amd64");
            return;
        }
        allowed = attach(FLAG);
        warned = attach(null);
        refused = attach("-XX:-EnableDynamicAgentLoading");
    }

    private static Outcome attach(String flag) throws Exception {
        ChildJvm jvm = ChildJvm.of(AttachHost.class).javaHome(jdk25).workDir(workDir);
        if (flag != null) {
            jvm.jvmArg(flag);
        }
        try (HostProcess host = HostProcess.start(jvm)) {
            Run attach = AgentCli.run("attach", host.pid(), "cache=memory");
            Map<String, String> call = host.send("call");
            host.close();
            return new Outcome(attach, call, host.stderr());
        }
    }

    @Test
    void attachesSilentlyWithTheFlag() {
        assumeTrue(jdk25 != null, "no JDK 25 installed");
        assertThat(allowed.attach().exitCode()).as(allowed.attach().toString()).isZero();
        assertThat(allowed.attach().stderr()).isEmpty();
        assertThat(allowed.call()).containsEntry("runs", "2").containsEntry("correct", "true");
        assertThat(allowed.hostLog()).doesNotContain("loaded dynamically").contains("AutoBot Optimizer");
    }

    @Test
    void attachesWithTheJvmsWarningWithoutTheFlagAndNamesIt() {
        assumeTrue(jdk25 != null, "no JDK 25 installed");
        assertThat(warned.attach().exitCode()).as(warned.attach().toString()).isZero();
        assertThat(warned.attach().stderr()).startsWith("warning: process ").contains("Java 25").contains(FLAG);
        assertThat(warned.call()).containsEntry("runs", "2").containsEntry("correct", "true");
        assertThat(warned.hostLog()).contains("A Java agent has been loaded dynamically");
    }

    @Test
    void refusesInOneLineNamingTheFlagWhenDynamicLoadingIsOff() {
        assumeTrue(jdk25 != null, "no JDK 25 installed");
        Run run = refused.attach();
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.stderr().lines()).hasSize(1);
        assertThat(run.stderr()).startsWith("error: attach not permitted").contains(FLAG);
        assertThat(refused.call()).containsEntry("runs", "4").containsEntry("correct", "true");
    }
}
