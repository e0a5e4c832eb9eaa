package io.autobot.optimizer.agent.cache.disk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autobot.optimizer.agent.cache.CallKey;
import io.autobot.optimizer.agent.cache.TierStatistics;
import io.autobot.optimizer.agent.call.MethodMeta;
import io.autobot.optimizer.bootstrap.Dispatcher;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mapdb.DB;
import org.mapdb.DBMaker;

class DiskTierTest {

    private static final Duration HOUR = Duration.ofHours(1);

    @TempDir
    Path temp;

    private final List<DiskTier> opened = new ArrayList<>();
    private final List<MethodMeta> registered = new CopyOnWriteArrayList<>();

    @AfterEach
    void closeAll() {
        opened.forEach(DiskTier::close);
    }

    private Path dir() {
        return temp.resolve("cache/performance_cache");
    }

    private DiskTier open(Path dir) {
        DiskTier tier = DiskTier.open(dir, () -> registered);
        opened.add(tier);
        return tier;
    }

    private DiskTier reopen(DiskTier tier) {
        tier.close();
        return open(tier.directory());
    }

    private static CallKey key(MethodMeta method, Object arg) {
        return CallKey.of(method, new Object[] {arg});
    }

    @Test
    void keepsEntriesAcrossRestartsWithTheirRemainingLifetime() {
        MethodMeta method = DiskMethods.method("com.example.A", "compute", "v1");
        DiskTier tier = open(dir());
        assertThat(tier.offer(key(method, "a"), List.of("A", 1), HOUR)).isTrue();
        assertThat(tier.offer(key(method, "n"), Dispatcher.NULL, HOUR)).isTrue();
        assertThat(tier.get(key(method, "a"))).as("served before the write reached the store").isEqualTo(List.of("A", 1));

        tier = reopen(tier);
        MethodMeta sameMethodNextRun = DiskMethods.method("com.example.A", "compute", "v1");
        CallKey a = key(sameMethodNextRun, "a");
        assertThat(tier.get(a)).isEqualTo(List.of("A", 1));
        assertThat(tier.remainingTtl(a)).isBetween(Duration.ofMinutes(59), HOUR);
        assertThat(tier.get(key(sameMethodNextRun, "n"))).isSameAs(Dispatcher.NULL);
        assertThat(tier.get(key(sameMethodNextRun, "other"))).isNull();
    }

    @Test
    void aResultOfferedBehindIsWeighedAndEncodedOnTheTiersThreadAndChargesTheCallerNothing() {
        MethodMeta method = DiskMethods.method("com.example.A", "compute", "v1");
        DiskTier tier = open(dir());
        ThreadRecorder.threads.clear();
        tier.offerBehind(key(method, "a"), new ThreadRecorder("A"), HOUR, 1_000_000_000L);
        assertThat(ThreadRecorder.threads).as("nothing encoded on the caller's thread").isEmpty();
        assertThat(method.stats().policies().savedNanos()).as("no disk time on the caller's account")
                .doesNotContainKey("disk");

        tier = reopen(tier); // closing writes what is queued
        assertThat(ThreadRecorder.threads).isNotEmpty().allMatch("autobot-disk-cache"::equals);
        assertThat(tier.get(key(DiskMethods.method("com.example.A", "compute", "v1"), "a")))
                .isEqualTo(new ThreadRecorder("A"));
    }

    @Test
    void resultsOfferedBehindBeforeTheStoreOpensAreQueuedAndWrittenOnceItOpens() {
        MethodMeta method = DiskMethods.method("com.example.A", "compute", "v1");
        DiskTier tier = open(dir());
        for (int i = 0; i < 20; i++) {
            tier.offerBehind(key(method, "q" + i), "Q" + i, HOUR, 1_000_000_000L);
        }
        // nothing needed the store yet (its start delay): what was handed over waits in the queue
        assertThat(tier.get(key(method, "q0"))).as("a lookup in a new directory does not wait for the store")
                .isIn(null, "Q0");
        tier = reopen(tier);
        for (int i = 0; i < 20; i++) {
            assertThat(tier.get(key(method, "q" + i))).isEqualTo("Q" + i);
        }
    }

