package io.autobot.optimizer.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.autobot.optimizer.it.hosts.DiskKeysHost;
import io.autobot.optimizer.it.support.ChildJvm;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The disk tier serves an entry only to a call equal to the one that stored it: arguments that
 * serialize alike without being equal never share an entry, in one run or across a restart, and
 * the receiver of an instance method is part of the disk key too.
 */
class DiskKeysIT {

    @TempDir
    static Path work;

    private static ChildJvm.Result first;
    private static ChildJvm.Result second;

    @BeforeAll
    static void runTwice() throws Exception {
        first = run();
        second = run();
    }

    private static ChildJvm.Result run() throws Exception {
        return ChildJvm.of(DiskKeysHost.class).withAgent().env("CACHE_STRATEGY", "disk")
                .env("DISK_CACHE_PATH", work.resolve("cache").toString()).workDir(work).run();
    }

    @Test
    void argumentsThatSerializeAlikeButDifferGetTheirOwnResults() {
        for (ChildJvm.Result run : new ChildJvm.Result[] {first, second}) {
            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.value("correct")).as(run.toString()).isEqualTo("true");
            assertThat(run.value("page.bob")).isEqualTo("page:/inbox:for:bob");
            assertThat(run.value("page.carol")).isEqualTo("page:/inbox:for:carol");
            assertThat(run.value("search.2")).isEqualTo("search:x:page:2");
        }
    }

    @Test
    void serializableAndStatelessReceiversAreServedFromDiskAfterARestart() {
        assertThat(first.value("planet.runs")).as(first.toString()).isEqualTo("2");
        assertThat(second.value("planet.runs")).as(second.toString()).isEqualTo("0");
        assertThat(first.value("pricer.runs")).isEqualTo("1");
        assertThat(second.value("pricer.runs")).as(second.toString()).isEqualTo("0");
    }

    @Test
    void aReceiverThatCannotBeSerializedKeepsItsCallsInMemoryAndSaysSoOnce() {
        for (ChildJvm.Result run : new ChildJvm.Result[] {first, second}) {
            assertThat(run.value("account.runs")).as(run.toString()).isEqualTo("2");
            assertThat(run.stderr().lines().filter(line -> line.contains("DiskKeysHost$Account.balanceIn")))
                    .as(run.stderr()).hasSize(1).allMatch(line -> line.startsWith("INFO"));
        }
    }

    @Test
    void callsThatDoNotReadBackAsThemselvesAreCachedInMemoryAndSaidOnce() {
        for (ChildJvm.Result run : new ChildJvm.Result[] {first, second}) {
            assertThat(run.stderr().lines().filter(line -> line.contains("DiskKeysHost.page(")))
                    .as(run.stderr()).hasSize(1).allMatch(line -> line.startsWith("INFO"));
            assertThat(run.stderr()).doesNotContain("WARN");
        }
    }
}
