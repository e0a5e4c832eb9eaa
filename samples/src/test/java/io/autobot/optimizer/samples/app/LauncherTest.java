package io.autobot.optimizer.samples.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autobot.optimizer.samples.Sources;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LauncherTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    @Test
    void batchRunsThePipelineAndSaysOptimizationNeedsTheAgent() throws Exception {
        Sources.corpus(dir, Sources.UTILITY, Sources.SECRET);

        int status = Launcher.run(List.of("batch", "Create a web scraper", "--enable-optimization",
                "--optimization-level", "aggressive", "--corpus", dir.toString(), "--repeat", "2"), out);

        assertThat(status).isZero();
        assertThat(output()).contains("optimization needs the agent: run with -javaagent:")
                .contains("corpus: 2 Java files").contains("(run 2 of 2)").contains("Summary for \"Create a web scraper\"")
                .contains("endpoints:   ").contains("What the agent did\n  no agent: every method runs as written")
                .containsPattern("component_analysis +4 requested +4 computed +0 from the cache");
    }

    @Test
    void rejectsWhatItDoesNotKnowInOneLine() {
        assertThatThrownBy(() -> Launcher.run(List.of("fly"), out)).hasMessageStartingWith("unknown command 'fly'");
        assertThatThrownBy(() -> Launcher.run(List.of("batch"), out)).hasMessageStartingWith("name the prompt");
        assertThatThrownBy(() -> Launcher.run(List.of("batch", "x", "--fast"), out))
                .hasMessageStartingWith("unknown option --fast: accepted are [--components, --corpus,");
        assertThatThrownBy(() -> Launcher.run(List.of("batch", "x", "--repeat", "0"), out))
                .hasMessage("--repeat=0 is not accepted: expected a whole number from 1 to 100");
    }

    @Test
    void listsItsCommands() throws Exception {
        assertThat(Launcher.run(List.of("help"), out)).isZero();
        assertThat(output()).contains("batch \"<prompt>\"").contains("interactive").contains("benchmark [--quick]");
    }

    @Test
    void optionsTakeValuesInBothSpellings() {
        Options options = Options.parse(List.of("a", "--n=3", "--m", "4", "--flag", "b"), Set.of("--n", "--m"),
                Set.of("--flag"));

        assertThat(options.words()).containsExactly("a", "b");
        assertThat(options.number("--n", 0, 0, 9)).isEqualTo(3);
        assertThat(options.value("--m", null)).isEqualTo("4");
        assertThat(options.flag("--flag")).isTrue();
        assertThat(options.flag("--other")).isFalse();
    }

    private String output() {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
