package io.autobot.optimizer.management.jmx;

import io.autobot.optimizer.agent.config.CacheStrategy;
import io.autobot.optimizer.agent.config.Level;
import io.autobot.optimizer.agent.config.Setting;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Which {@code type=Optimizer} attribute shows which setting, and how a setting's value looks
 * over JMX: enums as their lower-case names, durations as seconds. The bean's setters and its
 * attribute-change notifications both go through this table.
 */
final class SettingAttributes {

    /** An attribute backed by a setting. */
    record Attribute(String name, String type, Function<Object, Object> toJmx) {
    }

    static final Map<Setting<?>, Attribute> BY_SETTING = table();

    private SettingAttributes() {
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

    private static Map<Setting<?>, Attribute> table() {
        Map<Setting<?>, Attribute> table = new LinkedHashMap<>();
        String string = String.class.getName();
        table.put(Setting.LEVEL, new Attribute("OptimizationLevel", string, value -> ((Level) value).id()));
        table.put(Setting.CACHE_STRATEGY, new Attribute("CacheStrategy", string, value -> ((CacheStrategy) value).id()));
        table.put(Setting.MAX_WORKERS, new Attribute("MaxWorkers", "int", Function.identity()));
        table.put(Setting.PARALLEL, new Attribute("ParallelEnabled", "boolean", Function.identity()));
        table.put(Setting.CACHE_SIZE, new Attribute("CacheSize", "int", Function.identity()));
        table.put(Setting.REQUEST_THROTTLING, new Attribute("RequestThrottling", "boolean", Function.identity()));
        table.put(Setting.MAX_REQUESTS_PER_SECOND, new Attribute("MaxRequestsPerSecond", "double", Function.identity()));
        table.put(Setting.BATCH_PROCESSING, new Attribute("BatchProcessing", "boolean", Function.identity()));
        table.put(Setting.BATCH_SIZE, new Attribute("BatchSize", "int", Function.identity()));
        table.put(Setting.MAX_BATCH_WAIT_TIME, new Attribute("MaxBatchWaitTime", "double",
                value -> toSeconds((Duration) value)));
        table.put(Setting.VERIFY, new Attribute("VerifyFraction", "double", Function.identity()));
        table.put(Setting.AUTOTUNE, new Attribute("AutoTuning", "boolean", Function.identity()));
        table.put(Setting.AUTOTUNE_INTERVAL, new Attribute("AutoTuningInterval", "double",
                value -> toSeconds((Duration) value)));
        table.put(Setting.ALERT_EXECUTION_TIME, new Attribute("AlertExecutionTime", "double",
                value -> toSeconds((Duration) value)));
        table.put(Setting.ALERT_HIT_RATE, new Attribute("AlertHitRate", "double", Function.identity()));
        table.put(Setting.ALERT_MEMORY, new Attribute("AlertMemoryUsage", "double", Function.identity()));
        return table;
    }
}
