package io.autobot.optimizer.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.autobot.optimizer.it.hosts.DiskHost;
import io.autobot.optimizer.it.hosts.StoreWriterHost;
import io.autobot.optimizer.it.support.ChildJvm;
import io.autobot.optimizer.it.support.HostLog;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each fault of the disk tier in a child JVM: one clear warning, and the host keeps running with
 * correct results on the memory tier. Read-only and full disks are small tmpfs mounts (the tests
 * run as root, for which permission bits are no obstacle); where mounting is not permitted those
 * two are skipped with a message.
 */
class DiskFaultsIT {

    @TempDir
    static Path work;

    private static final List<Path> mounts = new ArrayList<>();
    private static String mountProblem;

    private static ChildJvm.Result uncreatable;
    private static ChildJvm.Result readOnly;
    private static ChildJvm.Result full;
    private static ChildJvm.Result corrupt;
    private static ChildJvm.Result afterCorrupt;
    private static ChildJvm.Result incompatible;
    private static ChildJvm.Result afterIncompatible;
    private static ChildJvm.Result holder;
    private static ChildJvm.Result second;
    private static ChildJvm.Result afterBoth;
    private static ChildJvm.Result vanished;
    private static ChildJvm.Result afterVanished;

    @BeforeAll
    static void runHosts() throws Exception {
        Path file = Files.writeString(work.resolve("a-file"), "not a directory");
        uncreatable = disk(file.resolve("cache")).run();

        Path readOnlyMount = mount("ro", "size=1m");
        if (readOnlyMount != null) {
            Files.createDirectories(readOnlyMount.resolve("cache"));
            remountReadOnly(readOnlyMount);
            readOnly = disk(readOnlyMount.resolve("cache")).run();
        }
        Path small = mount("full", "size=4m");
        if (small != null) {
            full = disk(small.resolve("cache")).args("big", "24").run();
        }

        Path damaged = Files.createDirectories(work.resolve("corrupt"));
        Files.write(damaged.resolve("autobot-cache.db"), "this is no store".repeat(2000).getBytes());
        corrupt = disk(damaged).run();
        afterCorrupt = disk(damaged).run();

        Path old = Files.createDirectories(work.resolve("old"));
        ChildJvm.Result writer = ChildJvm.of(StoreWriterHost.class)
                .args(ChildJvm.agentJar().toString(), old.resolve("autobot-cache.db").toString(), "autobot-disk-cache/0")
                .run();
        assertThat(writer.value("written")).as(writer.toString()).isEqualTo("true");
        incompatible = disk(old).run();
        afterIncompatible = disk(old).run();

        twoJvms(work.resolve("shared"));

        vanished = disk(work.resolve("vanishing")).args("vanish").run();
        afterVanished = disk(work.resolve("vanishing")).run();
    }

    /** One JVM holds the store while a second starts on the same path; a third checks the store after both. */
    private static void twoJvms(Path shared) throws Exception {
        Path proceed = work.resolve("proceed");
        Path holderOut = work.resolve("holder-out.txt");
        Path holderErr = work.resolve("holder-err.txt");
        Files.writeString(holderOut, "");
        Process first = disk(shared).args("hold", proceed.toString()).start();
        Thread copier = new Thread(() -> copy(first, holderOut));
        copier.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.readString(holderOut).contains("holding=true") && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        second = disk(shared).run();
        Files.writeString(proceed, "go");
        assertThat(first.waitFor(60, TimeUnit.SECONDS)).isTrue();
        copier.join();
        Files.write(holderErr, first.getErrorStream().readAllBytes());
        holder = new ChildJvm.Result(first.exitValue(), Files.readString(holderOut), Files.readString(holderErr));
        afterBoth = disk(shared).run();
    }

    private static void copy(Process process, Path target) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                Files.writeString(target, line + "\n", java.nio.file.StandardOpenOption.CREATE,
                        java.nio.file.StandardOpenOption.APPEND);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ChildJvm disk(Path directory) {
        return ChildJvm.of(DiskHost.class).withAgent().env("CACHE_STRATEGY", "disk")
                .env("DISK_CACHE_PATH", directory.toString()).workDir(work);
    }

