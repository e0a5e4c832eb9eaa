package io.autobot.optimizer.management.fleet;

import io.autobot.optimizer.agent.redis.RedisLink;
import io.autobot.optimizer.protocol.fleet.FleetChange;
import io.autobot.optimizer.protocol.fleet.Heartbeats;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes this JVM's fleet changes on {@link FleetChange#CHANNEL} and applies the other JVMs'
 * changes here. The subscription runs on the link's listener thread (resubscribing with backoff
 * after an outage); a change that cannot be read or is not accepted is one warning and is ignored;
 * this JVM's own changes, already applied, are ignored.
 */
public final class FleetControl {

    private static final Logger LOG = LoggerFactory.getLogger("io.autobot.optimizer");
    /** How long publishing or listing may wait for Redis: a user is waiting, not a host thread. */
    private static final Duration OPERATION_BOUND = Duration.ofSeconds(2);
    /** Bad changes reported at WARN; later ones at DEBUG, so a flood cannot fill the host's log. */
    private static final int WARNINGS = 10;

    private final RedisLink link;
    private final String origin = UUID.randomUUID().toString();
    private final AtomicInteger warnings = new AtomicInteger();
    private volatile LocalChanges local;

    public FleetControl(RedisLink link) {
        this.link = link;
    }

    /** Starts applying the fleet's changes to {@code changes}. */
    public void start(LocalChanges changes) {
        this.local = changes;
        link.listen(FleetChange.CHANNEL, (channel, message) -> received(message));
    }

    /** Stops applying changes (the link's listener ends when the link closes). */
    public void stop() {
        local = null;
    }

    /** The Redis this fleet lives in, for messages (never with its password). */
    public String redis() {
        return link.url().toString();
    }

    /** This agent's id in its changes. */
    public String origin() {
        return origin;
    }

    public FleetChange set(String attribute, String value) {
        return FleetChange.set(origin, attribute, value);
    }

    public FleetChange scenario(String scenario) {
        return FleetChange.scenario(origin, scenario);
    }

    public FleetChange clear() {
        return FleetChange.clear(origin);
    }

    /**
     * Publishes a change already applied here.
     *
     * @throws IllegalStateException when Redis could not take it (the change then holds in this JVM only)
     */
    public void publish(FleetChange change) {
        boolean sent = link.call(client -> {
            client.publish(FleetChange.CHANNEL, change.text());
            return true;
        }, false, OPERATION_BOUND);
        if (!sent) {
            throw new IllegalStateException("applied in this JVM only: Redis at " + redis() + " could not be reached"
                    + " to publish it to the fleet");
        }
    }

    /** The fleet's heartbeats, one map of fields per JVM; empty when Redis cannot be reached. */
    public List<Map<String, String>> members() {
        Map<String, Map<String, String>> hashes = link.call(client -> client.hashesMatching(Heartbeats.PATTERN),
                Map.of(), OPERATION_BOUND);
        return new ArrayList<>(hashes.values());
    }

    void received(String message) {
        LocalChanges changes = local;
        if (changes == null) {
            return;
        }
        try {
            FleetChange change = FleetChange.parse(message);
            if (!change.origin().equals(origin)) {
                apply(change, changes);
            }
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            ignored(e.getMessage());
        } catch (RuntimeException | LinkageError e) {
            ignored(e.toString()); // never into the subscription: it would end and resubscribe
        }
    }

    private static void apply(FleetChange change, LocalChanges changes) {
        switch (change.kind()) {
            case SET -> changes.setAttribute(change.name(), change.value());
            case SCENARIO -> changes.applyScenario(change.name());
            case CLEAR -> changes.clearCache();
            default -> throw new IllegalArgumentException("unknown kind " + change.kind());
        }
        LOG.info("applied a change from the fleet: {}", describe(change));
    }

    private static String describe(FleetChange change) {
        return switch (change.kind()) {
            case SET -> change.name() + "=" + change.value();
            case SCENARIO -> "scenario " + change.name();
            case CLEAR -> "clear-cache";
        };
    }

    private void ignored(String why) {
        String line = "a change published on the Redis channel " + FleetChange.CHANNEL + " was ignored: " + why;
        if (warnings.incrementAndGet() <= WARNINGS) {
            LOG.warn(line);
        } else {
            LOG.debug(line);
        }
    }
}
