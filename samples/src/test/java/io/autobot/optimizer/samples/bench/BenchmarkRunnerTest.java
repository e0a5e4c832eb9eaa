package io.autobot.optimizer.samples.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchmarkRunnerTest {

    @TempDir
    Path dir;

    @Test
    void theJsonFilesDirectoriesAreCreated() {
        Path json = BenchmarkRunner.jsonFile(dir.resolve("not/yet/there/quick.json").toString());

        assertThat(json.getParent()).isDirectory();
        assertThat(json).doesNotExist();
        assertThat(json.getFileName()).hasToString("quick.json");
        assertThat(BenchmarkRunner.page(json).getParent()).isEqualTo(json.getParent());
    }

    @Test
    void anExistingDirectoryIsKept() throws IOException {
        Path existing = Files.createDirectories(dir.resolve("out"));
        Files.writeString(existing.resolve("other.txt"), "kept");

        Path json = BenchmarkRunner.jsonFile(existing.resolve("run.json").toString());

        assertThat(json.getParent()).isEqualTo(existing.toAbsolutePath().normalize());
        assertThat(existing.resolve("other.txt")).hasContent("kept");
    }

    @Test
    void aDirectoryThatCannotBeMadeIsNamedWithTheOption() throws IOException {
        Path file = Files.writeString(dir.resolve("a-file"), "not a directory");

        assertThatThrownBy(() -> BenchmarkRunner.jsonFile(file.resolve("sub/run.json").toString()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("--json ")
                .hasMessageContaining("cannot be created");
    }
}
