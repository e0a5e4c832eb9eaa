package io.autobot.optimizer.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.autobot.optimizer.it.hosts.TtlHost;
import io.autobot.optimizer.it.support.ChildJvm;
import io.autobot.optimizer.it.support.HostLog;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TTLs end to end in a child JVM: {@code @Cached(ttl)} wins over the operation profile's TTL both
 * ways (a short one expires under a 2h profile, a 1h one outlives a profile made short), a method
 * without its own follows the profile, and a rules file's {@code cached(ttl=...)} applies. Expiry
 * is observed (the body runs again), never timed.
 */
class TtlIT {

    @TempDir
    static Path workDir;

    private static ChildJvm.Result run;

    @BeforeAll
    static void runHost() throws Exception {
        Path rules = Files.writeString(workDir.resolve("ttl.rules"), String.join("\n",
                TtlHost.class.getName() + ".ruled(String)       cached(ttl=300ms)",
                TtlHost.class.getName() + ".ruledLong(String)   cached(ttl=1h)",
                ""));
        run = ChildJvm.of(TtlHost.class).withAgent("cache=memory,rules=" + rules).workDir(workDir).run();
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.value("correct")).as(run.toString()).isEqualTo("true");
    }

    @Test
    void anAnnotatedTtlShorterThanTheProfilesExpires() {
        assertThat(run.value("annotatedShort.expired")).as(run.toString()).isEqualTo("true");
        assertThat(run.value("annotatedShort.runs")).isEqualTo("2");
    }

    @Test
    void anAnnotatedTtlLongerThanTheProfilesIsKept() {
        assertThat(run.value("profile.bean")).as(run.toString()).isEqualTo("true");
        assertThat(run.value("profile.ttl")).isEqualTo("0.3");
        assertThat(run.value("profiled.expired")).as("the profile's new TTL applies\n%s", run).isEqualTo("true");
        assertThat(run.value("profiled.runsAdded")).isEqualTo("1");
        assertThat(run.value("annotatedLong.runs")).as("stored before profiled, still served\n%s", run)
                .isEqualTo("1");
    }

    @Test
    void theRulesFilesTtlsApply() {
        assertThat(run.value("ruled.expired")).as(run.toString()).isEqualTo("true");
        assertThat(run.value("ruled.runs")).isEqualTo("2");
        assertThat(run.value("ruledLong.runs")).as(run.toString()).isEqualTo("1");
    }

    @Test
    void saysNothingUnexpected() {
        HostLog.assertNoUnexpectedWarnings(run);
    }
}
