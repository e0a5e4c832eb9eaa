package io.autobot.optimizer.protocol.settings;

import static io.autobot.optimizer.protocol.settings.SettingDef.Type.BOOLEAN;
import static io.autobot.optimizer.protocol.settings.SettingDef.Type.CHOICE;
import static io.autobot.optimizer.protocol.settings.SettingDef.Type.DURATION;
import static io.autobot.optimizer.protocol.settings.SettingDef.Type.NUMBER;
import static io.autobot.optimizer.protocol.settings.SettingDef.Type.PATH;
import static io.autobot.optimizer.protocol.settings.SettingDef.Type.WHOLE_NUMBER;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Every setting of the agent, each declared once. Everything else is derived from these entries:
 * the agent's typed settings and the precedence of their sources (agent/core {@code config}), the
 * Optimizer MXBean's writable attributes and their validation (management), the CLI's and the
 * shell's setting verbs and their messages (cli), and docs/configuration.md's table, which a test
 * compares with this list.
 *
 * <p>It lives in this small module without dependencies because both sides need it: the agent in
 * the host JVM, and the CLI and the MBean client, which run without the agent's classes (the CLI
 * in another JVM, the shell in a host where the agent may not run). Adding a setting is one entry
 * here plus the code that acts on it.
 */
public final class Catalogue {

    private static final List<SettingDef> ALL = new ArrayList<>();

    public static final SettingDef LEVEL = define("level", "OPTIMIZATION_LEVEL", CHOICE, "moderate",
            "one of basic, moderate, aggressive", "the optimization level")
            .choices("basic", "moderate", "aggressive").attribute("OptimizationLevel").verb("level", "level").status();
    public static final SettingDef CACHE_STRATEGY = define("cache", "CACHE_STRATEGY", CHOICE, "hybrid",
            "one of memory, disk, hybrid, distributed", "the cache strategy")
            .choices("memory", "disk", "hybrid", "distributed").attribute("CacheStrategy").verb("cache", "strategy").status();
    public static final SettingDef MAX_WORKERS = define("workers", "OPTIMIZATION_MAX_WORKERS", WHOLE_NUMBER, "4",
            "a whole number from 1 to 1024", "the maximum number of worker threads")
            .range(1, 1024).attribute("MaxWorkers").verb("workers", "n").status();
    public static final SettingDef PARALLEL = define("parallel", "OPTIMIZATION_PARALLEL", BOOLEAN, "true",
            "true or false", "whether @Parallel methods are split across workers")
            .attribute("ParallelEnabled").status();
    public static final SettingDef CACHE_SIZE = define("cache.size", "CACHE_SIZE", WHOLE_NUMBER, "1000",
            "a whole number from 1 to 100000000", "the capacity of the memory cache, in entries")
            .range(1, 100_000_000).attribute("CacheSize").status();
    public static final SettingDef DISK_CACHE_PATH = define("disk.path", "DISK_CACHE_PATH", PATH,
            "./cache/performance_cache", "a directory path", "where the disk cache keeps its files").fixed();
    public static final SettingDef REQUEST_THROTTLING = define("throttling", "REQUEST_THROTTLING", BOOLEAN, "true",
            "true or false", "whether rate-limited calls are throttled")
            .attribute("RequestThrottling").status();
    public static final SettingDef MAX_REQUESTS_PER_SECOND = define("rate", "MAX_REQUESTS_PER_SECOND", NUMBER, "100",
            "a number greater than 0 (calls per second)", "the maximum requests per second")
            .range(0.001, 1_000_000_000).attribute("MaxRequestsPerSecond").verb("rate", "n").status();
    public static final SettingDef BATCH_PROCESSING = define("batching", "BATCH_PROCESSING", BOOLEAN, "true",
            "true or false", "whether @Batched calls are coalesced")
            .attribute("BatchProcessing").status();
    public static final SettingDef BATCH_SIZE = define("batch.size", "BATCH_SIZE", WHOLE_NUMBER, "10",
            "a whole number from 1 to 100000", "the largest batch")
            .range(1, 100_000).attribute("BatchSize").status();
    public static final SettingDef MAX_BATCH_WAIT_TIME = define("batch.wait", "MAX_BATCH_WAIT_TIME", DURATION, "1.0",
            "a duration from 1ms to 1h (1.0 = one second, 500ms, PT2S)", "how long a batch waits to fill")
            .range(Duration.ofMillis(1), Duration.ofHours(1)).attribute("MaxBatchWaitTime").status();
    public static final SettingDef DEBUG = define("debug", "AUTOBOT_DEBUG", BOOLEAN, "false",
            "true or false", "whether the agent logs at debug level");
    public static final SettingDef EXPORT_DIR = define("export.dir", "AUTOBOT_EXPORT_DIR", PATH, "",
            "a directory path", "where exports are written (unset: exports beside the disk cache's directory)")
            .fixed();
    public static final SettingDef RULES = define("rules", "AUTOBOT_RULES", PATH, "",
            "the path of a rules file (docs/attach.md)", "the rules file selecting methods of code you cannot annotate")
            .fixed();
    public static final SettingDef AUTOTUNE = define("autotune", "AUTOBOT_AUTOTUNE", BOOLEAN, "false",
            "true or false", "whether the recommendations are applied on an interval").attribute("AutoTuning");
    public static final SettingDef AUTOTUNE_INTERVAL = define("autotune.interval", "AUTOBOT_AUTOTUNE_INTERVAL",
            DURATION, "60s", "a duration from 1s to 24h (60s, 5m)", "how often auto-tuning runs")
            .range(Duration.ofSeconds(1), Duration.ofHours(24)).attribute("AutoTuningInterval");
    public static final SettingDef ALERT_EXECUTION_TIME = define("alert.execution.time",
            "AUTOBOT_ALERT_EXECUTION_TIME", DURATION, "10s",
            "a duration from 1ms to 24h (10s, 500ms; a plain number is seconds)",
            "alert when an operation's average call takes longer")
            .range(Duration.ofMillis(1), Duration.ofHours(24)).attribute("AlertExecutionTime");
    public static final SettingDef VERIFY = define("verify", "VERIFY", NUMBER, "0",
            "a fraction from 0 to 1 (0.01 = re-run the body on 1% of cache hits), or a percentage such as 1%",
            "the share of cache hits whose body runs again to check the cached result (docs/caching.md)")
            .range(0, 1).percent().attribute("VerifyFraction");
    public static final SettingDef ALERT_HIT_RATE = define("alert.hit.rate", "AUTOBOT_ALERT_HIT_RATE", NUMBER, "0.5",
            "a number from 0 to 1 (0.5 = 50% hits)", "alert when the cache hit rate falls below")
            .range(0, 1).attribute("AlertHitRate");
    public static final SettingDef ALERT_MEMORY = define("alert.memory", "AUTOBOT_ALERT_MEMORY", NUMBER, "85",
            "a percentage from 1 to 100", "alert when memory use rises above")
            .range(1, 100).attribute("AlertMemoryUsage");
    public static final SettingDef ALERT_CPU = define("alert.cpu", "AUTOBOT_ALERT_CPU", NUMBER, "100",
            "a percentage from 1 to 100 (100 = never)", "alert when the machine's CPU use rises above")
            .range(1, 100);
    public static final SettingDef SAMPLE_INTERVAL = define("sample.interval", "AUTOBOT_SAMPLE_INTERVAL", DURATION,
            "1s", "a duration from 1s to 1h", "how often CPU and memory are sampled")
            .range(Duration.ofSeconds(1), Duration.ofHours(1));
    public static final SettingDef MANAGEMENT_DELAY = define("management.delay", "AUTOBOT_MANAGEMENT_DELAY", DURATION,
            "0s", "a duration from 0s to 1m (0s: at once)",
            "how long after premain the management plane (MXBeans, metrics, system sampler) starts")
            .range(Duration.ZERO, Duration.ofMinutes(1)).fixed();

