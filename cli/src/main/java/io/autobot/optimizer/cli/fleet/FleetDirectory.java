package io.autobot.optimizer.cli.fleet;

import io.autobot.optimizer.protocol.fleet.Heartbeats;
import io.autobot.optimizer.protocol.fleet.RedisUrls;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * Reads the fleet's heartbeats ({@link Heartbeats}) from Redis: one connection, {@code SCAN} over
 * the heartbeat keys and {@code HGETALL} of each. Failures are one line naming the Redis without
 * its password.
 */
public final class FleetDirectory {

    private static final int TIMEOUT_MILLIS = 5_000;
    private static final String ACCEPTED = "redis://[user:password@]host[:port][/database] or rediss://... (TLS)";

    private final URI uri;
    private final String shown;

    private FleetDirectory(URI uri, String shown) {
        this.uri = uri;
        this.shown = shown;
    }

    /**
     * @throws IllegalArgumentException when the URL is not a Redis URL; the message never shows the password
     */
    public static FleetDirectory of(String url) {
        String shown = RedisUrls.redacted(url.trim());
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("--redis " + shown + " is not a URL; accepted: " + ACCEPTED);
        }
        String scheme = uri.getScheme();
        if (!"redis".equalsIgnoreCase(scheme) && !"rediss".equalsIgnoreCase(scheme) || uri.getHost() == null) {
            throw new IllegalArgumentException("--redis " + shown + " is not accepted; accepted: " + ACCEPTED);
        }
        String path = uri.getPath();
        if (path != null && path.length() > 1 && !path.substring(1).matches("[0-9]{1,9}")) {
            throw new IllegalArgumentException("--redis " + shown + ": the path must be a database number; accepted: "
                    + ACCEPTED);
        }
        return new FleetDirectory(uri, shown);
    }

    /**
     * The URL's credentials, database and TLS, as the agent's link sets them (RESP2, no
     * negotiation): a password alone ({@code redis://secret@host}) is the default user's.
     */
    private JedisClientConfig config() {
        DefaultJedisClientConfig.Builder builder = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(TIMEOUT_MILLIS).socketTimeoutMillis(TIMEOUT_MILLIS)
                .ssl("rediss".equalsIgnoreCase(uri.getScheme())).clientName("autobot-cli")
                .autoNegotiateProtocol(false);
        String info = uri.getRawUserInfo();
        if (info != null && !info.isEmpty()) {
            int colon = info.indexOf(':');
            if (colon > 0) {
                builder.user(decode(info.substring(0, colon)));
            }
            builder.password(decode(info.substring(colon + 1)));
        }
        String path = uri.getPath();
        if (path != null && path.length() > 1) {
            builder.database(Integer.parseInt(path.substring(1))); // checked by of()
        }
        return builder.build();
    }

    private static String decode(String part) {
        return URLDecoder.decode(part, StandardCharsets.UTF_8);
    }

    /** The URL as messages show it: the password replaced by {@code ***}. */
    public String shown() {
        return shown;
    }

    /**
     * Every heartbeat's fields.
     *
     * @throws IllegalStateException when Redis cannot be read; the message never shows the password
     */
    public List<Map<String, String>> heartbeats() {
        try (Jedis jedis = new Jedis(new HostAndPort(uri.getHost(), uri.getPort() < 0 ? 6379 : uri.getPort()),
                config())) {
            List<String> keys = new ArrayList<>();
            ScanParams params = new ScanParams().match(Heartbeats.PATTERN).count(1000);
            String cursor = ScanParams.SCAN_POINTER_START;
            do {
                ScanResult<String> page = jedis.scan(cursor, params);
                keys.addAll(page.getResult());
                cursor = page.getCursor();
            } while (!"0".equals(cursor));
            List<Map<String, String>> heartbeats = new ArrayList<>();
            for (String key : keys) {
                Map<String, String> fields = jedis.hgetAll(key);
                if (!fields.isEmpty()) {
                    heartbeats.add(fields);
                }
            }
            return heartbeats;
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot read the fleet from Redis at " + shown + ": " + reason(e));
        }
    }

    /** The root cause by type and message; the client's messages name the server, never the password. */
    private static String reason(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
