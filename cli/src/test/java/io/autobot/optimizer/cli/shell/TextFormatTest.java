package io.autobot.optimizer.cli.shell;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextFormatTest {

    @Test
    void smallNumbersAreNeverPrintedAsZeroPoint() {
        assertThat(TextFormat.value(1.7e-5)).isEqualTo("0.000017");
        assertThat(TextFormat.value(0.5)).isEqualTo("0.5");
        assertThat(TextFormat.value(2.0)).isEqualTo("2");
        assertThat(TextFormat.value(0.00001234567)).isEqualTo("0.0000123");
        assertThat(TextFormat.value(-3.00004)).isEqualTo("-3");
    }
}
