package io.autobot.optimizer.protocol.attach;

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
}
