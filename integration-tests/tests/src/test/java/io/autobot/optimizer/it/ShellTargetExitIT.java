package io.autobot.optimizer.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.autobot.optimizer.it.hosts.AttachHost;
import io.autobot.optimizer.it.support.AgentCli;
import io.autobot.optimizer.it.support.ChildJvm;
import io.autobot.optimizer.it.support.HostProcess;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The shell keeps its prompt while the target runs and says so, without a stack trace, when it exits. */
class ShellTargetExitIT {

    @Test
    void saysTheTargetExitedInsteadOfCrashing() throws Exception {
        String output;
        int exitCode;
        try (HostProcess host = HostProcess.start(ChildJvm.of(AttachHost.class).withAgent("cache=memory"))) {
            host.send("bean");
            List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                    ChildJvm.agentJar().toString(), "shell", String.valueOf(host.pid()));
            Process shell = new ProcessBuilder(command).redirectErrorStream(true).start();
            PrintWriter input = new PrintWriter(shell.getOutputStream(), true, StandardCharsets.UTF_8);
            BufferedReader reader = new BufferedReader(new InputStreamReader(shell.getInputStream(),
                    StandardCharsets.UTF_8));
            StringBuilder text = new StringBuilder();
            input.println("optimize status");
            String line;
            while ((line = reader.readLine()) != null && !line.contains("Cache statistics")) {
                text.append(line).append('\n');
            }
            host.kill();
            input.println("optimize status");
            input.println("optimize report");
            int c;
            while ((c = reader.read()) >= 0) {
                text.append((char) c);
            }
            assertThat(shell.waitFor(60, TimeUnit.SECONDS)).isTrue();
            output = text.toString();
            exitCode = shell.exitValue();
        }
        assertThat(output).contains("AutoBot> ").contains("AutoBot Optimizer in process")
                .contains("has exited or cannot be reached any more; the shell ends")
                .doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(exitCode).isEqualTo(1);
    }
}