    @Test
    void closingDrainsWhatWasOfferedBehindBeforeTheStoreCloses() throws Exception {
        MethodMeta method = DiskMethods.method("com.example.A", "compute", "v1");
        DiskTier tier = open(dir());
        awaitReady(tier); // the store opens after the tier's start delay
        for (int i = 0; i < 300; i++) { // more than one batch
            tier.offerBehind(key(method, "d" + i), "D" + i, HOUR, 1_000_000_000L);
        }
        tier = reopen(tier);
        for (int i = 0; i < 300; i++) {
            assertThat(tier.get(key(method, "d" + i))).as("d%d", i).isEqualTo("D" + i);
        }
    }

    @Test
    void aJvmThatExitsWhileTheStoreIsOpenWritesWhatWasOfferedBehind() throws Exception {
        MethodMeta method = DiskMethods.method("com.example.A", "compute", "v1");
        DiskTier tier = open(dir());
        awaitReady(tier);
        tier.offerBehind(key(method, "a"), "A", HOUR, 1_000_000_000L);
        assertThat(tier.offer(key(method, "b"), "B", HOUR)).isTrue();
        tier.stopAtExit(); // what the JVM's shutdown hook runs
        tier = open(dir());
        assertThat(tier.get(key(method, "a"))).isEqualTo("A");
        assertThat(tier.get(key(method, "b"))).isEqualTo("B");
    }

    @Test
    void aLookupInANewDirectoryCountsAMissWithoutWaitingForTheStore() {
        MethodMeta method = DiskMethods.method("com.example.A", "compute", "v1");
        DiskTier tier = open(dir());
        assertThat(tier.get(key(method, "a"))).isNull();
        assertThat(tier.ready()).as("the store is still opening after its start delay").isFalse();
        assertThat(tier.statistics().misses()).isEqualTo(1);
        assertThat(tier.offer(key(method, "a"), "A", HOUR)).isTrue();
        assertThat(tier.get(key(method, "a"))).as("served from the queue").isEqualTo("A");
    }

    @Test
    void aStoreFromAnEarlierRunOpensWithoutTheStartDelayUnderEitherStrategy() {
        MethodMeta method = DiskMethods.method("com.example.A", "compute", "v1");
        DiskTier fresh = open(dir());
        fresh.expectLookups(false);
        assertThat(fresh.openAsked()).as("hybrid in a new directory: nothing to serve, the delay stands").isFalse();
        fresh.expectLookups(true);
        assertThat(fresh.openAsked()).as("disk in a new directory: nothing to serve either").isFalse();
        assertThat(fresh.offer(key(method, "a"), "A", HOUR)).isTrue();
        fresh.close();

        DiskTier hybrid = open(dir());
        hybrid.expectLookups(false);
        assertThat(hybrid.openAsked()).as("a warm restart under hybrid opens the store at once").isTrue();
        hybrid.close();
        DiskTier disk = open(dir());
        disk.expectLookups(true);
        assertThat(disk.openAsked()).isTrue();
        assertThat(disk.get(key(method, "a"))).isEqualTo("A");
    }

    @Test
    void aJvmThatExitsRightAfterItsCallersWroteHasTheirResultsWritten() {
        MethodMeta method = DiskMethods.method("com.example.A", "compute", "v1");
        DiskTier tier = open(dir());
        assertThat(tier.offer(key(method, "b"), "B", HOUR)).isTrue(); // the disk strategy's write
        tier.stopAtExit();
        tier = open(dir());
        assertThat(tier.get(key(method, "b"))).isEqualTo("B");
    }

    @Test
    void neverServesResultsOfAnotherVersionOfTheClass() {
        DiskTier tier = open(dir());
        tier.offer(key(DiskMethods.method("com.example.A", "compute", "v1"), "a"), "old code", HOUR);
        tier = reopen(tier);
        assertThat(tier.get(key(DiskMethods.method("com.example.A", "compute", "v2"), "a"))).isNull();
        assertThat(tier.get(key(DiskMethods.method("com.example.A", "compute", "v1"), "a"))).isEqualTo("old code");
    }

