package io.autobot.optimizer.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.autobot.optimizer.it.hosts.ConcurrentHybridHost;
import io.autobot.optimizer.it.support.ChildJvm;
import io.autobot.optimizer.it.support.HostLog;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Eight threads with random keys on the hybrid cache, with a memory tier far smaller than the key
 * space (so entries are evicted, and promoted back from disk): every result equals the uncached
 * one. The second run starts with the first run's disk entries.
 */
class HybridConcurrencyIT {

    @TempDir
    static Path work;

    @Test
    void everyResultEqualsTheUncachedResult() throws Exception {
        for (String seed : new String[] {"1", "2"}) {
            ChildJvm.Result run = ChildJvm.of(ConcurrentHybridHost.class).withAgent()
                    .env("CACHE_STRATEGY", "hybrid").env("CACHE_SIZE", "50")
                    .env("DISK_CACHE_PATH", work.resolve("cache").toString()).args(seed).run();
            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.value("mismatches")).as(run.toString()).isEqualTo("0");
            assertThat(Long.parseLong(run.value("calls"))).isGreaterThan(Long.parseLong(run.value("runs")));
            // the only warnings allowed are the management plane's alerts (random keys hit rarely)
            HostLog.assertNoUnexpectedWarnings(run, "ALERT");
        }
    }
}
