package io.autobot.optimizer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The command line's contract that needs no target: usage, help, exit codes, one-line errors. */
class MainTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void printsTheUsageWithEveryVerbInTheContractsOrder() {
        assertThat(run()).isZero();
        String usage = out.toString();
        int previous = -1;
        // the contract's verbs, in its order (DESIGN: CLI)
        for (String verb : List.of("list", "attach", "status", "report", "recommendations", "level", "cache",
                "workers", "rate", "scenario", "clear-cache", "export", "detach", "shell")) {
            int at = usage.indexOf("\n  " + verb + " ");
            assertThat(at).as(verb).isGreaterThan(previous);
            previous = at;
        }
    }

    @Test
    void helpsWithEachVerb() {
        for (String verb : List.of("attach", "detach", "shell")) {
            assertThat(run("help", verb)).isZero();
            assertThat(run(verb, "--help")).isZero();
        }
        assertThat(out.toString()).contains("Usage: java -jar autobot-agent.jar attach [-hV] [--json] <pid>");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void usageErrorsAreOneLineAndExitWithTwo() {
        assertThat(run("frobnicate")).isEqualTo(2);
        assertThat(run("level", "12")).isEqualTo(2);
        assertThat(run("status", "twelve")).isEqualTo(2);
        assertThat(run("level", "12", "turbo")).isEqualTo(2);
        assertThat(run("workers", "12", "-3")).isEqualTo(2);
        assertThat(run("attach", "12", "speed=max")).isEqualTo(2);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString().lines()).hasSize(6).allSatisfy(line -> assertThat(line).startsWith("error: "));
        assertThat(err.toString()).contains("'frobnicate'").contains("Missing required parameter: '<level>'")
                .contains("help level").contains("'twelve'")
                .contains("OPTIMIZATION_LEVEL='turbo' is not accepted: expected one of basic, moderate, aggressive")
                .contains("unknown setting 'speed'");
    }

    @Test
    void saysWhenTheProcessDoesNotExist() {
        assertThat(run("status", String.valueOf(Integer.MAX_VALUE - 1))).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("error: no such process: " + (Integer.MAX_VALUE - 1) + "\n");
    }

    @Test
    void refusesToAttachToItself() {
        assertThat(run("status", String.valueOf(ProcessHandle.current().pid()))).isEqualTo(2);
        assertThat(err.toString()).contains("is this CLI itself");
    }

    @Test
    void printsItsVersion() {
        assertThat(run("--version")).isZero();
        assertThat(out.toString()).startsWith("AutoBot Optimizer ");
    }
}
