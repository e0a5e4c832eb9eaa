package io.autobot.optimizer.agent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AttachResultTest {

    @Test
    void survivesTheTripThroughItsText() {
        AttachResult result = new AttachResult(AttachResult.Status.ALREADY_RUNNING, "1.2")
                .instrumented("a.B.c(int) [caching]").applied("level=aggressive").problem("bad\nthing=x")
                .request("r-1");
        AttachResult read = AttachResult.parse(result.format());
        assertThat(read.status()).isEqualTo(AttachResult.Status.ALREADY_RUNNING);
        assertThat(read.version()).isEqualTo("1.2");
        assertThat(read.request()).isEqualTo("r-1");
        assertThat(read.instrumented()).containsExactly("a.B.c(int) [caching]");
        assertThat(read.applied()).containsExactly("level=aggressive");
        assertThat(read.problems()).containsExactly("bad thing=x");
    }

    @Test
    void readsTheCommandFromTheArguments() {
        assertThat(Agent.option(null, "command", "start")).isEqualTo("start");
        assertThat(Agent.option("level=basic", "command", "start")).isEqualTo("start");
        assertThat(Agent.option("level=basic, command=detach", "command", "start")).isEqualTo("detach");
        assertThat(Agent.settingsOnly("level=basic,command=detach,request=7,cache=memory"))
                .isEqualTo("level=basic,cache=memory");
        assertThat(Agent.settingsOnly("command=detach,request=1")).isNull();
    }
}
