package io.autobot.optimizer.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.autobot.optimizer.it.hosts.TuningHost;
import io.autobot.optimizer.it.support.ChildJvm;
import io.autobot.optimizer.it.support.HostLog;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Auto-tuning and the in-process API in a host, with the agent and without it. */
class AutoTuningIT {

    @TempDir
    static Path workDir;

    private static ChildJvm.Result with;
    private static ChildJvm.Result without;

    @BeforeAll
    static void runHost() throws Exception {
        with = ChildJvm.of(TuningHost.class)
                .withAgent("autotune=true,autotune.interval=1s,cache.size=50,export.dir=" + workDir.resolve("out"))
                .jvmArg("-Xmx256m").workDir(workDir).args("6").run();
        without = ChildJvm.of(TuningHost.class).workDir(workDir).args("0").run();
    }

    @Test
    void autoTuningGrowsTheCacheOnceAndNeverBackWhenGrowingDoesNotHelp() {
        assertThat(with.exitCode()).as(with.toString()).isZero();
        // keys never repeat: one doubling is tried, it does not raise the hit rate, nothing more happens
        assertThat(with.value("cache.size.changes")).as(with.toString()).isEqualTo("100");
        assertThat(with.value("cache.size")).isEqualTo("100");
        assertThat(with.stderr()).contains("auto-tuning: CACHE_SIZE 50 -> 100")
                .contains("did not improve the figure that asked for it");
    }

    @Test
    void theHybridCacheRunsWithoutAWarning() {
        HostLog.assertNoUnexpectedWarnings(with); // its low hit rate alert is a figure, not a failure
    }

    @Test
    void theApiReadsAndChangesTheAgent() {
        assertThat(with.value("attached")).isEqualTo("true");
        assertThat(with.value("level")).isEqualTo("aggressive");
        assertThat(with.value("strategy")).isEqualTo("memory");
        assertThat(with.value("report.attached")).isEqualTo("true");
        assertThat(Double.parseDouble(with.value("report.hit.rate"))).isLessThan(0.1);
        assertThat(with.value("report.calls.positive")).isEqualTo("true");
        assertThat(with.value("statistics.capacity")).isEqualTo("200"); // 100 scaled by aggressive, a count: a Long
        assertThat(with.value("recommendations.hit.rate")).isEqualTo("true");
        assertThat(with.value("export.json")).isEqualTo("true");
    }

    @Test
    void stoppingTheAgentUnregistersEveryBeanAndEndsItsThread() {
        assertThat(with.value("beans.after.stop")).isEqualTo("0");
        assertThat(with.value("threads.after.stop")).isEqualTo("0");
        assertThat(with.value("attached.after.stop")).isEqualTo("false");
    }

    @Test
    void withoutTheAgentTheApiSaysSoAndBenchmarksStillWork() {
        assertThat(without.exitCode()).as(without.toString()).isZero();
        assertThat(without.value("attached")).isEqualTo("false");
        assertThat(without.value("report.attached")).isEqualTo("false");
        assertThat(without.value("recommendations.says")).isEqualTo("true");
        assertThat(without.value("statistics.empty")).isEqualTo("true");
        assertThat(without.value("set.level")).isEqualTo("refused");
        for (ChildJvm.Result result : new ChildJvm.Result[] {with, without}) {
            assertThat(result.value("benchmark.result")).isEqualTo("6");
            assertThat(result.value("benchmark.time.positive")).isEqualTo("true");
            assertThat(result.value("benchmark.keys")).isEqualTo("execution_time,memory_allocated,memory_delta,iterations");
        }
    }
}
