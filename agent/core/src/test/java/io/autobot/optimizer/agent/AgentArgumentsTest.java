package io.autobot.optimizer.agent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AgentArgumentsTest {

    @Test
    void readsTheCommandFromTheArguments() {
        assertThat(Agent.option(null, "command", "start")).isEqualTo("start");
        assertThat(Agent.option("level=basic", "command", "start")).isEqualTo("start");
        assertThat(Agent.option("level=basic, command=detach", "command", "start")).isEqualTo("detach");
        assertThat(Agent.settingsOnly("level=basic,command=detach,request=7,cache=memory"))
                .isEqualTo("level=basic,cache=memory");
        assertThat(Agent.settingsOnly("command=detach,request=1")).isNull();
    }

    @Test
    void debugLoggingReadsEveryBooleanTheSettingAccepts() {
        assertThat(AgentLogging.debugRequested("debug=enabled")).isTrue();
        assertThat(AgentLogging.debugRequested("level=basic,AUTOBOT_DEBUG=on")).isTrue();
        assertThat(AgentLogging.debugRequested("debug=yes,debug=disabled")).isFalse();
        assertThat(AgentLogging.debugRequested("debug=loud")).isFalse();
    }
}
