package io.autobot.optimizer.management.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExporterTest {

    @TempDir
    Path root;

    @Test
    void writesInsideTheDirectoryCreatedForItsOwnerOnly() throws Exception {
        Exporter exporter = new Exporter(root.resolve("exports").toString());
        Path written = exporter.write("report.json", "{}\n");
        assertThat(written).isEqualTo(root.resolve("exports/report.json"));
        assertThat(written).hasContent("{}");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve("exports"))))
                .isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(written))).isEqualTo("rw-------");
        exporter.write("report.json", "{\"again\": 1}\n");
        assertThat(written).content().contains("again");
        assertThat(exporter.write("nested/inside.json", "{}")).startsWith(root.resolve("exports"));
        try (var files = Files.list(root.resolve("exports"))) {
            assertThat(files).noneMatch(file -> file.getFileName().toString().endsWith(".tmp"));
        }
    }

    @Test
    void refusesNamesOutsideTheDirectoryAndFilesOtherThanJson() {
        Exporter exporter = new Exporter(root.resolve("exports").toString());
        for (String bad : new String[] {"../escape.json", "/etc/passwd.json", root.resolve("x.json").toString(),
            "notes.txt", "", "a\0b.json"}) {
            assertThatThrownBy(() -> exporter.write(bad, "{}")).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("AUTOBOT_EXPORT_DIR");
        }
        assertThat(root.resolve("escape.json")).doesNotExist();
        assertThat(root.resolve("x.json")).doesNotExist();
    }

    @Test
    void neverWritesThroughALink() throws Exception {
        Path exports = Files.createDirectories(root.resolve("exports"));
        Path victim = Files.writeString(root.resolve("victim.json"), "keep");
        Files.createSymbolicLink(exports.resolve("link.json"), victim);
        Files.createSymbolicLink(exports.resolve("out"), root);
        Exporter exporter = new Exporter(exports.toString());
        assertThatThrownBy(() -> exporter.write("link.json", "{}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> exporter.write("out/victim.json", "{}")).isInstanceOf(IllegalArgumentException.class);
        assertThat(victim).hasContent("keep");
    }
}
