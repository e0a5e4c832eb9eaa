package io.autobot.optimizer.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.autobot.optimizer.it.hosts.MicrometerHost;
import io.autobot.optimizer.it.support.ChildJvm;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A host with Micrometer on its class path sees the agent's meters in its own global registry,
 * through its own Micrometer classes, with conventional names, tags and base units; the agent's
 * JMX view of the meters is then not published.
 */
class MicrometerIT {

    @TempDir
    Path workDir;

    @Test
    void theHostsGlobalRegistryShowsTheAgentsMeters() throws Exception {
        ChildJvm.Result result = ChildJvm.of(MicrometerHost.class).withTestJars("micrometer-")
                .withTestJars("HdrHistogram-").withTestJars("LatencyUtils-").withAgent("cache=memory")
                .workDir(workDir).run();
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.value("correct")).as(result.toString()).isEqualTo("true");
        assertThat(result.value("square.runs")).isEqualTo("1");

        assertThat(result.value("calls.success.count")).as("the miss of square").isEqualTo("1");
        assertThat(result.value("calls.success.unit")).isEqualTo("SECONDS");
        assertThat(result.value("calls.success.time.positive")).isEqualTo("true");
        assertThat(result.value("calls.error.count")).as("failing threw to its caller").isEqualTo("1");
        assertThat(result.value("calls.cached")).as("the two hits of square").isEqualTo("2");
        assertThat(result.value("percentile.positive")).isEqualTo("true");
        assertThat(Long.parseLong(result.value("ratelimit.waits"))).as("two permits a second, three calls")
                .isBetween(1L, 3L);
        assertThat(result.value("ratelimit.time.positive")).isEqualTo("true");
        assertThat(result.value("cache.hits")).isEqualTo("2");
        assertThat(result.value("cache.misses")).as("square once, failing once").isEqualTo("2");
        assertThat(result.value("cache.size")).isEqualTo("1");
        assertThat(result.value("cache.evictions.present")).isEqualTo("true");
        assertThat(result.value("meter.class")).startsWith("io.micrometer.");
        assertThat(result.value("meter.loader")).as("the host's Micrometer classes").isEqualTo("true");
        assertThat(result.value("jmx.view")).as("no second, JMX view of the same meters").isEqualTo("0");
        assertThat(result.stderr()).doesNotContain("Micrometer").doesNotContain("Exception");
    }
}
