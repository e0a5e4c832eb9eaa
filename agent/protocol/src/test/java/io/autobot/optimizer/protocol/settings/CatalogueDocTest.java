package io.autobot.optimizer.protocol.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** docs/configuration.md's settings table and the catalogue say the same, row for entry. */
class CatalogueDocTest {

    /** The rows of the settings table by key: the cells after the key. */
    private static Map<String, List<String>> table() throws IOException {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        boolean inTable = false;
        for (String line : Files.readAllLines(Path.of("../../docs/configuration.md"))) {
            if (line.startsWith("| Key (args, file) |")) {
                inTable = true;
                continue;
            }
            if (inTable && !line.startsWith("|")) {
                break;
            }
            if (inTable && line.startsWith("| `")) {
                List<String> cells = List.of(line.substring(1, line.length() - 1).split(" \\| ", -1));
                rows.put(cells.get(0).trim().replace("`", ""), cells.subList(1, cells.size()).stream()
                        .map(String::trim).toList());
            }
        }
        return rows;
    }

    @Test
    void everyEntryHasItsRowWithTheSameNamesDefaultAndLiveness() throws IOException {
        Map<String, List<String>> rows = table();
        for (SettingDef setting : Catalogue.all()) {
            List<String> row = rows.get(setting.key());
            assertThat(row).as("row of %s in docs/configuration.md", setting.key()).isNotNull();
            assertThat(row.get(0)).as(setting.key()).isEqualTo("`" + setting.environmentVariable() + "`");
            assertThat(row.get(1)).as(setting.key()).isEqualTo("`" + setting.systemProperty() + "`");
            assertThat(row.get(2)).as(setting.key())
                    .isEqualTo(setting.attribute() == null ? "none" : "`" + setting.attribute() + "`");
            if (setting.defaultText().isEmpty()) {
                assertThat(row.get(3)).as(setting.key()).isEqualTo("none");
            } else {
                assertThat(row.get(3)).as(setting.key()).startsWith("`" + setting.defaultText() + "`");
            }
            assertThat(row.get(5)).as(setting.key()).isEqualTo(setting.live() ? "yes" : "no");
        }
    }

    @Test
    void everyRowIsAnEntry() throws IOException {
        for (String key : table().keySet()) {
            if (!key.equals("config")) { // names the config file: a source, not a setting
                assertThat(Catalogue.find(key)).as("catalogue entry for the row %s", key).isNotNull();
            }
        }
    }

    @Test
    void everyDefaultIsAccepted() {
        for (SettingDef setting : Catalogue.all()) {
            if (!setting.defaultText().isEmpty()) {
                assertThat(setting.format(setting.parse(setting.defaultText()))).as(setting.key()).isNotEmpty();
            }
        }
    }

    @Test
    void badValuesGiveOneLineNamingTheSettingAndWhatItAccepts() {
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> Catalogue.MAX_WORKERS.parse("0")))
                .hasMessage("OPTIMIZATION_MAX_WORKERS='0' is not accepted: expected a whole number from 1 to 1024");
        assertThat(Catalogue.PARALLEL.parse("enabled")).isEqualTo(true);
        assertThat(Catalogue.DEBUG.parse("Off")).isEqualTo(false);
        assertThat(Catalogue.MAX_BATCH_WAIT_TIME.parseAttribute("500ms")).isEqualTo(0.5);
        assertThat(Catalogue.find("autobot.LEVEL")).isSameAs(Catalogue.LEVEL);
        assertThat(Catalogue.find("optimization_level")).isSameAs(Catalogue.LEVEL);
    }
}
