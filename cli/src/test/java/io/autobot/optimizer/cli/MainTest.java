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
        assertThat(err.toString()).contains("'frobnicate' is not a verb: expected one of help, list, fleet, attach, status,")
                .contains("'level' needs <pid> <level>; <level> is missing").contains("help level")
                .contains("'twelve'")
                .contains("OPTIMIZATION_LEVEL='turbo' is not accepted: expected one of basic, moderate, aggressive")
                .contains("unknown setting 'speed'");
    }

    @Test
    void saysWhatIsWrongInItsOwnWords() {
        assertThat(run("status", "12", "13")).isEqualTo(2);
        assertThat(run("discover", "abc")).isEqualTo(2);
        assertThat(run("level", "12", "turbo", "--fast")).isEqualTo(2);
        assertThat(run("attach")).isEqualTo(2);
        assertThat(err.toString()).doesNotContain("Unmatched").doesNotContain("is not a long")
                .doesNotContain("Missing required").doesNotContain("index");
        List<String> lines = err.toString().lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).isEqualTo("error: 'status' takes <pid>; '13' is one argument too many (see 'java -jar"
                + " autobot-agent.jar help status')");
        assertThat(lines.get(1)).isEqualTo("error: no JVM of user " + System.getProperty("user.name") + " runs a main"
                + " class or jar named like 'abc'; 'list' shows the JVMs that can be attached to");
        assertThat(lines.get(2)).startsWith("error: '--fast' is not an option of 'level': expected ")
                .contains("--help").endsWith("(see 'java -jar autobot-agent.jar help level')");
        assertThat(lines.get(3)).isEqualTo("error: 'attach' needs <pid> [<settings>...]; <pid> is missing (see 'java"
                + " -jar autobot-agent.jar help attach')");
    }

    @Test
    void saysQuicklyThatAProcessIsNotAJvm() throws Exception {
        Process sleeper = new ProcessBuilder("sleep", "30").start();
        try {
            assertThat(run("status", String.valueOf(sleeper.pid()))).isEqualTo(1);
            assertThat(err.toString()).startsWith("error: process " + sleeper.pid() + " is not a Java virtual machine")
                    .contains("sleep").hasLineCount(1);
        } finally {
            sleeper.destroyForcibly();
        }
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

    @Test
    void buildsOnlyTheVerbTheCommandLineNames() {
        assertThat(Main.verbNamed(new String[] {"status", "12"})).isEqualTo("status");
        assertThat(Main.verbNamed(new String[] {"--json", "report", "12"})).isEqualTo("report");
        assertThat(Main.verbNamed(new String[] {"attach", "12", "level=basic"})).isEqualTo("attach");
        assertThat(Main.verbNamed(new String[] {"--version"})).isNull();
        assertThat(Main.verbNamed(new String[] {"help", "status"})).isNull();
        assertThat(Main.verbNamed(new String[] {"Status", "12"})).isNull();
        assertThat(Main.verbNamed(new String[] {"frobnicate"})).isNull();
        assertThat(Main.verbNamed(new String[] {"set", "12"})).as("the shell's own command").isNull();
        assertThat(run("status", "--help")).isZero();
        assertThat(out.toString()).contains("Usage: java -jar autobot-agent.jar status [-hV] [--json] <pid>");
    }
}
