package io.autobot.optimizer.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.autobot.optimizer.it.hosts.ContextlessHost;
import io.autobot.optimizer.it.support.ChildJvm;
import io.autobot.optimizer.it.support.HostLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hybrid tier opened by a first call on a thread without a context class loader (MapDB needs
 * one): the store a previous run wrote is kept and served, nothing is set aside as damaged, no
 * half-made store or marker is left, the files are owner-only and the host's stderr has no
 * warning. Three runs share one store: the first opens it from an ordinary thread, the next two
 * from a thread whose context loader is null.
 */
class ContextlessDiskIT {

    @TempDir
    static Path work;

    private static Path store;
    private static ChildJvm.Result normal;
    private static ChildJvm.Result contextless;
    private static ChildJvm.Result contextlessAgain;

    @BeforeAll
    static void runHosts() throws Exception {
        store = work.resolve("store");
        normal = run("normal", "ada");
        contextless = run("contextless", "ada", "bob");
        contextlessAgain = run("contextless", "ada", "bob");
    }

    private static ChildJvm.Result run(String thread, String... words) throws Exception {
        String[] args = Stream.concat(Stream.of(thread), Stream.of(words)).toArray(String[]::new);
        ChildJvm.Result result = ChildJvm.of(ContextlessHost.class).withAgent().env("CACHE_STRATEGY", "hybrid")
                .env("DISK_CACHE_PATH", store.toString()).args(args).workDir(work).run();
        assertThat(result.exitCode()).as(result.toString()).isZero();
        return result;
    }

    @Test
    void theFirstCallRanOnAThreadWithoutAContextLoader() {
        assertThat(normal.value("first.loader")).isNotEqualTo("null");
        assertThat(contextless.value("first.loader")).isEqualTo("null");
        assertThat(contextlessAgain.value("first.loader")).isEqualTo("null");
    }

    @Test
    void theDiskTierOpens() {
        for (ChildJvm.Result run : List.of(normal, contextless, contextlessAgain)) {
            assertThat(run.value("disk.ready")).as(run.toString()).isEqualTo("true");
        }
    }

    @Test
    void theStoreAPreviousRunWroteIsServed() {
        assertThat(normal.value("runs.ada")).as(normal.toString()).isEqualTo("1");
        assertThat(normal.value("disk.hits")).isEqualTo("0");
        assertThat(contextless.value("result.ada")).isEqualTo("ADA!");
        assertThat(contextless.value("result.bob")).isEqualTo("BOB!");
        assertThat(contextless.value("runs.ada")).as("ada from the disk\n%s", contextless).isEqualTo("0");
        assertThat(contextless.value("runs.bob")).as("bob computed once\n%s", contextless).isEqualTo("1");
        assertThat(contextless.value("disk.hits")).as(contextless.toString()).isEqualTo("1");
        assertThat(contextlessAgain.value("runs.ada")).as(contextlessAgain.toString()).isEqualTo("0");
        assertThat(contextlessAgain.value("runs.bob")).as(contextlessAgain.toString()).isEqualTo("0");
        assertThat(contextlessAgain.value("result.bob")).isEqualTo("BOB!");
        assertThat(contextlessAgain.value("disk.hits")).as(contextlessAgain.toString()).isEqualTo("2");
    }

    @Test
    void nothingIsSetAsideAndNoMarkerIsLeft() throws IOException {
        List<String> names;
        try (Stream<Path> files = Files.list(store)) {
            names = files.map(path -> path.getFileName().toString()).toList();
        }
        assertThat(names).contains("autobot-cache.db").noneMatch(name -> name.startsWith("damaged"))
                .noneMatch(name -> name.contains(".creating"));
    }

    @Test
    void theStoreIsOwnerOnly() throws IOException {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store))).isEqualTo("rwx------");
        try (Stream<Path> files = Files.list(store)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).as(file.toString())
                        .isEqualTo("rw-------");
            }
        }
    }

    @Test
    void theHostsStderrHasNoWarning() {
        for (ChildJvm.Result run : List.of(normal, contextless, contextlessAgain)) {
            HostLog.assertNoUnexpectedWarnings(run);
        }
    }
}
