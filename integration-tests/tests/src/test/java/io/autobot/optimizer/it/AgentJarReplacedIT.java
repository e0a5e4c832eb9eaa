package io.autobot.optimizer.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.autobot.optimizer.it.hosts.AttachHost;
import io.autobot.optimizer.it.support.AgentCli;
import io.autobot.optimizer.it.support.AgentCli.Run;
import io.autobot.optimizer.it.support.ChildJvm;
import io.autobot.optimizer.it.support.HostProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new build copied over the agent jar a JVM runs the agent from: the running agent keeps
 * caching, and attaching the new jar to that JVM changes nothing, says what happened and exits 1.
 */
class AgentJarReplacedIT {

    @TempDir
    static Path workDir;

    private static Map<String, String> before;
    private static Map<String, String> after;
    private static Run attach;

    @BeforeAll
    static void story() throws Exception {
        Path jar = Files.copy(ChildJvm.agentJar(), workDir.resolve("autobot-agent.jar"));
        try (HostProcess host = HostProcess.start(ChildJvm.of(AttachHost.class).agentBefore("-javaagent:" + jar)
                .env("CACHE_STRATEGY", "memory").workDir(workDir))) {
            before = host.send("call");
            // the new build: a jar copied over the old one, written later
            Files.copy(ChildJvm.agentJar(), jar, StandardCopyOption.REPLACE_EXISTING);
            Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 60_000));
            attach = AgentCli.runJar(jar, "attach", host.pid(), "level=aggressive");
            after = host.send("call");
        }
    }

    @Test
    void theRunningAgentKeepsCaching() {
        // cube(7) ran once in the first call, and never again
        assertThat(before).containsEntry("correct", "true").containsEntry("runs", "2");
        assertThat(after).containsEntry("correct", "true").containsEntry("runs", "2");
    }

    @Test
    void attachingTheNewJarSaysWhatHappenedAndFails() {
        assertThat(attach.exitCode()).as(attach.toString()).isEqualTo(1);
        assertThat(attach.stdout()).as(attach.toString()).isEmpty();
        assertThat(attach.stderr()).as(attach.toString()).startsWith("error: ")
                .contains("was replaced after this JVM loaded the agent from it").contains("restart the JVM")
                .hasLineCount(1);
    }
}