    @Test
    void neverServesExpiredEntries() throws Exception {
        MethodMeta method = DiskMethods.method("com.example.A", "compute", "v1");
        DiskTier tier = open(dir());
        tier.offer(key(method, "short"), "gone soon", Duration.ofMillis(50));
        tier = reopen(tier);
        Thread.sleep(100);
        assertThat(tier.get(key(method, "short"))).isNull();
        // removed either by this read or by the sweep that runs when the store opens
        for (int i = 0; i < 100 && tier.statistics().evictions() == 0; i++) {
            Thread.sleep(20);
        }
        assertThat(tier.statistics().evictions()).isEqualTo(1);
    }

    @Test
    void servesAFreshCopyOnEveryRead() {
        MethodMeta method = DiskMethods.method("com.example.A", "compute", "v1");
        DiskTier tier = open(dir());
        tier.offer(key(method, "a"), new ArrayList<>(List.of("x")), HOUR);
        @SuppressWarnings("unchecked")
        List<String> first = (List<String>) tier.get(key(method, "a"));
        first.add("changed by a caller");
        assertThat(tier.get(key(method, "a"))).isEqualTo(List.of("x")).isNotSameAs(first);
    }

    @Test
    void keepsMethodsWhoseValuesCannotBeSerializedOrWhoseClassCannotBeReadInMemory() {
        DiskTier tier = open(dir());
        MethodMeta method = DiskMethods.method("com.example.A", "compute", "v1");
        assertThat(tier.offer(key(method, "a"), new Object(), HOUR)).isFalse();
        assertThat(tier.offer(key(method, "b"), "serializable, but the method is memory-only now", HOUR)).isFalse();
        MethodMeta argument = DiskMethods.method("com.example.A", "byArgument", "v1");
        assertThat(tier.offer(key(argument, new Object()), "x", HOUR)).isFalse();
        MethodMeta unknownBytes = DiskMethods.method("com.example.A", "generated", null);
        assertThat(tier.offer(key(unknownBytes, "a"), "x", HOUR)).isFalse();
        assertThat(tier.get(key(unknownBytes, "a"))).isNull();
    }

    @Test
    void clearsEverythingOrTheEntriesOfMatchingMethodsIncludingThoseOfEarlierRuns() {
        DiskTier tier = open(dir());
        MethodMeta keep = DiskMethods.method("com.example.A", "keep", "v1");
        tier.offer(key(keep, 1), "k", HOUR);
        tier.offer(key(DiskMethods.method("com.example.A", "drop", "v0"), 1), "old version", HOUR);
        tier.offer(key(DiskMethods.method("com.example.A", "drop", "v1"), 1), "d", HOUR);
        tier = reopen(tier);
        MethodMeta drop = DiskMethods.method("com.example.A", "drop", "v1");
        registered.add(drop); // registered in this run, but not called yet
        tier.invalidate(method -> method.methodName().equals("drop"));
        assertThat(tier.statistics().entries()).isEqualTo(1);
        assertThat(tier.get(key(drop, 1))).isNull();
        assertThat(tier.get(key(keep, 1))).isEqualTo("k");

        tier.invalidateAll();
        assertThat(tier.get(key(keep, 1))).isNull();
        assertThat(reopen(tier).statistics().entries()).isZero();
    }

    @Test
    void setsADamagedStoreAsideAndStartsAnew() throws Exception {
        Files.createDirectories(dir());
        Files.write(dir().resolve(CacheDirectory.STORE_FILE), "not a store at all".repeat(1000).getBytes());
        DiskTier tier = open(dir());
        MethodMeta method = DiskMethods.method("com.example.A", "compute", "v1");
        assertThat(tier.offer(key(method, "a"), "A", HOUR)).isTrue();
        tier = reopen(tier);
        assertThat(tier.get(key(method, "a"))).isEqualTo("A");
        try (var entries = Files.list(dir())) {
            assertThat(entries.map(path -> path.getFileName().toString())).anyMatch(name -> name.startsWith("damaged-"));
        }
    }

