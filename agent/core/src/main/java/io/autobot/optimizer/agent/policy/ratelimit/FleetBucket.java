package io.autobot.optimizer.agent.policy.ratelimit;

import io.autobot.optimizer.agent.redis.KeyDigest;
import io.autobot.optimizer.agent.redis.RedisLink;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The fleet's shared schedule of permits for one limit, kept in Redis and changed only by one Lua
 * script, so that the JVMs of the fleet never race on it. The schedule is GCRA (the generic cell
 * rate algorithm) without burst tolerance: Redis keeps the time the next permit is due; a
 * reservation takes that time (or now, when it has passed) and moves it one interval on, unless the
 * permit would come later than the caller may wait. The clock is Redis's ({@code TIME} in the
 * script), so the JVMs' clocks never matter; permits are therefore at least one interval apart on
 * one clock, and a one-second window holds at most {@code rate + 1} of them.
 *
 * <p>The same script notes this JVM in a sorted set of the agents that took permits of the limit,
 * scored by when, drops those not seen for {@link #FLEET_WINDOW_MICROS}, and answers how many are
 * left: the fleet size a JVM divides the limit by when Redis cannot be reached.
 */
final class FleetBucket {

    /** How long an agent that took no permit still counts in the fleet: 10 s. */
    static final long FLEET_WINDOW_MICROS = 10_000_000L;
    /** The prefix of the limits' keys, in the agent's namespace beside the shared cache's. */
    static final String PREFIX = "autobot:r:";

    /**
     * KEYS: the due time (microseconds on Redis's clock), the agents' sorted set. ARGV: the interval
     * and the longest wait (microseconds), this agent's id, the fleet window (microseconds).
     * Answers {granted 1|0, wait in microseconds, fleet size}.
     */
    static final String SCRIPT = """
            if redis.replicate_commands then redis.replicate_commands() end
            local clock = redis.call('TIME')
            local now = tonumber(clock[1]) * 1000000 + tonumber(clock[2])
            local interval = tonumber(ARGV[1])
            local due = tonumber(redis.call('GET', KEYS[1]) or 0) or 0
            local slot = math.max(due, now)
            local wait = slot - now
            local granted = 0
            if wait <= tonumber(ARGV[2]) then
              granted = 1
              redis.call('SET', KEYS[1], string.format('%.0f', slot + interval),
                'PX', math.floor((wait + interval) / 1000) + 1000)
            end
            local window = tonumber(ARGV[4])
            redis.call('ZADD', KEYS[2], string.format('%.0f', now), ARGV[3])
            redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', string.format('(%.0f', now - window))
            redis.call('PEXPIRE', KEYS[2], math.floor(window / 1000))
            return {granted, wait, redis.call('ZCARD', KEYS[2])}
            """;
    private static final String SHA1 = KeyDigest.sha1(SCRIPT.getBytes(StandardCharsets.UTF_8));
    /** This JVM among the fleet's agents: its pid and a random part (pids repeat across machines). */
    private static final String AGENT = ProcessHandle.current().pid() + "-"
            + Long.toHexString(ThreadLocalRandom.current().nextLong());

    /** A reservation: granted or not, the wait until its permit is due, the fleet size seen. */
    record Reservation(boolean granted, long waitMicros, int fleet) {
    }

    private final RedisLink link;
    private final String agent;

    FleetBucket(RedisLink link) {
        this(link, AGENT);
    }

    /** With an agent id of the test's, to stand for several JVMs in one. */
    FleetBucket(RedisLink link, String agent) {
        this.link = link;
        this.agent = agent;
    }

    /** The link, to tell a Redis that is down from one that is slow. */
    RedisLink link() {
        return link;
    }

    /**
     * The keys of a limit: a digest of its stable name (the limiter's name, never the class bytes'
     * fingerprint, so that every version of the code shares it) and of its rate (a JVM running
     * another limit keeps its own budget), as one Redis Cluster hash slot.
     */
    static List<String> keys(String name, double rate) {
        String tag = "{" + KeyDigest.sha256((name + "\n" + rate).getBytes(StandardCharsets.UTF_8), 16) + "}";
        return List.of(PREFIX + tag + ":due", PREFIX + tag + ":agents");
    }

    /**
     * Reserves the next permit of the limit, waiting for Redis at most the link's latency bound.
     *
     * @return the reservation, or null when Redis did not answer in time (down, slow, refusing)
     */
    Reservation reserve(List<String> keys, long intervalMicros, long maxWaitMicros) {
        List<String> args = List.of(Long.toString(intervalMicros), Long.toString(maxWaitMicros), agent,
                Long.toString(FLEET_WINDOW_MICROS));
        Object answer = link.call(client -> client.evalsha(SHA1, SCRIPT, keys, args), null);
        if (!(answer instanceof List<?> values) || values.size() != 3) {
            return null;
        }
        return new Reservation(number(values.get(0)) == 1, Math.max(0, number(values.get(1))),
                (int) Math.max(1, number(values.get(2))));
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : 0;
    }
}
