package io.autobot.optimizer.agent.redis;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The Redis commands the agent uses, in JDK types only, so that the client library behind them
 * ({@link JedisClient}) is loaded only when a link is opened. Calls block and throw on any failure;
 * {@link RedisLink} bounds their time and turns failures into local fallbacks.
 */
public interface RedisClient extends AutoCloseable {

    void ping();

    byte[] get(byte[] key);

    void setPx(byte[] key, byte[] value, long millis);

    void sadd(byte[] key, List<byte[]> members);

    Set<byte[]> smembers(byte[] key);

    /** Removes every key that matches a glob pattern (SCAN + UNLINK); returns how many. */
    long unlinkMatching(String pattern);

    void hsetPx(String key, Map<String, String> fields, long millis);

    /** Every hash whose key matches a glob pattern, by key. */
    Map<String, Map<String, String>> hashesMatching(String pattern);

    Object eval(String script, List<String> keys, List<String> args);

    /**
     * Runs a script by its SHA-1 (EVALSHA), sending its text (EVAL) when Redis does not hold it yet,
     * as after a restart.
     */
    Object evalsha(String sha1, String script, List<String> keys, List<String> args);

    void publish(String channel, String message);

    /** Blocks receiving messages of the channel until the connection fails or the link closes. */
    void subscribe(String channel, BiConsumer<String, String> onMessage);

    @Override
    void close();
}