    @Test
    void keepsAStoreWhoseLastCommitDidNotFinishOnceItReadsThrough() throws Exception {
        DiskTier tier = open(dir());
        MethodMeta method = DiskMethods.method("com.example.A", "compute", "v1");
        assertThat(tier.offer(key(method, "a"), "A", HOUR)).isTrue();
        tier.close();
        Path marker = CommitMarker.of(dir().resolve(CacheDirectory.STORE_FILE));
        Files.write(marker, new byte[0]); // as a JVM killed during a commit leaves it

        tier = open(dir());
        assertThat(tier.get(key(method, "a"))).isEqualTo("A");
        for (int i = 0; i < 500 && Files.exists(marker); i++) {
            Thread.sleep(20);
        }
        assertThat(marker).as("removed once the store read through").doesNotExist();
        assertThat(setAside()).isFalse();
    }

    @Test
    void setsAsideAStoreWhoseLastCommitDidNotFinishAndThatDoesNotReadThrough() throws Exception {
        MethodMeta method = DiskMethods.method("com.example.A", "compute", "v1");
        withEntries(method).close();
        Path file = dir().resolve(CacheDirectory.STORE_FILE);
        Files.write(CommitMarker.of(file), new byte[0]);
        overwrite(file, Files.size(file) / 2, 1);

        DiskTier tier = open(dir());
        assertThat(tier.offer(key(method, "after"), "A", HOUR)).isTrue();
        tier = reopen(tier);
        assertThat(setAside()).isTrue();
        assertThat(tier.get(key(method, "after"))).as("written to the new store").isEqualTo("A");
    }

    /**
     * Noise fails MapDB two ways, both damage: a pointer fails its one-bit parity check (here seed
     * 1), or passes it and leads out of the file, past its end or past what the file system allows
     * (seeds 2 and 3), which MapDB reports as an I/O error.
     */
    @ParameterizedTest(name = "noise of seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void rebuildsAStoreThatAWriteFindsDamagedAndGoesOnWritingToTheNewOne(long seed) throws Exception {
        MethodMeta method = DiskMethods.method("com.example.A", "compute", "v1");
        DiskTier tier = reopen(withEntries(method));
        assertThat(tier.get(key(method, 0))).isEqualTo(0); // the store is open
        awaitOpeningSweep(tier);
        // what a JVM killed during a commit could leave, had its marker been lost: the store's
        // pages (past its header) hold other bytes
        overwrite(dir().resolve(CacheDirectory.STORE_FILE), 64, seed);
        // only writes read the store now: until one meets the damage, bounded by time, not by a
        // count, so a busy machine's slower writer still gets there
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
        for (int i = 200; !setAside() && System.nanoTime() - deadline < 0; i++) {
            tier.offer(key(method, i), i, HOUR);
            Thread.sleep(5);
        }
        assertThat(setAside()).as("the damaged store was set aside").isTrue();

        assertThat(tier.offer(key(method, "after"), "A", HOUR)).isTrue();
        tier = reopen(tier);
        assertThat(tier.get(key(method, "after"))).as("written to the new store").isEqualTo("A");
    }

    /** A tier whose store was given 200 entries of {@code method}. */
    private DiskTier withEntries(MethodMeta method) {
        DiskTier tier = open(dir());
        for (int i = 0; i < 200; i++) {
            tier.offer(key(method, i), i, HOUR);
        }
        return tier;
    }

    /**
     * Returns once the tier's thread has swept the store it opened, reading every entry: a clear
     * queued behind the sweep is done after it. Damage made then is not met by the sweep.
     */
    private void awaitOpeningSweep(DiskTier tier) {
        MethodMeta unused = DiskMethods.method("com.example.Unused", "never", "v1");
        registered.add(unused);
        tier.invalidate(candidate -> candidate == unused);
    }

