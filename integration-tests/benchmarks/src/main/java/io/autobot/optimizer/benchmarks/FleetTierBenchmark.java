package io.autobot.optimizer.benchmarks;

import io.autobot.optimizer.annotations.Cached;
import io.autobot.optimizer.api.AutoBot;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * The distributed strategy's tiers against their baselines, on a redis-server the caller runs
 * (its URL in {@code -Dautobot.redis.url}, prepended with the agent): a near-cache hit (the memory
 * tier in front of Redis) against a memory-only hit, and a Redis hit (a memory tier of one entry,
 * {@value #KEYS} keys in turn, so each lookup misses memory and reads Redis) against a raw Jedis
 * {@code GET} of the entries the agent wrote, the same bytes, without decoding them. Each fork
 * prints the agent's cache statistics at its end, so a run shows where its hits came from.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class FleetTierBenchmark {

    static final int KEYS = 1000;

    private final String[] keys = new String[KEYS];
    private byte[][] stored;
    private Jedis jedis;
    private int next;

    @Cached(ttl = "1h")
    static String cachedDescribe(String component) {
        return DiskTierBenchmark.describe(component);
    }

    @Setup
    public void setUp() throws Exception {
        AgentCheck.requireAgent();
        String url = System.getProperty("autobot.redis.url");
        if (url == null) {
            throw new IllegalStateException("prepend -Dautobot.redis.url=redis://127.0.0.1:<port> with the agent");
        }
        jedis = new Jedis(java.net.URI.create(url), 2_000);
        for (int i = 0; i < KEYS; i++) {
            keys[i] = "component-" + i;
            cachedDescribe(keys[i]);
        }
        stored = awaitEntries();
    }

    /** The entries the agent wrote (it writes behind the caller): waits until there are as many as keys. */
    private byte[][] awaitEntries() throws InterruptedException {
        List<byte[]> found = new ArrayList<>();
        for (int attempt = 0; attempt < 100; attempt++) {
            found.clear();
            ScanParams params = new ScanParams().match("autobot:c:*".getBytes(StandardCharsets.UTF_8)).count(1000);
            byte[] cursor = ScanParams.SCAN_POINTER_START_BINARY;
            do {
                ScanResult<byte[]> page = jedis.scan(cursor, params);
                found.addAll(page.getResult());
                cursor = page.getCursorAsBytes();
            } while (!"0".equals(new String(cursor, StandardCharsets.UTF_8)));
            if (found.size() >= KEYS || !System.getProperty("autobot.cache", "").equals("distributed")) {
                break;
            }
            Thread.sleep(50); // waiting for the writes behind, not measuring
        }
        return found.toArray(new byte[0][]);
    }

    @TearDown
    public void tearDown() {
        System.out.println("cache statistics: " + AutoBot.cacheStatistics());
        jedis.close();
    }

    @Benchmark
    @Fork(value = 2, jvmArgsAppend = {"-Dautobot.cache=memory"})
    public String memoryHit() {
        return cachedDescribe(keys[0]);
    }

    @Benchmark
    @Fork(value = 2, jvmArgsAppend = {"-Dautobot.cache=distributed"})
    public String nearCacheHit() {
        return cachedDescribe(keys[0]);
    }

    @Benchmark
    @Fork(value = 2, jvmArgsAppend = {"-Dautobot.cache=distributed", "-Dautobot.cache.size=1"})
    public String redisHit() {
        next = next + 1 == KEYS ? 0 : next + 1;
        return cachedDescribe(keys[next]);
    }

    @Benchmark
    @Fork(value = 2, jvmArgsAppend = {"-Dautobot.cache=distributed"})
    public byte[] rawJedisGet() {
        next = next + 1 == stored.length ? 0 : next + 1;
        return jedis.get(stored[next]);
    }
}
