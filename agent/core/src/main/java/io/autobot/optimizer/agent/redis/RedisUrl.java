package io.autobot.optimizer.agent.redis;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import io.autobot.optimizer.protocol.fleet.RedisUrls;

/**
 * {@code AUTOBOT_REDIS_URL}: {@code redis://[[user]:password@]host[:port][/database]}, or
 * {@code rediss://} for TLS. The password is kept here and handed to the client only; {@link #toString()}
 * and {@link #redacted(String)} never show it.
 */
public final class RedisUrl {

    /** What the setting accepts, for messages. */
    public static final String ACCEPTED = "redis://[user:password@]host[:port][/database] or rediss://... (TLS)";

    private final String host;
    private final int port;
    private final String user;
    private final String password;
    private final int database;
    private final boolean tls;

    private RedisUrl(String host, int port, String user, String password, int database, boolean tls) {
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
        this.database = database;
        this.tls = tls;
    }

    /**
     * Parses the setting's text.
     *
     * @throws IllegalArgumentException naming the setting and what it accepts, never the password
     */
    public static RedisUrl parse(String text) {
        String trimmed = text == null ? "" : text.trim();
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            throw invalid(trimmed, "not a URL");
        }
        String scheme = uri.getScheme();
        if (!"redis".equalsIgnoreCase(scheme) && !"rediss".equalsIgnoreCase(scheme)) {
            throw invalid(trimmed, "the scheme must be redis or rediss");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw invalid(trimmed, "no host");
        }
        int port = uri.getPort() < 0 ? 6379 : uri.getPort();
        String user = null;
        String password = null;
        String info = uri.getRawUserInfo();
        if (info != null && !info.isEmpty()) {
            int colon = info.indexOf(':');
            if (colon < 0) {
                password = decode(info); // redis://secret@host: a password alone, as Redis URLs allow
            } else {
                user = colon == 0 ? null : decode(info.substring(0, colon));
                password = decode(info.substring(colon + 1));
            }
        }
        int database = 0;
        String path = uri.getPath();
        if (path != null && path.length() > 1) {
            try {
                database = Integer.parseInt(path.substring(1));
            } catch (NumberFormatException e) {
                throw invalid(trimmed, "the path must be a database number");
            }
        }
        return new RedisUrl(uri.getHost(), port, user, password, database, "rediss".equalsIgnoreCase(scheme));
    }

    private static String decode(String part) {
        return URLDecoder.decode(part, StandardCharsets.UTF_8);
    }

    private static IllegalArgumentException invalid(String text, String why) {
        return new IllegalArgumentException("AUTOBOT_REDIS_URL=" + redacted(text) + " is not accepted (" + why
                + "); accepted: " + ACCEPTED);
    }

    /** The URL text with any password replaced by {@code ***}, for messages. */
    public static String redacted(String text) {
        return RedisUrls.redacted(text);
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    /** The ACL user, or null for the default user. */
    public String user() {
        return user;
    }

    /** The password, or null; for the client only, never for a message. */
    String password() {
        return password;
    }

    public int database() {
        return database;
    }

    public boolean tls() {
        return tls;
    }

    /** {@code redis://host:port} (or {@code rediss://}), with the user but never the password. */
    @Override
    public String toString() {
        return (tls ? "rediss://" : "redis://") + (user == null ? "" : user + "@") + host + ":" + port
                + (database == 0 ? "" : "/" + database);
    }
}
