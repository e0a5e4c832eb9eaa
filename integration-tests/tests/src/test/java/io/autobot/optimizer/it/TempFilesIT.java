package io.autobot.optimizer.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.autobot.optimizer.it.hosts.ManagementHost;
import io.autobot.optimizer.it.support.ChildJvm;
import io.autobot.optimizer.it.support.JmxClient;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the agent leaves in the temporary directory of hosts that are killed (no exit hooks run):
 * the bridge is defined from memory, and OSHI's jars sit in one directory of this user's, named by
 * their content and reused by the next start, so nothing piles up start after start.
 */
class TempFilesIT {

    private static final String SYSTEM = "io.autobot.optimizer:type=System";

    @TempDir
    Path work;

    @Test
    void killedHostsLeaveOneSharedDirectoryOfOshiJarsAndNothingElse() throws Exception {
        Path temp = Files.createDirectories(work.resolve("tmp"));
        for (int start = 1; start <= 2; start++) {
            Process host = ChildJvm.of(ManagementHost.class).withAgent("level=basic,cache=memory")
                    .jvmArg("-Djava.io.tmpdir=" + temp).workDir(work).start();
            try {
                String line = new BufferedReader(new InputStreamReader(host.getInputStream(), StandardCharsets.UTF_8))
                        .readLine();
                assertThat(line).as("the host started").startsWith("ready=");
                host.getErrorStream().close(); // the agent's log must not fill the pipe; not read here
                try (JmxClient jmx = JmxClient.attach(host.pid())) {
                    awaitOshi(jmx);
                }
            } finally {
                host.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        List<Path> left = autobotEntries(temp);
        assertThat(left).as("after two killed hosts").hasSize(1);
        Path oshi = left.get(0);
        assertThat(oshi.getFileName().toString()).startsWith("autobot-oshi-");
        try (Stream<Path> jars = Files.list(oshi)) {
            assertThat(jars.map(jar -> jar.getFileName().toString())).containsExactlyInAnyOrder(
                    "autobot-oshi-probe.jar", "oshi-core.jar", "jna.jar", "jna-platform.jar", "slf4j-api.jar",
                    "slf4j-nop.jar");
        }
    }

    /** Until the system sampler reads through OSHI (its jars are on disk then). */
    private static void awaitOshi(JmxClient jmx) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!"oshi".equals(jmx.get(SYSTEM, "Source")) || (Long) jmx.get(SYSTEM, "SampleCount") < 1) {
            assertThat(System.nanoTime()).as("OSHI sampled within 30 s").isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private static List<Path> autobotEntries(Path temp) throws Exception {
        try (Stream<Path> entries = Files.list(temp)) {
            return entries.filter(entry -> entry.getFileName().toString().startsWith("autobot")).toList();
        }
    }
}
