package io.autobot.optimizer.agent.redis;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.JedisPoolConfig;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.exceptions.JedisNoScriptException;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.params.SetParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * {@link RedisClient} on Jedis: a small pool for commands and a connection of its own per
 * subscription. Loaded by name from {@link RedisLink}, so Jedis is loaded only when Redis is used.
 */
final class JedisClient implements RedisClient {

    private static final int CONNECT_MILLIS = 2_000;
    private static final int SOCKET_MILLIS = 2_000;

    private final HostAndPort address;
    private final JedisClientConfig config;
    private final JedisClientConfig subscriberConfig;
    private final JedisPool pool;
    private volatile Jedis subscriber;

    JedisClient(RedisUrl url) {
        this.address = new HostAndPort(url.host(), url.port());
        this.config = config(url, SOCKET_MILLIS);
        this.subscriberConfig = config(url, 0); // a subscription waits for messages without a limit
        JedisPoolConfig poolConfig = new JedisPoolConfig();
        poolConfig.setMaxTotal(16);
        poolConfig.setMaxIdle(16);
        poolConfig.setMinIdle(0);
        poolConfig.setMaxWait(Duration.ofMillis(CONNECT_MILLIS));
        poolConfig.setJmxEnabled(false); // no pool MBeans in the host's platform server
        poolConfig.setTestOnBorrow(false);
        this.pool = new JedisPool(poolConfig, address, config);
    }

    private static JedisClientConfig config(RedisUrl url, int socketMillis) {
        DefaultJedisClientConfig.Builder builder = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(CONNECT_MILLIS).socketTimeoutMillis(socketMillis)
                .database(url.database()).ssl(url.tls()).clientName("autobot-agent").autoNegotiateProtocol(false);
        if (url.user() != null) {
            builder.user(url.user());
        }
        if (url.password() != null) {
            builder.password(url.password());
        }
        return builder.build();
    }

    @Override
    public void ping() {
        try (Jedis jedis = pool.getResource()) {
            jedis.ping();
        }
    }

    @Override
    public byte[] get(byte[] key) {
        try (Jedis jedis = pool.getResource()) {
            return jedis.get(key);
        }
    }

    @Override
    public void setPx(byte[] key, byte[] value, long millis) {
        try (Jedis jedis = pool.getResource()) {
            jedis.set(key, value, SetParams.setParams().px(Math.max(1, millis)));
        }
    }

    @Override
    public void sadd(byte[] key, List<byte[]> members) {
        if (members.isEmpty()) {
            return;
        }
        try (Jedis jedis = pool.getResource()) {
            jedis.sadd(key, members.toArray(new byte[0][]));
        }
    }

    @Override
    public Set<byte[]> smembers(byte[] key) {
        try (Jedis jedis = pool.getResource()) {
            return jedis.smembers(key);
        }
    }

    @Override
    public long unlinkMatching(String pattern) {
        long removed = 0;
        try (Jedis jedis = pool.getResource()) {
            ScanParams params = new ScanParams().match(pattern.getBytes(StandardCharsets.UTF_8)).count(1000);
            byte[] cursor = ScanParams.SCAN_POINTER_START_BINARY;
            do {
                ScanResult<byte[]> page = jedis.scan(cursor, params);
                List<byte[]> keys = page.getResult();
                if (!keys.isEmpty()) {
                    removed += jedis.unlink(keys.toArray(new byte[0][]));
                }
                cursor = page.getCursorAsBytes();
            } while (!"0".equals(new String(cursor, StandardCharsets.UTF_8)));
        }
        return removed;
    }

    @Override
    public void hsetPx(String key, Map<String, String> fields, long millis) {
        try (Jedis jedis = pool.getResource()) {
            jedis.hset(key, fields);
            jedis.pexpire(key, millis);
        }
    }

    @Override
    public Map<String, Map<String, String>> hashesMatching(String pattern) {
        Map<String, Map<String, String>> hashes = new HashMap<>();
        try (Jedis jedis = pool.getResource()) {
            ScanParams params = new ScanParams().match(pattern).count(1000);
            String cursor = ScanParams.SCAN_POINTER_START;
            List<String> keys = new ArrayList<>();
            do {
                ScanResult<String> page = jedis.scan(cursor, params);
                keys.addAll(page.getResult());
                cursor = page.getCursor();
            } while (!"0".equals(cursor));
            for (String key : keys) {
                Map<String, String> fields = jedis.hgetAll(key);
                if (!fields.isEmpty()) {
                    hashes.put(key, fields);
                }
            }
        }
        return hashes;
    }

    @Override
    public Object eval(String script, List<String> keys, List<String> args) {
        try (Jedis jedis = pool.getResource()) {
            return jedis.eval(script, keys, args);
        }
    }

    @Override
    public Object evalsha(String sha1, String script, List<String> keys, List<String> args) {
        try (Jedis jedis = pool.getResource()) {
            try {
                return jedis.evalsha(sha1, keys, args);
            } catch (JedisNoScriptException notLoaded) {
                return jedis.eval(script, keys, args);
            }
        }
    }

    @Override
    public void publish(String channel, String message) {
        try (Jedis jedis = pool.getResource()) {
            jedis.publish(channel, message);
        }
    }

    @Override
    public void subscribe(String channel, BiConsumer<String, String> onMessage) {
        try (Jedis jedis = new Jedis(address, subscriberConfig)) {
            subscriber = jedis;
            jedis.subscribe(new JedisPubSub() {
                @Override
                public void onMessage(String from, String message) {
                    onMessage.accept(from, message);
                }
            }, channel);
        } finally {
            subscriber = null;
        }
    }

    @Override
    public void close() {
        Jedis listening = subscriber;
        if (listening != null) {
            try {
                listening.disconnect();
            } catch (RuntimeException e) {
                // closing anyway
            }
        }
        pool.close();
    }
}