    /** Overwrites the store's bytes from {@code from} on (at most 1 MB) with the noise of {@code seed}. */
    private static void overwrite(Path store, long from, long seed) throws IOException {
        try (var file = java.nio.channels.FileChannel.open(store, java.nio.file.StandardOpenOption.WRITE)) {
            byte[] noise = new byte[(int) Math.min(file.size() - from, 1 << 20)];
            new java.util.Random(seed).nextBytes(noise);
            file.write(java.nio.ByteBuffer.wrap(noise), from);
        }
    }

    private boolean setAside() throws IOException {
        try (var entries = Files.list(dir())) {
            return entries.anyMatch(path -> path.getFileName().toString().startsWith("damaged-"));
        }
    }

    @Test
    void ignoresAnEntryThatNamesAClassTheCacheNeverWrote() throws Exception {
        MethodMeta method = DiskMethods.method("com.example.A", "compute", "v1");
        DiskTier tier = open(dir());
        tier.offer(key(method, "a"), new ArrayList<>(List.of("x")), HOUR);
        tier.close();

        byte[] storeKey = new DiskMethod(method).key(key(method, "a"));
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(payload)) {
            out.writeObject(new ArrayList<>(List.of(new ValueCodecTest.Foreign())));
        }
        try (MapDbStore store = MapDbStore.open(dir().resolve(CacheDirectory.STORE_FILE))) {
            assertThat(store.get(storeKey)).isNotNull();
            store.put(storeKey, EntryFormat.record(storeKey, payload.toByteArray(), System.currentTimeMillis() + 60_000));
            store.commit();
        }
        tier = open(dir());
        assertThat(tier.get(key(method, "a"))).isNull();
    }

    @Test
    void servesAnEntryOnlyToACallEqualToTheOneThatWroteIt() {
        MethodMeta method = DiskMethods.method("com.example.A", "page", "v1");
        DiskTier tier = open(dir());
        assertThat(tier.offer(key(method, new Request("/inbox", "alice")), "for alice", HOUR))
                .as("its user is transient: it would read back as another request").isFalse();
        assertThat(tier.offer(key(method, new Request("/inbox", null)), "for nobody", HOUR)).isTrue();
        assertThat(tier.offer(key(method, new Query("x", 1)), "page 1", HOUR)).as("a custom writeObject").isFalse();
        assertThat(tier.get(key(method, new Request("/inbox", "bob")))).as("the same bytes as nobody's").isNull();
        assertThat(tier.get(key(method, new Query("x", 0)))).isNull();
        assertThat(tier.get(key(method, new Request("/inbox", null)))).isEqualTo("for nobody");
        tier = reopen(tier);
        assertThat(tier.get(key(method, new Request("/inbox", "bob")))).isNull();
        assertThat(tier.get(key(method, new Request("/inbox", null)))).as("the entry stayed").isEqualTo("for nobody");
    }

    @Test
    void anArgumentWhoseEqualsThrowsIsTheCallersFailureNotASerializationFault() {
        MethodMeta method = DiskMethods.method("com.example.A", "compute", "v1");
        DiskTier tier = open(dir());
        assertThatThrownBy(() -> tier.offer(key(method, new Touchy()), "T", HOUR))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(tier.offer(key(method, "a"), "A", HOUR)).as("the method is not refused").isTrue();
    }

    @Test
    void keysInstanceMethodsByTheirReceiver() {
        MethodMeta method = DiskMethods.instanceMethod("com.example.A", "weight", "v1");
        DiskTier tier = open(dir());
        assertThat(tier.offer(CallKey.of(method, Planet.EARTH, new Object[] {10.0}), 98.1, HOUR)).isTrue();
        assertThat(tier.offer(CallKey.of(method, new Service(), new Object[] {10.0}), "stateless", HOUR)).isTrue();
        assertThat(tier.offer(CallKey.of(method, new Account(10), new Object[] {10.0}), 10, HOUR))
                .as("a receiver that cannot be serialized").isFalse();
        assertThat(tier.offer(CallKey.of(method, Planet.MARS, new Object[] {10.0}), 37.2, HOUR))
                .as("the method was not refused").isTrue();
        tier = reopen(tier);
        MethodMeta nextRun = DiskMethods.instanceMethod("com.example.A", "weight", "v1");
        assertThat(tier.get(CallKey.of(nextRun, Planet.EARTH, new Object[] {10.0}))).isEqualTo(98.1);
        assertThat(tier.get(CallKey.of(nextRun, Planet.MARS, new Object[] {10.0}))).isEqualTo(37.2);
        assertThat(tier.get(CallKey.of(nextRun, new Service(), new Object[] {10.0}))).isEqualTo("stateless");
        assertThat(tier.get(CallKey.of(nextRun, new OtherService(), new Object[] {10.0}))).isNull();
        assertThat(tier.get(CallKey.of(nextRun, new Account(10), new Object[] {10.0}))).isNull();
    }

    @Test
    void setsAsideAStoreOfTheEarlierLayout() throws Exception {
        Files.createDirectories(dir());
        DB old = DBMaker.fileDB(dir().resolve(CacheDirectory.STORE_FILE).toFile()).transactionEnable().make();
        old.atomicString("format").createOrOpen().set("autobot-disk-cache/1");
        old.commit();
        old.close();
        DiskTier tier = open(dir());
        MethodMeta method = DiskMethods.method("com.example.A", "compute", "v1");
        assertThat(tier.get(key(method, "a"))).isNull();
        try (var entries = Files.list(dir())) {
            assertThat(entries.map(path -> path.getFileName().toString())).anyMatch(name -> name.startsWith("damaged-"));
        }
        assertThat(tier.offer(key(method, "a"), "A", HOUR)).isTrue();
    }

    @Test
    void aSecondTierOnTheSameDirectoryLeavesTheFirstAlone() throws Exception {
        MethodMeta method = DiskMethods.method("com.example.A", "compute", "v1");
        DiskTier first = open(dir());
        first.offer(key(method, "a"), "A", HOUR);
        assertThat(first.get(key(method, "a"))).isEqualTo("A");
        awaitReady(first); // the store exists: a second tier's lookup waits for its own attempt to open it
        DiskTier second = open(dir());
        assertThat(second.get(key(method, "a"))).isNull(); // waits until it has tried to open
        assertThat(second.ready()).isTrue();
        assertThat(second.offer(key(method, "b"), "B", HOUR)).isFalse();
        first = reopen(first);
        assertThat(first.get(key(method, "a"))).isEqualTo("A");
    }

    @Test
    void createsItsDirectoryOwnerOnlyAndReportsStatistics() throws Exception {
        MethodMeta method = DiskMethods.method("com.example.A", "compute", "v1");
        DiskTier tier = open(dir());
        tier.offer(key(method, "a"), "A", HOUR);
        tier.get(key(method, "a"));
        tier.get(key(method, "b"));
        tier.recordLoad(5);
        tier = reopen(tier);
        tier.get(key(method, "a"));
        TierStatistics statistics = tier.statistics();
        assertThat(statistics.tier()).isEqualTo("disk");
        assertThat(statistics.entries()).isEqualTo(1);
        assertThat(statistics.hits()).isEqualTo(1);
        assertThat(statistics.bytesOnDisk()).isPositive();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir()))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir().getParent())))
                .isEqualTo("rwx------");
    }

    @Test
    void neverCountsAResultTwiceWhileItIsWritten() throws Exception {
        MethodMeta method = DiskMethods.method("com.example.A", "compute", "v1");
        DiskTier tier = open(dir());
        tier.get(key(method, "opens the store now"));
        int results = 300;
        long most = 0;
        for (int i = 0; i < results; i++) {
            tier.offer(key(method, i), i, HOUR);
            for (int look = 0; look < 20; look++) { // watch the write-behind thread at work
                most = Math.max(most, tier.statistics().entries() - (i + 1));
            }
        }
        assertThat(most).as("entries counted beyond the results offered").isZero();
        tier = reopen(tier);
        assertThat(tier.get(key(method, 0))).isEqualTo(0);
        assertThat(tier.statistics().entries()).isEqualTo(results);
    }

    @Test
    void opensFromAThreadWithoutAContextClassLoaderAndKeepsTheStore() throws Exception {
        MethodMeta method = DiskMethods.method("com.example.A", "compute", "v1");
        DiskTier first = open(dir());
        first.offer(key(method, "a"), "A", HOUR);
        first.close();

        // RMI, JMX and pool threads often have no context loader; MapDB's open used to require one
        DiskTier[] reopened = new DiskTier[1];
        Object[] served = new Object[1];
        Thread loaderless = new Thread(() -> {
            reopened[0] = open(dir());
            served[0] = reopened[0].get(key(method, "a"));
            reopened[0].offer(key(method, "b"), "B", HOUR);
        });
        loaderless.setContextClassLoader(null);
        loaderless.start();
        loaderless.join();

        assertThat(served[0]).as("the healthy store was kept, not set aside").isEqualTo("A");
        reopened[0].close();
        try (var files = Files.list(dir())) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .noneMatch(name -> name.startsWith("damaged-") || name.endsWith(".creating"));
        }
        try (var files = Files.list(dir())) {
            assertThat(files.filter(Files::isRegularFile).map(f -> {
                try {
                    return PosixFilePermissions.toString(Files.getPosixFilePermissions(f));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            })).isNotEmpty().allMatch("rw-------"::equals);
        }
        assertThat(open(dir()).get(key(method, "b"))).isEqualTo("B");
    }

    /** Equal by path and user; the user is transient. */
    static final class Request implements Serializable {
        private static final long serialVersionUID = 1L;
        final String path;
        final transient String user;

        Request(String path, String user) {
            this.path = path;
            this.user = user;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Request r && r.path.equals(path) && Objects.equals(r.user, user);
        }

        @Override
        public int hashCode() {
            return Objects.hash(path, user);
        }
    }

    /** Records the threads that serialize it; equal by text. */
    static final class ThreadRecorder implements Serializable {
        private static final long serialVersionUID = 1L;
        static final List<String> threads = new CopyOnWriteArrayList<>();
        private final String text;

        ThreadRecorder(String text) {
            this.text = text;
        }

        private void writeObject(ObjectOutputStream out) throws IOException {
            threads.add(Thread.currentThread().getName());
            out.defaultWriteObject();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof ThreadRecorder r && r.text.equals(text);
        }

        @Override
        public int hashCode() {
            return text.hashCode();
        }
    }

    /** Equal by text and page; writes its text only. */
    static final class Query implements Serializable {
        private static final long serialVersionUID = 1L;
        private String text;
        private int page;

        Query(String text, int page) {
            this.text = text;
            this.page = page;
        }

        private void writeObject(ObjectOutputStream out) throws IOException {
            out.writeUTF(text);
        }

        private void readObject(ObjectInputStream in) throws IOException {
            text = in.readUTF();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Query q && q.text.equals(text) && q.page == page;
        }

        @Override
        public int hashCode() {
            return Objects.hash(text, page);
        }
    }

    enum Planet { EARTH, MARS }

    /** Serializable, with an equals that throws. */
    static final class Touchy implements Serializable {
        private static final long serialVersionUID = 1L;

        @Override
        public boolean equals(Object other) {
            throw new UnsupportedOperationException("no equals");
        }

        @Override
        public int hashCode() {
            return 1;
        }
    }

    static final class Service {
    }

    static final class OtherService {
    }

    static final class Account {
        final int balance;

        Account(int balance) {
            this.balance = balance;
        }
    }

    @Test
    void isNotMadeWhenItsDirectoryCannotBeCreated() throws Exception {
        Path file = Files.writeString(temp.resolve("a-file"), "x");
        assertThat(DiskTier.open(file.resolve("cache"), () -> registered))
                .as("no tier: results stay in memory from the first one").isNull();
    }

    private static void awaitReady(DiskTier tier) throws InterruptedException {
        for (int i = 0; i < 500 && !tier.ready(); i++) {
            Thread.sleep(20);
        }
        assertThat(tier.ready()).isTrue();
    }
}
