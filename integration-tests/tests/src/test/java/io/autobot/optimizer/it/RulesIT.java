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
 * {@code -javaagent}. Bad rules are reported with their line; the other rules apply.
 */
class RulesIT {

    @TempDir
    static Path workDir;

    private static Path rules;
    private static Map<String, String> before;
    private static Map<String, String> attached;
    private static Map<String, String> premain;
    private static Run attach;
    private static String premainLog;

    @BeforeAll
    static void story() throws Exception {
        rules = Files.writeString(workDir.resolve("library.rules"), String.join("\n",
                "# memoize methods of a library the host uses but cannot change",
                "org.assertj.core.util.Strings.quote(String)   cached(ttl=10m)",
                "org.assertj.core.util.Str*.escape*            cached",
                "org.assertj.core.util.Strings.noSuchMethod    cached",
                "org.assertj.core.util.Strings.quote           cachd(1h)",
                "com.example.Missing.run                       cached",
                ""));
        try (HostProcess host = HostProcess.start(ChildJvm.of(RulesHost.class).workDir(workDir))) {
            before = host.send("call");
            // a relative path: the CLI resolves it, the host has another working directory
            attach = AgentCli.run("attach", host.pid(), "rules=" + Path.of("").toAbsolutePath().relativize(rules),
                    "cache=memory");
            attached = host.send("call");
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
        assertThat(attach.exitCode()).as(attach.toString()).isZero();
        assertThat(attach.stdout()).contains("org.assertj.core.util.Strings.quote(java.lang.String) [cache]")
                .contains("org.assertj.core.util.Strings.escapePercent(java.lang.String) [cache]")
                .doesNotContain("quote(java.lang.Object)").doesNotContain("concat");
        assertThat(attached).containsEntry("same.quote", "true").containsEntry("same.escape", "true")
                .containsEntry("same.concat", "false").containsEntry("correct", "true");
        assertThat(premain).containsEntry("same.quote", "true").containsEntry("same.escape", "true")
                .containsEntry("same.concat", "false").containsEntry("correct", "true");
    }

    @Test
    void reportsEachBadRuleWithItsLineAndAppliesTheOthers() {
        List<String> warnings = attach.stderr().lines().toList();
        assertThat(warnings).as(attach.toString()).hasSize(3).allSatisfy(line ->
                assertThat(line).startsWith("warning: rules file " + rules));
        assertThat(attach.stderr())
                .contains(rules + " line 4: class org.assertj.core.util.Strings has no method noSuchMethod(..)")
                .contains(rules + " line 5: unknown policy 'cachd'")
                .contains(rules + " line 6: class com.example.Missing is not on the class path");
        assertThat(premainLog).contains(rules + " line 4:").contains(rules + " line 5:").contains(rules + " line 6:");
    }
}
