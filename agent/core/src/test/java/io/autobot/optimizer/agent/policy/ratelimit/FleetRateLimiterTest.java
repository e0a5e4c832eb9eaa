package io.autobot.optimizer.agent.policy.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.autobot.optimizer.agent.redis.RedisLink;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two limiters standing for two JVMs (each its own agent id) on one real redis-server: together
 * they stay within the limit; with Redis killed each takes its share; back on the fleet when
 * Redis is.
 */
@Timeout(60)
class FleetRateLimiterTest {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    @TempDir
    Path dir;
    private LocalRedis redis;
    private RedisLink link;

    @BeforeEach
    void startRedis() throws Exception {
        redis = new LocalRedis(dir);
        link = RedisLink.open(redis.url(), Duration.ofSeconds(5));
        assertThat(link.awaitUp(Duration.ofSeconds(20))).isTrue();
    }

    @AfterEach
    void stopRedis() throws Exception {
        link.close();
        redis.close();
    }

    private FleetRateLimiter jvm(String agent, double rate) {
        return new FleetRateLimiter("shared", rate, new FleetBucket(link, agent));
    }

    @Test
    void twoJvmsTogetherNeverGrantMoreThanTheLimitPlusOneInASecond() throws Exception {
        List<FleetRateLimiter> jvms = List.of(jvm("jvm-a", 20), jvm("jvm-b", 20));
        ConcurrentLinkedQueue<Long> granted = new ConcurrentLinkedQueue<>();
        List<Thread> callers = new ArrayList<>();
        for (FleetRateLimiter limiter : jvms) {
            for (int t = 0; t < 3; t++) {
                Thread caller = new Thread(() -> {
                    try {
                        for (int i = 0; i < 8; i++) {
                            if (limiter.tryAcquire(10 * SECOND)) {
                                granted.add(System.nanoTime());
                            }
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
                caller.start();
                callers.add(caller);
            }
        }
        for (Thread caller : callers) {
            caller.join();
        }
        List<Long> times = new ArrayList<>(granted);
        Collections.sort(times);
        assertThat(times).hasSize(48);
        int most = 0;
        for (int i = 0, j = 0; i < times.size(); i++) {
            while (j < times.size() && times.get(j) - times.get(i) < SECOND) {
                j++;
            }
            most = Math.max(most, j - i);
        }
        assertThat(most).as("the most permits in one second").isLessThanOrEqualTo(21);
        assertThat(jvms).allMatch(limiter -> limiter.fleet() == 2).noneMatch(FleetRateLimiter::onShare);
    }

    /** A script that keeps Redis busy (every other client waits) for ARGV[1] microseconds. */
    private static final String BUSY = """
            local clock = redis.call('TIME')
            local start = clock[1] * 1000000 + clock[2]
            repeat clock = redis.call('TIME') until clock[1] * 1000000 + clock[2] - start >= tonumber(ARGV[1])
            return 1
            """;

    @Test
    void anAnswerLaterThanTheBoundTakesAPermitOfTheShareAndTheNextInTimeIsTheFleetsAgain() throws Exception {
        try (RedisLink quick = RedisLink.open(redis.url(), Duration.ofMillis(50))) {
            assertThat(quick.awaitUp(Duration.ofSeconds(20))).isTrue();
            FleetRateLimiter limiter = new FleetRateLimiter("late", 20, new FleetBucket(quick, "jvm-a"));
            assertThat(limiter.tryAcquire(SECOND)).isTrue();
            assertThat(limiter.onShare()).isFalse();
            Thread busy = new Thread(() -> link.call(client -> client.eval(BUSY, List.of(), List.of("500000")), null,
                    Duration.ofSeconds(10)));
            busy.start();
            while (!limiter.onShare() && busy.isAlive()) {
                assertThat(limiter.tryAcquire(SECOND)).isTrue();
            }
            assertThat(limiter.onShare()).as("a permit Redis answered too late for came from the share").isTrue();
            assertThat(quick.up()).as("late is not down").isTrue();
            busy.join();
            assertThat(limiter.tryAcquire(SECOND)).isTrue();
            assertThat(limiter.onShare()).as("back on the fleet's bucket").isFalse();
        }
    }

    @Test
    void withRedisDownAJvmTakesItsShareOfTheLastSeenFleetAndComesBackWhenRedisDoes() throws Exception {
        FleetRateLimiter a = jvm("jvm-a", 20);
        FleetRateLimiter b = jvm("jvm-b", 20);
        assertThat(a.tryAcquire(SECOND)).isTrue();
        assertThat(b.tryAcquire(SECOND)).isTrue();
        assertThat(a.tryAcquire(SECOND)).isTrue();
        assertThat(a.fleet()).isEqualTo(2);

        redis.kill();
        assertThat(a.tryAcquire(SECOND)).as("a permit without Redis").isTrue();
        assertThat(a.onShare()).isTrue();
        assertThat(a.shareRate()).as("20/s over the 2 JVMs last seen").isEqualTo(10);

        redis.start();
        assertThat(link.awaitUp(Duration.ofSeconds(20))).as("reconnected").isTrue();
        assertThat(a.tryAcquire(SECOND)).isTrue();
        assertThat(a.onShare()).as("back on the fleet's bucket").isFalse();
        assertThat(a.fleet()).as("a restarted Redis has seen only this JVM yet").isEqualTo(1);
    }
}
