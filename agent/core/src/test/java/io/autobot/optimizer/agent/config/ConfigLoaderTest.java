package io.autobot.optimizer.agent.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    @TempDir
    Path dir;

    private final Map<String, String> env = new HashMap<>();
    private final Properties properties = new Properties();
    private final List<String> problems = new ArrayList<>();

    private AgentConfig load(String agentArgs) {
        return ConfigLoader.load(agentArgs, env, properties, problems::add);
    }

    @Test
    void defaultsAreTheGuides() {
        AgentConfig config = load(null);
        assertThat(config.get(Setting.LEVEL)).isEqualTo(Level.MODERATE);
        assertThat(config.get(Setting.CACHE_STRATEGY)).isEqualTo(CacheStrategy.HYBRID);
        assertThat(config.get(Setting.MAX_WORKERS)).isEqualTo(4);
        assertThat(config.get(Setting.PARALLEL)).isTrue();
        assertThat(config.get(Setting.CACHE_SIZE)).isEqualTo(1000);
        assertThat(config.get(Setting.DISK_CACHE_PATH)).isEqualTo("./cache/performance_cache");
        assertThat(config.get(Setting.REQUEST_THROTTLING)).isTrue();
        assertThat(config.get(Setting.MAX_REQUESTS_PER_SECOND)).isEqualTo(100.0);
        assertThat(config.get(Setting.BATCH_PROCESSING)).isTrue();
        assertThat(config.get(Setting.BATCH_SIZE)).isEqualTo(10);
        assertThat(config.get(Setting.MAX_BATCH_WAIT_TIME)).isEqualTo(Duration.ofSeconds(1));
        assertThat(config.origin(Setting.LEVEL)).isEqualTo("default");
        assertThat(problems).isEmpty();
    }

    @Test
    void readsTheGuidesElevenEnvironmentVariables() {
        env.put("OPTIMIZATION_LEVEL", "aggressive");
        env.put("CACHE_STRATEGY", "memory");
        env.put("OPTIMIZATION_MAX_WORKERS", "8");
        env.put("OPTIMIZATION_PARALLEL", "false");
        env.put("CACHE_SIZE", "2000");
        env.put("DISK_CACHE_PATH", "/tmp/autobot-cache");
        env.put("REQUEST_THROTTLING", "false");
        env.put("MAX_REQUESTS_PER_SECOND", "50");
        env.put("BATCH_PROCESSING", "false");
        env.put("BATCH_SIZE", "20");
        env.put("MAX_BATCH_WAIT_TIME", "2.0");
        AgentConfig config = load(null);
        assertThat(config.get(Setting.LEVEL)).isEqualTo(Level.AGGRESSIVE);
        assertThat(config.get(Setting.CACHE_STRATEGY)).isEqualTo(CacheStrategy.MEMORY);
        assertThat(config.get(Setting.MAX_WORKERS)).isEqualTo(8);
        assertThat(config.get(Setting.PARALLEL)).isFalse();
        assertThat(config.get(Setting.CACHE_SIZE)).isEqualTo(2000);
        assertThat(config.get(Setting.DISK_CACHE_PATH)).isEqualTo("/tmp/autobot-cache");
        assertThat(config.get(Setting.REQUEST_THROTTLING)).isFalse();
        assertThat(config.get(Setting.MAX_REQUESTS_PER_SECOND)).isEqualTo(50.0);
        assertThat(config.get(Setting.BATCH_PROCESSING)).isFalse();
        assertThat(config.get(Setting.BATCH_SIZE)).isEqualTo(20);
        assertThat(config.get(Setting.MAX_BATCH_WAIT_TIME)).isEqualTo(Duration.ofSeconds(2));
        assertThat(config.origin(Setting.LEVEL)).isEqualTo("environment");
        assertThat(problems).isEmpty();
    }

    @Test
    void precedenceIsArgumentsThenPropertiesThenEnvironmentThenFileThenDefaults() throws IOException {
        Path file = dir.resolve("autobot.properties");
        Files.writeString(file, "level=basic\ncache=disk\nworkers=2\nbatch.size=7\n");
        env.put("AUTOBOT_CONFIG", file.toString());
        env.put("OPTIMIZATION_LEVEL", "moderate");
        env.put("CACHE_STRATEGY", "memory");
        env.put("OPTIMIZATION_MAX_WORKERS", "3");
        properties.setProperty("autobot.level", "aggressive");
        properties.setProperty("autobot.cache", "hybrid");
        AgentConfig config = load("level=basic");
        assertThat(config.get(Setting.LEVEL)).isEqualTo(Level.BASIC);
        assertThat(config.origin(Setting.LEVEL)).isEqualTo("agent argument");
        assertThat(config.get(Setting.CACHE_STRATEGY)).isEqualTo(CacheStrategy.HYBRID);
        assertThat(config.origin(Setting.CACHE_STRATEGY)).isEqualTo("system property");
        assertThat(config.get(Setting.MAX_WORKERS)).isEqualTo(3);
        assertThat(config.origin(Setting.MAX_WORKERS)).isEqualTo("environment");
        assertThat(config.get(Setting.BATCH_SIZE)).isEqualTo(7);
        assertThat(config.origin(Setting.BATCH_SIZE)).isEqualTo("config file");
        assertThat(problems).isEmpty();
    }

    @Test
    void theConfigFileIsNamedByArgumentPropertyOrEnvironmentAndAcceptsEnvironmentNames() throws IOException {
        Path file = dir.resolve("a.properties");
        Files.writeString(file, "OPTIMIZATION_LEVEL=aggressive\nprofile.search.cache_ttl=5m\n");
        AgentConfig config = load("config=" + file);
        assertThat(config.get(Setting.LEVEL)).isEqualTo(Level.AGGRESSIVE);
        assertThat(config.profiles().get("search").cacheTtl()).isEqualTo(Duration.ofMinutes(5));

        properties.setProperty("autobot.config", file.toString());
        assertThat(load(null).get(Setting.LEVEL)).isEqualTo(Level.AGGRESSIVE);
        assertThat(problems).isEmpty();
    }

    @Test
    void aBadValueIsOneLineNamingSettingValueSourceAndWhatIsAcceptedAndTheDefaultStays() {
        env.put("OPTIMIZATION_LEVEL", "turbo");
        AgentConfig config = load(null);
        assertThat(config.get(Setting.LEVEL)).isEqualTo(Level.MODERATE);
        assertThat(problems).singleElement().satisfies(line -> assertThat(line)
                .doesNotContain("\n")
                .contains("OPTIMIZATION_LEVEL").contains("'turbo'").contains("environment")
                .contains("basic, moderate, aggressive").contains("using moderate"));
    }

    @Test
    void aBadValueFallsBackToTheNextSourceDown() {
        env.put("CACHE_SIZE", "500");
        AgentConfig config = load("cache.size=-3");
        assertThat(config.get(Setting.CACHE_SIZE)).isEqualTo(500);
        assertThat(problems).singleElement().asString()
                .contains("CACHE_SIZE='-3'").contains("agent argument").contains("1 to 100000000")
                .contains("using 500 (environment)");
    }

    @Test
    void everySettingRejectsGarbageWithItsOwnMessage() {
        for (Setting<?> setting : Setting.all()) {
            if (setting.accepted().contains("path")) {
                continue; // any non-empty text is a path
            }
            problems.clear();
            env.clear();
            env.put(setting.environmentVariable(), "not-a-value-%");
            AgentConfig config = load(null);
            assertThat(config.get(setting)).as(setting.key()).isEqualTo(setting.defaultValue());
            assertThat(problems).as(setting.key()).singleElement().asString()
                    .contains(setting.environmentVariable()).contains("expected " + setting.accepted());
        }
    }

    @Test
    void rejectsOutOfRangeNumbersAndUnparsableDurations() {
        env.put("OPTIMIZATION_MAX_WORKERS", "0");
        env.put("BATCH_SIZE", "-1");
        env.put("MAX_REQUESTS_PER_SECOND", "0");
        env.put("MAX_BATCH_WAIT_TIME", "forever");
        env.put("OPTIMIZATION_PARALLEL", "maybe");
        AgentConfig config = load(null);
        assertThat(problems).hasSize(5);
        assertThat(config.get(Setting.MAX_WORKERS)).isEqualTo(4);
        assertThat(config.get(Setting.MAX_BATCH_WAIT_TIME)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aMissingConfigFileIsReportedAndTheOtherSourcesStillApply() {
        env.put("OPTIMIZATION_LEVEL", "basic");
        AgentConfig config = load("config=" + dir.resolve("missing.properties"));
        assertThat(config.get(Setting.LEVEL)).isEqualTo(Level.BASIC);
        assertThat(problems).singleElement().asString()
                .contains("missing.properties").contains("no such file").contains("properties file");
    }

    @Test
    void unknownKeysAndMalformedArgumentsAreReported() {
        AgentConfig config = load("levle=basic,aggressive,cache=memory");
        assertThat(config.get(Setting.CACHE_STRATEGY)).isEqualTo(CacheStrategy.MEMORY);
        assertThat(problems).hasSize(2);
        assertThat(problems.get(0)).contains("'aggressive'").contains("key=value");
        assertThat(problems.get(1)).contains("'levle'").contains("level");
    }

    @Test
    void profileOverridesAreValidated() {
        AgentConfig config = load("profile.component_analysis.parallel_threshold=8,profile.search.timeout=never,"
                + "profile.search.colour=blue,profile.custom_op.cache_ttl=90s");
        assertThat(config.profiles().get("component_analysis").parallelThreshold()).isEqualTo(8);
        assertThat(config.profiles().get("custom_op").cacheTtl()).isEqualTo(Duration.ofSeconds(90));
        assertThat(config.profiles().get("search").timeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(problems).hasSize(2);
        assertThat(problems.get(0)).contains("profile.search.timeout").contains("'never'");
        assertThat(problems.get(1)).contains("colour").contains("cache_ttl");
    }
}
