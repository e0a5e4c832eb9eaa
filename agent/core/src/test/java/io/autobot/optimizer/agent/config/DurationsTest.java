package io.autobot.optimizer.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

    @ParameterizedTest
    @CsvSource({
        "500ms, PT0.5S", "30s, PT30S", "5m, PT5M", "2h, PT2H", "1d, PT24H", "PT2H, PT2H", "pt90m, PT1H30M",
        "1.0, PT1S", "1.5, PT1.5S", "0.25s, PT0.25S", "' 2h ', PT2H", "250us, PT0.00025S", "0s, PT0S"})
    void parsesEveryAcceptedForm(String text, String expected) {
        assertThat(Durations.parse(text)).isEqualTo(Duration.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "soon", "-5s", "5 parsecs", "PT-1S", "1e3s", "h2"})
    void rejectsEverythingElseNamingWhatIsAccepted(String text) {
        assertThatThrownBy(() -> Durations.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("500ms").hasMessageContaining("PT2H");
    }

    @ParameterizedTest
    @ValueSource(strings = {"500ms", "30s", "5m", "2h", "1d", "0s", "1500ms"})
    void formatsWhatItParses(String text) {
        Duration duration = Durations.parse(text);
        assertThat(Durations.parse(Durations.format(duration))).isEqualTo(duration);
    }
}
