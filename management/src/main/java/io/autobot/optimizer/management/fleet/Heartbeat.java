package io.autobot.optimizer.management.fleet;

import io.autobot.optimizer.agent.Version;
import io.autobot.optimizer.agent.config.RuntimeSettings;
import io.autobot.optimizer.agent.redis.RedisLink;
import io.autobot.optimizer.management.report.Counters;
import io.autobot.optimizer.protocol.fleet.Heartbeats;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * This JVM's heartbeat in the fleet's Redis ({@link Heartbeats}): written from the management
 * thread every {@link Heartbeats#INTERVAL_MILLIS} without waiting for Redis (the link sends it on
 * its own threads, and drops it while Redis is down), so no host thread ever waits for it.
 */
public final class Heartbeat {

    private final RedisLink link;
    private final RuntimeSettings settings;
    private final Supplier<Counters> counters;
    private final String host = hostName();
    private final long pid = ProcessHandle.current().pid();
    private Counters lastCounters;
    private long lastNanos;

    public Heartbeat(RedisLink link, RuntimeSettings settings, Supplier<Counters> counters) {
        this.link = link;
        this.settings = settings;
        this.counters = counters;
    }

    /** Sends one heartbeat. */
    public void beat() {
        Map<String, String> fields = fields(counters.get(), System.nanoTime(), System.currentTimeMillis());
        String key = Heartbeats.key(host, pid);
        link.send(client -> client.hsetPx(key, fields, Heartbeats.TTL_MILLIS));
    }

    /** Removes the heartbeat at once (the agent stops), waiting at most the link's bound. */
    public void remove() {
        String key = Heartbeats.key(host, pid);
        link.call(client -> client.unlinkMatching(key), 0L);
    }

    Map<String, String> fields(Counters now, long nanos, long epochMillis) {
        double callsPerSecond = 0;
        if (lastCounters != null && nanos > lastNanos) {
            callsPerSecond = now.minus(lastCounters).calls() * 1e9 / (nanos - lastNanos);
        }
        lastCounters = now;
        lastNanos = nanos;
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(Heartbeats.HOST, host);
        fields.put(Heartbeats.PID, String.valueOf(pid));
        fields.put(Heartbeats.VERSION, Version.get());
        fields.put(Heartbeats.LEVEL, settings.level().id());
        fields.put(Heartbeats.STRATEGY, settings.cacheStrategy().id());
        fields.put(Heartbeats.HIT_RATE, String.valueOf(now.hitRate()));
        fields.put(Heartbeats.CALLS_PER_SECOND, String.valueOf(callsPerSecond));
        fields.put(Heartbeats.LAST_SEEN, String.valueOf(epochMillis));
        return fields;
    }

    /** The host's name; its address when the name cannot be found, so the listing always says something. */
    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException | SecurityException e) {
            String fromEnvironment = System.getenv("HOSTNAME");
            return fromEnvironment == null || fromEnvironment.isBlank() ? "localhost" : fromEnvironment;
        }
    }
}
