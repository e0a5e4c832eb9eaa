package io.autobot.optimizer.management.jmx;

import static org.assertj.core.api.Assertions.assertThat;

import io.autobot.optimizer.protocol.settings.Catalogue;
import io.autobot.optimizer.protocol.settings.SettingDef;
import java.lang.reflect.Method;
import org.junit.jupiter.api.Test;

/**
 * The Optimizer MXBean keeps typed getters and setters (the contract shows them in JConsole);
 * each must be the one the catalogue entry names, with the entry's type.
 */
class CatalogueAttributesTest {

    @Test
    void everyCatalogueAttributeIsATypedReadWriteAttributeOfTheBean() throws Exception {
        for (SettingDef setting : Catalogue.attributes()) {
            String name = setting.attribute();
            Class<?> type = switch (setting.type().openType()) {
                case "int" -> int.class;
                case "double" -> double.class;
                case "boolean" -> boolean.class;
                default -> String.class;
            };
            Method getter = type == boolean.class ? OptimizerMXBean.class.getMethod("is" + name)
                    : OptimizerMXBean.class.getMethod("get" + name);
            assertThat(getter.getReturnType()).as(name).isEqualTo(type);
            assertThat(OptimizerMXBean.class.getMethod("set" + name, type)).as(name).isNotNull();
            assertThat(SettingAttributes.of(io.autobot.optimizer.agent.config.Setting.of(setting)).name())
                    .isEqualTo(name);
        }
    }
}
