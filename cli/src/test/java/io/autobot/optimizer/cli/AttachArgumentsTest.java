package io.autobot.optimizer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AttachArgumentsTest {

    @Test
    void joinsWordsAndPairs() {
        assertThat(AttachArguments.check(List.of("level=aggressive", "cache=memory,workers=8")))
                .isEqualTo("level=aggressive,cache=memory,workers=8");
        assertThat(AttachArguments.check(List.of())).isEmpty();
        assertThat(AttachArguments.check(null)).isEmpty();
    }

    @Test
    void makesPathsAbsoluteForTheTarget(@TempDir Path dir) throws Exception {
        Path rules = Files.writeString(dir.resolve("app.rules"), "");
        String relative = Path.of("").toAbsolutePath().relativize(rules).toString();
        assertThat(AttachArguments.check(List.of("rules=" + relative, "export.dir=out")))
                .isEqualTo("rules=" + rules + ",export.dir=" + Path.of("out").toAbsolutePath());
    }

    @Test
    void rejectsBadValuesWithTheAgentsMessagesInOneLine() {
        assertThatThrownBy(() -> AttachArguments.check(List.of("level=turbo", "workers=0")))
                .isInstanceOf(CliException.class)
                .hasMessageContaining("OPTIMIZATION_LEVEL='turbo' is not accepted")
                .hasMessageContaining("; OPTIMIZATION_MAX_WORKERS='0' is not accepted")
                .satisfies(e -> assertThat(((CliException) e).exitCode()).isEqualTo(2))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        assertThatThrownBy(() -> AttachArguments.check(List.of("rules=/no/such/file.rules")))
                .hasMessageContaining("rules file '/no/such/file.rules' does not exist");
    }

    @Test
    void checksOneValueAndReturnsItCanonical() {
        assertThat(AttachArguments.checkValue("level", "AGGRESSIVE")).isEqualTo("aggressive");
        assertThat(AttachArguments.checkValue("rate", "50.0")).isEqualTo("50");
        assertThatThrownBy(() -> AttachArguments.checkValue("cache", "ram"))
                .hasMessage("CACHE_STRATEGY='ram' is not accepted: expected one of memory, disk, hybrid, distributed");
    }
}
