package io.autobot.optimizer.management.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.autobot.optimizer.agent.config.RuntimeSettings;
import io.autobot.optimizer.agent.redis.RedisLink;
import io.autobot.optimizer.management.report.Counters;
import io.autobot.optimizer.protocol.fleet.Heartbeats;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The heartbeat's fields, on a logical clock; writing them is FleetControlIT's. */
class HeartbeatTest {

    private final RedisLink link = RedisLink.open("redis://127.0.0.1:1", Duration.ofMillis(5));
    private final RuntimeSettings settings = RuntimeSettings.defaults();
    private final Heartbeat heartbeat = new Heartbeat(link, settings, () -> Counters.ZERO);

    @AfterEach
    void close() {
        link.close();
    }

    private static Counters counters(long calls, long hits, long misses) {
        return new Counters(calls, 0, hits, misses, 0, 0, 0, 0);
    }

    @Test
    void callsPerSecondAreTheCallsSinceTheLastBeatOverItsInterval() {
        Map<String, String> first = heartbeat.fields(counters(100, 30, 10), 0, 1_000);
        assertThat(first.get(Heartbeats.CALLS_PER_SECOND)).isEqualTo("0.0"); // nothing to compare with yet
        Map<String, String> second = heartbeat.fields(counters(600, 80, 20), 2_000_000_000L, 3_000);
        assertThat(second.get(Heartbeats.CALLS_PER_SECOND)).isEqualTo("250.0");
        assertThat(second.get(Heartbeats.HIT_RATE)).isEqualTo(String.valueOf(80 / 100.0));
        assertThat(second.get(Heartbeats.LAST_SEEN)).isEqualTo("3000");
    }

    @Test
    void everyFieldIsThereAndTheSettingsAreTheLiveOnes() {
        settings.set("level", "aggressive");
        Map<String, String> fields = heartbeat.fields(Counters.ZERO, 0, 0);
        assertThat(fields.keySet()).containsExactlyElementsOf(Heartbeats.FIELDS);
        assertThat(fields.get(Heartbeats.LEVEL)).isEqualTo("aggressive");
        assertThat(fields.get(Heartbeats.STRATEGY)).isEqualTo(settings.cacheStrategy().id());
        assertThat(fields.get(Heartbeats.PID)).isEqualTo(String.valueOf(ProcessHandle.current().pid()));
    }
}
