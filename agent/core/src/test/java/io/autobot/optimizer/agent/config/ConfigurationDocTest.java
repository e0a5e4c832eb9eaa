package io.autobot.optimizer.agent.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/configuration.md documents every setting the agent has, with its default. */
class ConfigurationDocTest {

    @Test
    void everySettingIsDocumented() throws IOException {
        String doc = Files.readString(Path.of("../../docs/configuration.md"));
        for (Setting<?> setting : Setting.all()) {
            assertThat(doc).as(setting.key())
                    .contains("| `" + setting.key() + "` | `" + setting.environmentVariable() + "` | `"
                            + setting.systemProperty() + "` |");
        }
        for (String operation : OperationProfiles.BUILT_IN.keySet()) {
            assertThat(doc).contains("| `" + operation + "` |");
        }
        for (String key : OperationProfile.KEYS.keySet()) {
            assertThat(doc).contains("`" + key + "`");
        }
    }
}
