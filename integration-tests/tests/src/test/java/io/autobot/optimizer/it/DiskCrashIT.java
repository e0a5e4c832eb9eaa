package io.autobot.optimizer.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.autobot.optimizer.it.hosts.CrashHost;
import io.autobot.optimizer.it.support.ChildJvm;
import io.autobot.optimizer.it.support.HostLog;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 in the middle of heavy disk writes, several times in a row: every next JVM starts with a
 * usable cache, serves what was written before, and never serves a wrong value.
 */
class DiskCrashIT {

    private static final int KILLS = 3;
    private static final int RANGE = 1_000_000;
    /** The disk tier's commit interval (WriteBehind.COMMIT_INTERVAL_MILLIS). */
    private static final long COMMIT_INTERVAL_MILLIS = 250;

    @TempDir
    static Path work;

    /** The one warning a store a kill left unreadable may give: it is set aside and rebuilt. */
    private static final String SET_ASIDE = "was set aside in";

    @Test
    void survivesRepeatedKillsMidWrite() throws Exception {
        Path cache = work.resolve("cache");
        Random random = new Random(7);
        List<String> verifyArgs = new ArrayList<>(List.of("verify"));
        List<String> crashedErrors = new ArrayList<>();
        for (int k = 0; k < KILLS; k++) {
            Process process = ChildJvm.of(CrashHost.class).withAgent().env("CACHE_STRATEGY", "disk")
                    .env("DISK_CACHE_PATH", cache.toString()).args("write", Integer.toString(k * RANGE)).start();
            StringBuilder errors = new StringBuilder();
            Thread drain = new Thread(() -> drain(process, errors));
            drain.start();
            int written = readUntilWritten(process, 200 + random.nextInt(600));
            // a store that has not opened yet holds nothing to damage: the kill comes once it has
            // opened and had a commit interval or more to write in, at a random point of the writes
            awaitStore(cache);
            Thread.sleep(2 * COMMIT_INTERVAL_MILLIS + random.nextInt((int) (4 * COMMIT_INTERVAL_MILLIS)));
            process.destroyForcibly(); // SIGKILL: no shutdown hook, no flush
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            drain.join(10_000);
            synchronized (errors) {
                crashedErrors.add(errors.toString());
            }
            verifyArgs.add(Integer.toString(k * RANGE));
            verifyArgs.add(Integer.toString(written));
        }
        ChildJvm.Result verify = ChildJvm.of(CrashHost.class).withAgent().env("CACHE_STRATEGY", "disk")
                .env("DISK_CACHE_PATH", cache.toString()).args(verifyArgs.toArray(new String[0])).run();

        assertThat(verify.exitCode()).as(verify.toString()).isZero();
        assertThat(verify.value("correct")).as(verify.toString()).isEqualTo("true");
        // a kill between commits leaves the store at its last commit; one during a commit leaves the
        // commit marker, and the store is kept if it reads through, else set aside with one warning
        // and rebuilt from what can still be read. MapDB 3.1 cannot always be read after a kill
        // during a commit (2 of 39 starts in kill-during-writes.sh), so a start may find nothing to
        // serve; every start after a kill setting the store aside would be the agent's own fault.
        List<String> starts = new ArrayList<>(crashedErrors.subList(1, crashedErrors.size()));
        starts.add(verify.stderr());
        assertThat(starts.stream().filter(log -> log.contains(SET_ASIDE)).count())
                .as("starts after a kill that set the store aside\n" + starts).isLessThan(starts.size());
        if (!verify.stderr().contains(SET_ASIDE)) {
            assertThat(Integer.parseInt(verify.value("served")))
                    .as(verify + "\nthe killed hosts said:\n" + crashedErrors).isPositive();
        }
        assertThat(verify.stderr().lines().filter(line -> line.contains("WARN")).count()).as(verify.stderr())
                .isLessThanOrEqualTo(1);
        HostLog.assertNoUnexpectedWarnings(verify, SET_ASIDE);
        assertThat(verify.stderr()).doesNotContain("\tat ");
        for (String errors : crashedErrors) {
            assertThat(errors).doesNotContain("correct=false").doesNotContain("\tat ");
            HostLog.assertNoUnexpectedWarnings(errors, SET_ASIDE);
        }
    }

    /** Waits (at most 30 s) until the store file exists and is no longer being created. */
    private static void awaitStore(Path cache) throws InterruptedException {
        Path store = cache.resolve("autobot-cache.db");
        Path creating = cache.resolve("autobot-cache.db.creating");
        for (int i = 0; i < 300 && !(Files.exists(store) && !Files.exists(creating)); i++) {
            Thread.sleep(100);
        }
        assertThat(store).as("the store opened").exists();
    }

    private static void drain(Process process, StringBuilder errors) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                synchronized (errors) {
                    errors.append(line).append('\n');
                }
            }
        } catch (java.io.IOException closedByTheKill) {
            // what was read so far is what the host said
        }
    }

    /** Reads the host's progress until it has called at least {@code target} times; returns the count. */
    private static int readUntilWritten(Process process, int target) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        int written = 0;
        String line;
        while (written < target && System.nanoTime() < deadline && (line = out.readLine()) != null) {
            assertThat(line).isNotEqualTo("correct=false");
            if (line.startsWith("written=")) {
                written = Integer.parseInt(line.substring("written=".length()));
            }
        }
        assertThat(written).as("the host wrote before it was killed").isPositive();
        return written;
    }
}
