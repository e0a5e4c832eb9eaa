package io.autobot.optimizer.protocol.fleet;

import java.util.List;

/**
 * The heartbeat of a JVM in the fleet: a Redis hash under {@code autobot:h:<host>:<pid>}, written
 * every {@link #INTERVAL_MILLIS} and expiring after {@link #TTL_MILLIS}, so a JVM that stopped
 * leaves the listing within a few heartbeats.
 */
public final class Heartbeats {

    /** The glob pattern of every heartbeat key. */
    public static final String PATTERN = "autobot:h:*";

    public static final long INTERVAL_MILLIS = 2_000;

    /** Three heartbeats: a JVM disappears after missing three in a row. */
    public static final long TTL_MILLIS = 3 * INTERVAL_MILLIS;

    public static final String HOST = "host";
    public static final String PID = "pid";
    public static final String VERSION = "version";
    public static final String LEVEL = "level";
    public static final String STRATEGY = "strategy";
    /** Cache hits over lookups since start, 0 to 1. */
    public static final String HIT_RATE = "hitRate";
    /** Calls of the optimized methods per second, over the last heartbeat interval. */
    public static final String CALLS_PER_SECOND = "callsPerSecond";
    /** When the heartbeat was written, in milliseconds since the epoch. */
    public static final String LAST_SEEN = "lastSeen";

    /** The fields in the order the listing shows them. */
    public static final List<String> FIELDS = List.of(HOST, PID, VERSION, LEVEL, STRATEGY, HIT_RATE, CALLS_PER_SECOND,
            LAST_SEEN);

    private Heartbeats() {
    }

    /** The heartbeat key of one JVM. */
    public static String key(String host, long pid) {
        return "autobot:h:" + host + ":" + pid;
    }
}