    public static final SettingDef REDIS_URL = define("redis.url", "AUTOBOT_REDIS_URL", PATH, "",
            "redis://[user:password@]host[:port][/database] or rediss://... (TLS)",
            "the fleet's Redis, which CACHE_STRATEGY=distributed shares results through").fixed().redacted();
    public static final SettingDef REDIS_TIMEOUT = define("redis.timeout", "AUTOBOT_REDIS_TIMEOUT", DURATION, "5ms",
            "a duration from 1ms to 10s (5ms, 50ms)", "how long a call waits for Redis before it goes on locally")
            .range(Duration.ofMillis(1), Duration.ofSeconds(10)).fixed();
    public static final SettingDef RATE_LIMIT_SCOPE = define("rate.scope", "RATE_LIMIT_SCOPE", CHOICE, "local",
            "one of local, fleet", "whether a rate limit holds per JVM or for the whole fleet, through Redis")
            .choices("local", "fleet").fixed();

    private Catalogue() {
    }

    private static SettingDef define(String key, String environmentVariable, SettingDef.Type type, String defaultText,
            String accepted, String doc) {
        SettingDef setting = new SettingDef(key, environmentVariable, type, defaultText, accepted, doc);
        ALL.add(setting);
        return setting;
    }

    /** Every setting, in catalogue order. */
    public static List<SettingDef> all() {
        return Collections.unmodifiableList(ALL);
    }

    /** Finds a setting by key, system property or environment variable (any case); null if none. */
    public static SettingDef find(String name) {
        String wanted = name == null ? "" : name.trim();
        String withoutPrefix = wanted.regionMatches(true, 0, SettingDef.SYSTEM_PROPERTY_PREFIX, 0,
                SettingDef.SYSTEM_PROPERTY_PREFIX.length())
                ? wanted.substring(SettingDef.SYSTEM_PROPERTY_PREFIX.length()) : wanted;
        for (SettingDef setting : ALL) {
            if (setting.key().equalsIgnoreCase(withoutPrefix) || setting.environmentVariable().equalsIgnoreCase(wanted)) {
                return setting;
            }
        }
        return null;
    }

    /** The setting shown as this MXBean attribute (any case); null if none. */
    public static SettingDef byAttribute(String attribute) {
        for (SettingDef setting : ALL) {
            if (setting.attribute() != null && setting.attribute().equalsIgnoreCase(attribute)) {
                return setting;
            }
        }
        return null;
    }

    /** The settings that have an MXBean attribute, in catalogue order. */
    public static List<SettingDef> attributes() {
        List<SettingDef> list = new ArrayList<>();
        for (SettingDef setting : ALL) {
            if (setting.attribute() != null) {
                list.add(setting);
            }
        }
        return list;
    }

    /** The attributes {@code status} lists, in catalogue order (the contract's order). */
    public static List<String> statusAttributes() {
        List<String> list = new ArrayList<>();
        for (SettingDef setting : ALL) {
            if (setting.listedByStatus()) {
                list.add(setting.attribute());
            }
        }
        return list;
    }

    /** The settings with a CLI verb and shell command, in catalogue order. */
    public static List<SettingDef> verbs() {
        List<SettingDef> list = new ArrayList<>();
        for (SettingDef setting : ALL) {
            if (setting.verb() != null) {
                list.add(setting);
            }
        }
        return list;
    }
}
