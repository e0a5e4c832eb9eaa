package io.autobot.optimizer.management.jmx;

import io.autobot.optimizer.agent.config.Setting;
import io.autobot.optimizer.protocol.settings.SettingDef;
import java.math.BigDecimal;
import java.time.Duration;

/**
 * How a setting looks over JMX, derived from its catalogue entry
 * ({@link io.autobot.optimizer.protocol.settings.Catalogue}): the {@code type=Optimizer}
 * attribute that shows it, the attribute's open type, and its value (choices as their lower-case
 * ids, durations as seconds). The bean's attribute-change notifications go through this.
 */
final class SettingAttributes {

    /** An attribute backed by a setting. */
    record Attribute(String name, String type, Setting<?> setting) {

        /** A value of the setting, as the attribute shows it. */
        Object toJmx(Object value) {
            SettingDef definition = setting.definition();
            return definition.toAttribute(definition.parse(format(setting, value)));
        }

        @SuppressWarnings("unchecked")
        private static <T> String format(Setting<T> setting, Object value) {
            return setting.format((T) value);
        }
    }

    private SettingAttributes() {
    }

    /** The attribute showing this setting; null if the setting has none. */
    static Attribute of(Setting<?> setting) {
        SettingDef definition = setting.definition();
        return definition.attribute() == null ? null
                : new Attribute(definition.attribute(), definition.type().openType(), setting);
    }

    /** Seconds as the text the duration settings parse, without exponent notation. */
    static String seconds(double seconds) {
        if (Double.isNaN(seconds) || Double.isInfinite(seconds)) {
            return String.valueOf(seconds); // rejected by the setting, with its accepted values
        }
        return BigDecimal.valueOf(seconds).toPlainString();
    }

    static double toSeconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }
}
