package io.autobot.optimizer.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.autobot.optimizer.it.hosts.DiskKeysHost;
import io.autobot.optimizer.it.hosts.PluginHost;
import io.autobot.optimizer.it.hosts.ShutdownCallHost;
import io.autobot.optimizer.it.support.ChildJvm;
import io.autobot.optimizer.it.support.HostLog;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.ToolProvider;
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
            // one summary line for every such method; the debug log names each
            assertThat(run.stderr().lines().filter(line -> line.contains("on a receiver that cannot be serialized")))
                    .as(run.stderr()).hasSize(1).allMatch(line -> line.startsWith("INFO"));
        }
    }

    @Test
    void callsThatDoNotReadBackAsThemselvesAreCachedInMemoryAndSaidOnce() {
        for (ChildJvm.Result run : new ChildJvm.Result[] {first, second}) {
            assertThat(run.stderr().lines().filter(line -> line.contains("DiskKeysHost.page(")))
                    .as(run.stderr()).hasSize(1).allMatch(line -> line.startsWith("INFO"));
            HostLog.assertNoUnexpectedWarnings(run);
        }
    }

    @Test
    void twoVersionsOfAStatelessPluginClassNeverShareDiskEntries() throws Exception {
        Path v1 = plugin("v1", "x * 3");
        Path v2 = plugin("v2", "x * 5");
        Path cache = work.resolve("plugins");
        for (int run = 0; run < 2; run++) { // the second run reads what the first wrote
            ChildJvm.Result result = ChildJvm.of(PluginHost.class).withAgent().env("CACHE_STRATEGY", "hybrid")
                    .env("DISK_CACHE_PATH", cache.toString()).args(v1.toString(), v2.toString(), v1.toString())
                    .workDir(work).run();
            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(result.value("plugin.0")).as(result.toString()).isEqualTo("30");
            assertThat(result.value("plugin.1")).as(result.toString()).isEqualTo("50");
            assertThat(result.value("plugin.2")).as(result.toString()).isEqualTo("30");
            HostLog.assertNoUnexpectedWarnings(result);
        }
    }

    /** Compiles {@code plugin.Impl}, a stateless {@code PluginBase} whose override returns {@code body}. */
    private static Path plugin(String version, String body) throws Exception {
        Path source = work.resolve("src-" + version).resolve("plugin/Impl.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, "package plugin;\npublic class Impl extends io.autobot.optimizer.it.hosts.PluginBase {\n"
                + "    protected int transform(int x) { return " + body + "; }\n}\n");
        Path classes = Files.createDirectories(work.resolve("plugin-" + version));
        int exit = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(),
                "-cp", System.getProperty("java.class.path"), source.toString());
        assertThat(exit).as("javac of " + source).isZero();
        return classes;
    }

    @Test
    void aFirstMissInTheHostsShutdownHookIsServedWithoutAWarning() throws Exception {
        ChildJvm.Result result = ChildJvm.of(ShutdownCallHost.class).withAgent().env("CACHE_STRATEGY", "hybrid")
                .env("DISK_CACHE_PATH", work.resolve("hook").toString()).workDir(work).run();
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.value("hook")).isEqualTo("summary-of-run");
        HostLog.assertNoUnexpectedWarnings(result);
    }
}
