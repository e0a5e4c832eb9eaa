package io.autobot.optimizer.agent.policy.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.autobot.optimizer.agent.redis.RedisLink;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The fleet's schedule script on a real redis-server of the test's own. */
@Timeout(60)
class FleetBucketTest {

    private static final long SECOND_MICROS = 1_000_000;

    @TempDir
    static Path dir;
    private static LocalRedis redis;
    private static RedisLink link;

    @BeforeAll
    static void startRedis() throws Exception {
        redis = new LocalRedis(dir);
        link = RedisLink.open(redis.url(), Duration.ofSeconds(5));
        assertThat(link.awaitUp(Duration.ofSeconds(20))).as("connected to " + redis.url()).isTrue();
    }

    @AfterAll
    static void stopRedis() throws Exception {
        link.close();
        redis.close();
    }

    private static long due(List<String> keys) {
        byte[] value = link.call(client -> client.get(keys.get(0).getBytes(StandardCharsets.UTF_8)), null);
        return Long.parseLong(new String(value, StandardCharsets.UTF_8));
    }

    @Test
    void aFreshServerRunsTheScriptByItsTextAndTheFirstPermitIsDueAtOnce() {
        // a server that never saw the script answers EVALSHA with NOSCRIPT: the text is sent then
        FleetBucket.Reservation first = new FleetBucket(link, "a").reserve(FleetBucket.keys("fresh", 10), 100_000, 0);
        assertThat(first).isEqualTo(new FleetBucket.Reservation(true, 0, 1));
    }

    @Test
    void reservationsTakeSlotsOneIntervalApartOnRedissClock() {
        List<String> keys = FleetBucket.keys("spaced", 1);
        FleetBucket bucket = new FleetBucket(link, "a");
        List<FleetBucket.Reservation> taken = new ArrayList<>();
        List<Long> dues = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            taken.add(bucket.reserve(keys, SECOND_MICROS, 60 * SECOND_MICROS));
            dues.add(due(keys));
        }
        assertThat(taken).allMatch(FleetBucket.Reservation::granted);
        assertThat(taken.get(0).waitMicros()).isZero();
        for (int i = 1; i < 5; i++) {
            assertThat(dues.get(i) - dues.get(i - 1)).as("the schedule moves one interval per permit")
                    .isEqualTo(SECOND_MICROS);
            assertThat(taken.get(i).waitMicros()).as("each permit waits longer than the one before it")
                    .isGreaterThan(taken.get(i - 1).waitMicros());
        }
    }

    @Test
    void aPermitFurtherAwayThanTheLongestWaitIsRefusedAndTakesNoSlot() {
        List<String> keys = FleetBucket.keys("refused", 0.1);
        FleetBucket bucket = new FleetBucket(link, "a");
        assertThat(bucket.reserve(keys, 10 * SECOND_MICROS, 0).granted()).isTrue();
        long due = due(keys);
        FleetBucket.Reservation refused = bucket.reserve(keys, 10 * SECOND_MICROS, SECOND_MICROS);
        assertThat(refused.granted()).isFalse();
        assertThat(refused.waitMicros()).isGreaterThan(SECOND_MICROS);
        assertThat(due(keys)).as("a refusal leaves the schedule as it was").isEqualTo(due);
    }

    @Test
    void theFleetIsTheAgentsThatTookPermitsOfTheLimitRecently() {
        List<String> keys = FleetBucket.keys("fleet", 1000);
        // an agent last seen long ago (score 0 on Redis's clock in microseconds) no longer counts
        link.call(client -> client.eval("return redis.call('ZADD', KEYS[1], 0, 'gone')", keys.subList(1, 2),
                List.of()), null);
        assertThat(new FleetBucket(link, "a").reserve(keys, 1_000, SECOND_MICROS).fleet()).isEqualTo(1);
        assertThat(new FleetBucket(link, "b").reserve(keys, 1_000, SECOND_MICROS).fleet()).isEqualTo(2);
        assertThat(new FleetBucket(link, "c").reserve(keys, 1_000, SECOND_MICROS).fleet()).isEqualTo(3);
        assertThat(new FleetBucket(link, "a").reserve(keys, 1_000, SECOND_MICROS).fleet()).isEqualTo(3);
        assertThat(FleetBucket.keys("other", 1000).get(0)).as("another limit has a bucket of its own")
                .isNotEqualTo(keys.get(0));
        assertThat(FleetBucket.keys("fleet", 999).get(0)).as("so has another rate").isNotEqualTo(keys.get(0));
    }
}
