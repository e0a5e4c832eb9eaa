package io.autobot.optimizer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which command lines connect early: an agent verb of the command tree, given a process id. */
class EarlyConnectionTest {

    private static long pid(String... args) {
        return EarlyConnection.agentVerbPid(Main.verbNamed(args), args);
    }

    @Test
    void anAgentVerbOnAProcessIdConnectsEarly() {
        assertThat(pid("status", "4242")).isEqualTo(4242);
        assertThat(pid("--json", "report", "4242")).isEqualTo(4242);
        assertThat(pid("level", "4242", "aggressive")).isEqualTo(4242);
    }

    @Test
    void everythingElseWaitsForTheVerb() {
        assertThat(pid("status", "NamedTargetHost")).as("a name: found by the verb").isEqualTo(-1);
        assertThat(pid("status", "--json", "4242")).as("an option first: left to the parser").isEqualTo(-1);
        assertThat(pid("attach", "4242")).as("a verb that attaches").isEqualTo(-1);
        assertThat(pid("shell", "4242")).isEqualTo(-1);
        assertThat(pid("status")).isEqualTo(-1);
        assertThat(pid("--version")).isEqualTo(-1);
        assertThat(pid("help", "status")).isEqualTo(-1);
        assertThat(pid("status", "99999999999999999999")).isEqualTo(-1);
    }
}
