package io.autobot.optimizer.agent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AttachResultTest {

    @Test
    void survivesTheTripThroughItsText() {
        AttachResult result = new AttachResult(AttachResult.Status.ALREADY_RUNNING, "1.2")
                .instrumented("a.B.c(int) [caching]").applied("level=aggressive").problem("bad\nthing=x");
        AttachResult read = AttachResult.parse(result.format());
        assertThat(read.status()).isEqualTo(AttachResult.Status.ALREADY_RUNNING);
        assertThat(read.version()).isEqualTo("1.2");
        assertThat(read.instrumented()).containsExactly("a.B.c(int) [caching]");
        assertThat(read.applied()).containsExactly("level=aggressive");
        assertThat(read.problems()).containsExactly("bad thing=x");
    }

    @Test
    void readsTheCommandFromTheArguments() {
        assertThat(Agent.command(null)).isEqualTo("start");
        assertThat(Agent.command("level=basic")).isEqualTo("start");
        assertThat(Agent.command("level=basic, command=Detach")).isEqualTo("detach");
        assertThat(Agent.withoutCommand("level=basic,command=detach,cache=memory")).isEqualTo("level=basic,cache=memory");
        assertThat(Agent.withoutCommand("command=detach")).isNull();
    }
}
