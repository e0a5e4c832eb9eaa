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
    void writesHtmlPagesUnderTheSameRulesWithTheirOwnEnding() throws Exception {
        Exporter exporter = new Exporter(root.resolve("exports").toString());
        assertThat(exporter.write("page.html", ExportFormat.HTML, "<!DOCTYPE html>")).hasContent("<!DOCTYPE html>");
        assertThat(exporter.write("page.HTM", ExportFormat.HTML, "x")).exists();
        for (String bad : new String[] {"page.json", "../page.html", root.resolve("page.html").toString()}) {
            assertThatThrownBy(() -> exporter.write(bad, ExportFormat.HTML, "x")).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("AUTOBOT_EXPORT_DIR")
                    .hasMessageContaining(".html");
        }
        assertThatThrownBy(() -> exporter.write("page.html", ExportFormat.JSON, "{}"))
                .hasMessageContaining("the json format is written to a .json file");
        Path victim = Files.writeString(root.resolve("victim.html"), "keep");
        Files.createSymbolicLink(root.resolve("exports/link.html"), victim);
        assertThatThrownBy(() -> exporter.write("link.html", ExportFormat.HTML, "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(victim).hasContent("keep");
    }

    @Test
    void theFormatIsTheOneAskedForElseTheFileNamesEnding() {
        assertThat(ExportFormat.of("a.html", null)).isEqualTo(ExportFormat.HTML);
        assertThat(ExportFormat.of("a.HTM", "")).isEqualTo(ExportFormat.HTML);
        assertThat(ExportFormat.of("a.json", " ")).isEqualTo(ExportFormat.JSON);
        assertThat(ExportFormat.of("a.txt", null)).isEqualTo(ExportFormat.JSON);
        assertThat(ExportFormat.of("a.json", "HTML")).isEqualTo(ExportFormat.HTML);
        assertThatThrownBy(() -> ExportFormat.of("a.pdf", "pdf")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown export format 'pdf': expected json or html");
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
