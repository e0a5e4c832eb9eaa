package io.autobot.optimizer.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.autobot.optimizer.it.hosts.RulesHost;
import io.autobot.optimizer.it.support.AgentCli;
import io.autobot.optimizer.it.support.AgentCli.Run;
import io.autobot.optimizer.it.support.ChildJvm;
import io.autobot.optimizer.it.support.HostProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rules file optimizes code without annotations: methods of a third-party library (AssertJ's
 * {@code Strings}, a jar the host uses) are memoized, attached to a running host and from
 * {@code -javaagent}. A rule that selects nothing is reported with its line, the others apply, and
 * the attach exits 1; a file with a line that does not parse is refused as a whole and the running
 * selection stays.
 */
class RulesIT {

    @TempDir
    static Path workDir;

    private static Path rules;
    private static Path broken;
    private static Map<String, String> before;
    private static Map<String, String> attached;
    private static Map<String, String> afterBroken;
    private static Map<String, String> premain;
    private static Run attach;
    private static Run attachBroken;
    private static String premainLog;

    @BeforeAll
    static void story() throws Exception {
        rules = Files.writeString(workDir.resolve("library.rules"), String.join("\n",
                "# memoize methods of a library the host uses but cannot change",
                "org.assertj.core.util.Strings.quote(String)   cached(ttl=10m)",
                "org.assertj.core.util.Str*.escape*            cached",
                "org.assertj.core.util.Strings.noSuchMethod    cached",
                "com.example.Missing.run                       cached",
                ""));
        broken = Files.writeString(workDir.resolve("broken.rules"), String.join("\n",
                "org.assertj.core.util.Strings.concat          cached",
                "org.assertj.core.util.Strings.quote           cachd(1h)",
                ""));
        try (HostProcess host = HostProcess.start(ChildJvm.of(RulesHost.class).workDir(workDir))) {
            before = host.send("call");
            // a relative path: the CLI resolves it, the host has another working directory
            attach = AgentCli.run("attach", host.pid(), "rules=" + Path.of("").toAbsolutePath().relativize(rules),
                    "cache=memory");
            attached = host.send("call");
            attachBroken = AgentCli.run("attach", host.pid(), "rules=" + broken);
            afterBroken = host.send("call");
        }
        try (HostProcess host = HostProcess.start(ChildJvm.of(RulesHost.class)
                .withAgent("rules=" + rules + ",cache=memory").workDir(workDir))) {
            premain = host.send("call");
            host.close();
            premainLog = host.stderr();
        }
    }

    @Test
    void withoutTheAgentEveryCallBuildsANewString() {
        assertThat(before).containsEntry("same.quote", "false").containsEntry("same.escape", "false")
                .containsEntry("same.concat", "false").containsEntry("correct", "true");
    }

    @Test
    void memoizesTheLibraryMethodsTheRulesName() {
        assertThat(attach.stdout()).contains("org.assertj.core.util.Strings.quote(java.lang.String) [cache]")
                .contains("org.assertj.core.util.Strings.escapePercent(java.lang.String) [cache]")
                .doesNotContain("quote(java.lang.Object)").doesNotContain("concat");
        assertThat(attached).containsEntry("same.quote", "true").containsEntry("same.escape", "true")
                .containsEntry("same.concat", "false").containsEntry("correct", "true");
        assertThat(premain).containsEntry("same.quote", "true").containsEntry("same.escape", "true")
                .containsEntry("same.concat", "false").containsEntry("correct", "true");
    }

    @Test
    void reportsEachRuleThatSelectsNothingWithItsLineAndExitsWithAFailure() {
        assertThat(attach.exitCode()).as(attach.toString()).isEqualTo(1);
        List<String> errors = attach.stderr().lines().toList();
        assertThat(errors).as(attach.toString()).hasSize(3).allSatisfy(line -> assertThat(line).startsWith("error: "));
        assertThat(errors.get(0) + errors.get(1))
                .contains(rules + " line 4: class org.assertj.core.util.Strings has no method noSuchMethod(..)")
                .contains(rules + " line 5: class com.example.Missing is not on the class path");
        assertThat(errors.get(2)).contains("not in force in process");
        assertThat(premainLog).contains(rules + " line 4:").contains(rules + " line 5:");
    }

    @Test
    void refusesAFileThatDoesNotParseAsAWholeAndKeepsTheRunningSelection() {
        assertThat(attachBroken.exitCode()).as(attachBroken.toString()).isEqualTo(1);
        assertThat(attachBroken.stderr()).contains("error: rules file " + broken + " line 2: unknown policy 'cachd'")
                .contains("error: rules file " + broken + " is refused as a whole: 1 line does not parse")
                .contains("the methods selected before stay instrumented");
        assertThat(attachBroken.stdout()).contains("Instrumented 3 methods")
                .contains("org.assertj.core.util.Strings.quote(java.lang.String) [cache]")
                .doesNotContain("concat").doesNotContain("applied rules");
        assertThat(afterBroken).containsEntry("same.quote", "true").containsEntry("same.escape", "true")
                .containsEntry("same.concat", "false").containsEntry("correct", "true");
    }
}
