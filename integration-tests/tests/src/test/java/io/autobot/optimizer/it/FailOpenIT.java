package io.autobot.optimizer.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.autobot.optimizer.it.hosts.FailOpenHost;
import io.autobot.optimizer.it.support.ChildJvm;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When the agent's own steps fail, the original method runs and its real outcome reaches the caller. */
class FailOpenIT {

    @TempDir
    Path workDir;

    @Test
    void internalFailuresRunTheOriginalMethodAndAreReportedOnce() throws Exception {
        ChildJvm.Result result = ChildJvm.of(FailOpenHost.class).withAgent("cache=memory").workDir(workDir).run();
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.value("correct")).isEqualTo("true");
        // nothing could be cached: every call ran its body (3 calls x 4 methods)
        assertThat(result.value("runs")).isEqualTo("12");
        assertThat(result.stderr().lines().filter(line -> line.contains("hashless"))).hasSize(1);
        assertThat(result.stderr().lines().filter(line -> line.contains("unwalkable"))).hasSize(1);
        assertThat(result.stderr()).contains("UnsupportedOperationException: no hashCode for you");
        assertThat(result.stderr()).doesNotContain("OutOfMemoryError"); // the body's own error is not the agent's
    }
}