    private static Path mount(String name, String options) throws Exception {
        Path point = Files.createDirectories(work.resolve(name));
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", options, "tmpfs", point.toString())
                .redirectErrorStream(true).start();
        String output = new String(mount.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (mount.waitFor() != 0) {
            mountProblem = "mount -t tmpfs is not permitted here (" + output + ")";
            return null;
        }
        mounts.add(point);
        return point;
    }

    private static void remountReadOnly(Path point) throws Exception {
        Process remount = new ProcessBuilder("mount", "-o", "remount,ro", point.toString()).inheritIO().start();
        assertThat(remount.waitFor()).as("remount read-only").isZero();
    }

    @AfterAll
    static void unmount() throws Exception {
        for (Path point : mounts) {
            new ProcessBuilder("umount", point.toString()).inheritIO().start().waitFor();
        }
    }

    /** The warnings the host's two methods with values that cannot be serialized give on every run. */
    private static final String MEMORY_ONLY_METHODS = "cannot be serialized";

    /** The host ran correctly, and stderr has exactly one line about the disk cache, containing {@code text}. */
    private static void ranCorrectlyWithOneWarning(ChildJvm.Result run, String text) {
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.value("correct")).as(run.toString()).isEqualTo("true");
        List<String> warnings = run.stderr().lines()
                .filter(line -> line.contains("disk cache") || line.contains("DISK_CACHE_PATH"))
                .filter(line -> !line.contains(" started (")) // the start-up line names where the agent writes
                .toList();
        assertThat(warnings).as(run.stderr()).hasSize(1);
        assertThat(warnings.get(0)).contains("WARN").contains(text);
        HostLog.assertNoUnexpectedWarnings(run, text, MEMORY_ONLY_METHODS);
        assertThat(run.stderr()).doesNotContain("\tat "); // no stack trace
    }

    @Test
    void aDirectoryThatVanishesWhileTheHostRuns() {
        assertThat(vanished.exitCode()).as(vanished.toString()).isZero();
        assertThat(vanished.value("vanished")).isEqualTo("true");
        assertThat(vanished.value("correct")).as(vanished.toString()).isEqualTo("true");
        assertThat(vanished.stderr()).doesNotContain("\tat ");
        assertThat(vanished.stderr().lines().filter(line -> line.contains("disk cache"))
                .filter(line -> !line.contains(" started ("))).hasSizeLessThanOrEqualTo(1);
        HostLog.assertNoUnexpectedWarnings(vanished, "disk cache at", MEMORY_ONLY_METHODS);
        // the next run starts a new store where the old one was
        assertThat(afterVanished.exitCode()).as(afterVanished.toString()).isZero();
        assertThat(afterVanished.value("correct")).isEqualTo("true");
        assertThat(afterVanished.stderr()).doesNotContain("\tat ");
        HostLog.assertNoUnexpectedWarnings(afterVanished, MEMORY_ONLY_METHODS);
        assertThat(work.resolve("vanishing")).isDirectory();
    }

    @Test
    void aDirectoryThatCannotBeCreated() {
        ranCorrectlyWithOneWarning(uncreatable, "cannot be created");
        assertThat(uncreatable.stderr()).contains("DISK_CACHE_PATH=" + work.resolve("a-file/cache"));
        assertThat(uncreatable.value("runs")).isEqualTo("4"); // memory only: each body once
    }

    @Test
    void aReadOnlyDirectory() {
        Assumptions.assumeTrue(readOnly != null, () -> "read-only directory not tested: " + mountProblem);
        ranCorrectlyWithOneWarning(readOnly, "is read-only");
        assertThat(readOnly.value("runs")).isEqualTo("4");
    }

    @Test
    void aFullDisk() {
        Assumptions.assumeTrue(full != null, () -> "full disk not tested: " + mountProblem);
        ranCorrectlyWithOneWarning(full, "No space left on device");
        // 24 values, asked for twice: those queued for the disk when it filled up are computed again,
        // those offered after it are served from memory
        assertThat(Integer.parseInt(full.value("big.runs"))).as(full.toString()).isBetween(24, 47);
    }

    @Test
    void aCorruptStoreIsSetAsideAndRebuilt() throws IOException {
        ranCorrectlyWithOneWarning(corrupt, "was set aside");
        assertThat(afterCorrupt.value("runs")).as(afterCorrupt.toString()).isEqualTo("0");
        HostLog.assertNoUnexpectedWarnings(afterCorrupt, MEMORY_ONLY_METHODS);
        try (var files = Files.list(work.resolve("corrupt"))) {
            assertThat(files.map(path -> path.getFileName().toString())).anyMatch(name -> name.startsWith("damaged-"));
        }
    }

    @Test
    void aStoreOfAnotherVersionIsSetAsideAndRebuilt() {
        ranCorrectlyWithOneWarning(incompatible, "another version (autobot-disk-cache/0)");
        assertThat(afterIncompatible.value("runs")).as(afterIncompatible.toString()).isEqualTo("0");
        HostLog.assertNoUnexpectedWarnings(afterIncompatible, MEMORY_ONLY_METHODS);
    }

    @Test
    void aSecondJvmOnTheSamePathLeavesTheFirstAlone() {
        ranCorrectlyWithOneWarning(second, "in use by another JVM");
        assertThat(second.value("runs")).isEqualTo("4");
        assertThat(holder.exitCode()).as(holder.toString()).isZero();
        assertThat(holder.value("correct")).as(holder.toString()).isEqualTo("true");
        assertThat(holder.value("runs")).isEqualTo("4");
        HostLog.assertNoUnexpectedWarnings(holder, MEMORY_ONLY_METHODS);
        assertThat(afterBoth.value("correct")).isEqualTo("true");
        assertThat(afterBoth.value("runs")).as(afterBoth.toString()).isEqualTo("0");
        HostLog.assertNoUnexpectedWarnings(afterBoth, MEMORY_ONLY_METHODS);
    }
}
