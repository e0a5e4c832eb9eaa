package io.autobot.optimizer.protocol.settings;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AgentArgumentsTest {

    @Test
    void readsPairsInOrderAndTheLastOneWins() {
        AgentArguments arguments = AgentArguments.parse(" level=basic, cache = memory,,LEVEL=aggressive");
        assertThat(arguments.get("level", "x")).isEqualTo("aggressive");
        assertThat(arguments.get("workers", "4")).isEqualTo("4");
        assertThat(arguments.values()).containsExactly(java.util.Map.entry("level", "basic"),
                java.util.Map.entry("cache", "memory"), java.util.Map.entry("LEVEL", "aggressive"));
        assertThat(arguments.problems()).isEmpty();
    }

    @Test
    void keepsAndReportsBareWords() {
        AgentArguments arguments = AgentArguments.parse("turbo,level=basic,request=3");
        assertThat(arguments.problems()).containsExactly(
                "agent argument 'turbo' is ignored: expected key=value, such as level=aggressive");
        assertThat(arguments.without("REQUEST").format()).isEqualTo("turbo,level=basic");
        assertThat(AgentArguments.parse(null).format()).isNull();
        assertThat(AgentArguments.parse("request=1").without("request").format()).isNull();
    }

    @Test
    void oneBooleanParser() {
        for (String yes : new String[] {"true", "YES", "on", "1", "Enabled"}) {
            assertThat(Values.parseBoolean(yes)).as(yes).isTrue();
        }
        for (String no : new String[] {"false", "no", "OFF", "0", "disabled"}) {
            assertThat(Values.parseBoolean(no)).as(no).isFalse();
        }
    }
}
