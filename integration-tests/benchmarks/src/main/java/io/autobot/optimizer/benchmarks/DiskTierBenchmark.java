package io.autobot.optimizer.benchmarks;

import io.autobot.optimizer.annotations.Cached;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.mapdb.DB;
import org.mapdb.DBMaker;
import org.mapdb.HTreeMap;
import org.mapdb.Serializer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cache tiers, each in its own fork with the strategy set by a system property:
 * a disk-tier hit through the agent ({@code cache=disk}) against a hand-written memo on a raw
 * MapDB map with the same serializer (Java serialization of the arguments for the key and of the
 * value), and a hybrid memory hit against a memory-only hit. Run with
 * {@code -jvmArgsPrepend -javaagent:agent/dist/target/autobot-agent.jar} (not {@code -jvmArgsAppend}: that
 * would replace the strategy each benchmark appends).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class DiskTierBenchmark {

    private static final String DISK_PATH = "-Dautobot.disk.path=integration-tests/benchmarks/target/bench-disk-cache";

    private String key;
    private Path rawFile;
    private DB rawDb;
    private HTreeMap<byte[], byte[]> raw;

    /** What a memo stands in front of: a small pure function with a text result. */
    static String describe(String component) {
        return "component " + component + " has " + component.length() + " characters and hash "
                + Integer.toHexString(component.hashCode());
    }

    @Cached(ttl = "1h")
    static String cachedDescribe(String component) {
        return describe(component);
    }

    @Setup
    public void setUp() throws Exception {
        AgentCheck.requireAgent();
        key = "component-42";
        cachedDescribe(key);
        Thread.sleep(1500); // the disk tier writes behind: let the entry reach the store before measuring

        rawFile = Files.createTempDirectory("raw-mapdb").resolve("raw.db");
        rawDb = DBMaker.fileDB(rawFile.toFile()).transactionEnable().make();
        raw = rawDb.hashMap("entries", Serializer.BYTE_ARRAY, Serializer.BYTE_ARRAY).createOrOpen();
        raw.put(serialize(new Object[] {key}), serialize(describe(key)));
        rawDb.commit();
    }

    @TearDown
    public void tearDown() throws IOException {
        rawDb.close();
        Files.deleteIfExists(rawFile);
    }

    private static byte[] serialize(Object value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        return bytes.toByteArray();
    }

    /** A memo on a raw MapDB map: serialize the arguments, get, deserialize a fresh copy. */
    @Benchmark
    @Fork(value = 2, jvmArgsAppend = {"-Dautobot.cache=memory"})
    public Object rawMapDbGet() throws Exception {
        byte[] value = raw.get(serialize(new Object[] {key}));
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(value))) {
            return in.readObject();
        }
    }

    @Benchmark
    @Fork(value = 2, jvmArgsAppend = {"-Dautobot.cache=disk", DISK_PATH})
    public String agentDiskHit() {
        return cachedDescribe(key);
    }

    @Benchmark
    @Fork(value = 2, jvmArgsAppend = {"-Dautobot.cache=hybrid", DISK_PATH})
    public String agentHybridMemoryHit() {
        return cachedDescribe(key);
    }

    @Benchmark
    @Fork(value = 2, jvmArgsAppend = {"-Dautobot.cache=memory"})
    public String agentMemoryOnlyHit() {
        return cachedDescribe(key);
    }
}
