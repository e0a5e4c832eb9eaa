package io.autobot.optimizer.agent.cache.disk;

import static org.assertj.core.api.Assertions.assertThat;

import io.autobot.optimizer.agent.cache.ArgumentResult;
import io.autobot.optimizer.agent.cache.CallKey;
import io.autobot.optimizer.agent.cache.LoadTerms;
import io.autobot.optimizer.agent.cache.MemoryTier;
import io.autobot.optimizer.agent.cache.ResultCache;
import io.autobot.optimizer.agent.cache.TierStatistics;
import io.autobot.optimizer.agent.call.FailOpen;
import io.autobot.optimizer.agent.call.MethodMeta;
import io.autobot.optimizer.agent.call.OperationStats;
import io.autobot.optimizer.agent.config.CacheStrategy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The disk tier counts each computed miss once, and keeps a result that was an argument as its position. */
class DiskTransparencyTest {

    @TempDir
    Path temp;

    private final List<MethodMeta> registered = new CopyOnWriteArrayList<>();

    @Test
    void fiftyCallsOverTenKeysOnDiskShowTenMissesInEachTier() throws Throwable {
        MethodMeta method = DiskMethods.method("com.example.Counted", "square", "v1");
        registered.add(method);
        DiskTier disk = DiskTier.open(temp.resolve("store"), () -> registered);
        MemoryTier memory = new MemoryTier(1000);
        ResultCache cache = new ResultCache(memory, CacheStrategy.DISK, () -> disk, new FailOpen());
        OperationStats stats = new OperationStats();
        AtomicInteger bodies = new AtomicInteger();
        try {
            for (int i = 0; i < 50; i++) {
                int k = i % 10;
                CallKey key = CallKey.of(method, new Object[] {k});
                if (cache.lookup(key) == null) { // the engine's own lookup first, as on the hit path
                    cache.getOrLoad(key, () -> {
                        bodies.incrementAndGet();
                        Thread.sleep(20); // dearer than a disk read, so the tier keeps storing (DiskWorth)
                        return k * k;
                    }, new LoadTerms(Duration.ofHours(1), Long.MAX_VALUE, stats, 0));
                }
            }
            assertThat(bodies).hasValue(10);
            TierStatistics diskStats = cache.statistics().stream().filter(t -> t.tier().equals("disk")).findFirst()
                    .orElseThrow();
            assertThat(diskStats.misses()).isEqualTo(10);
            assertThat(diskStats.hits()).isEqualTo(40);
            assertThat(memory.statistics().misses()).as("memory is asked first, once per call").isEqualTo(50);
        } finally {
            disk.close();
        }
    }

    @Test
    void aResultThatWasAnArgumentIsStoredAsItsPositionAcrossAReopen() {
        MethodMeta method = DiskMethods.method("com.example.Echo", "echo", "v1");
        registered.add(method);
        Path dir = temp.resolve("echo");
        DiskTier disk = DiskTier.open(dir, () -> registered);
        List<String> first = new ArrayList<>(List.of("a"));
        assertThat(disk.offer(CallKey.of(method, new Object[] {first}).detached(), ArgumentResult.of(0),
                Duration.ofHours(1))).isTrue();
        disk.close();
        DiskTier again = DiskTier.open(dir, () -> registered);
        try {
            Object stored = again.get(CallKey.of(method, new Object[] {new ArrayList<>(List.of("a"))}));
            assertThat(stored).isEqualTo(ArgumentResult.of(0));
        } finally {
            again.close();
        }
    }

    /** An argument that counts its constructions: reading a call back builds it. */
    record Document(String text) implements java.io.Serializable {
        static final AtomicInteger BUILT = new AtomicInteger();

        Document {
            BUILT.incrementAndGet();
        }
    }

    @Test
    void aSelfDescribingCallIsServedWithoutReadingBackTheCallThatWroteIt() {
        MethodMeta method = DiskMethods.method("com.example.Docs", "summary", "v1");
        registered.add(method);
        Path dir = temp.resolve("docs");
        DiskTier disk = DiskTier.open(dir, () -> registered);
        assertThat(disk.offer(CallKey.of(method, new Object[] {new Document("a")}).detached(), "summary of a",
                Duration.ofHours(1))).isTrue();
        disk.close();
        DiskTier again = DiskTier.open(dir, () -> registered);
        try {
            Document same = new Document("a");
            Document other = new Document("b");
            int built = Document.BUILT.get();
            assertThat(again.get(CallKey.of(method, new Object[] {same}))).isEqualTo("summary of a");
            assertThat(again.get(CallKey.of(method, new Object[] {other}))).isNull();
            assertThat(Document.BUILT).as("no call read back").hasValue(built);
            // a list of two from Stream.toList is not self-describing: its call is read back and compared
            assertThat(again.offer(CallKey.of(method, new Object[] {java.util.stream.Stream.of(same, other).toList()})
                    .detached(), "summary of a and b", Duration.ofHours(1))).isTrue();
            built = Document.BUILT.get();
            assertThat(again.get(CallKey.of(method, new Object[] {java.util.stream.Stream.of(same, other).toList()})))
                    .isEqualTo("summary of a and b");
            assertThat(Document.BUILT.get()).as("read back").isGreaterThan(built);
        } finally {
            again.close();
        }
    }
}
