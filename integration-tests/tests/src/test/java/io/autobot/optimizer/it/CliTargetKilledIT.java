package io.autobot.optimizer.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.autobot.optimizer.it.hosts.AttachHost;
import io.autobot.optimizer.it.support.AgentCli;
import io.autobot.optimizer.it.support.AgentCli.Run;
import io.autobot.optimizer.it.support.ChildJvm;
import io.autobot.optimizer.it.support.HostProcess;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The target JVM killed ({@code kill -9}) while a CLI command talks to it, at several moments of
 * the command: the CLI never hangs and never prints a stack trace; it either finished before the
 * kill (exit 0) or says in one line that the process is gone (exit 1).
 */
class CliTargetKilledIT {

    @TempDir
    Path workDir;

    @ParameterizedTest(name = "{0}, killed after {1} ms")
    @CsvSource({"attach, 0", "attach, 400", "attach, 800", "attach, 1300",
            "report, 0", "report, 400", "report, 800",
            "export, 0", "export, 400", "export, 800"})
    void theCliSaysTheTargetIsGoneInOneLine(String verb, long killAfterMillis) throws Exception {
        boolean agentFirst = !verb.equals("attach");
        ChildJvm jvm = ChildJvm.of(AttachHost.class).workDir(workDir);
        Run run;
        try (HostProcess host = HostProcess.start(agentFirst ? jvm.withAgent("cache=memory") : jvm)) {
            host.send("call");
            List<Object> args = verb.equals("export") ? List.of(verb, host.pid(), "killed.json") : List.of(verb, host.pid());
            CompletableFuture<Run> cli = CompletableFuture.supplyAsync(() -> {
                try {
                    return AgentCli.run(args.toArray());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(killAfterMillis);
            host.kill();
            run = cli.get(150, TimeUnit.SECONDS); // AgentCli fails the test after 120 s: a hang
        }
        assertThat(run.stderr()).as(run.toString()).doesNotContain("\tat ").doesNotContain("java.")
                .doesNotContain("nested exception");
        assertThat(run.exitCode()).as(run.toString()).isIn(0, 1);
        if (run.exitCode() == 1) {
            assertThat(run.stderr().lines()).as(run.toString()).hasSize(1);
            assertThat(run.stderr()).as(run.toString()).startsWith("error: ");
        }
        System.out.printf("cli %s, target killed after %d ms: exit %d %s%n", verb, killAfterMillis, run.exitCode(),
                run.stderr().strip());
    }
}
