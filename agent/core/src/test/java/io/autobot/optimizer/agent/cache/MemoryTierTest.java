package io.autobot.optimizer.agent.cache;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Ticker;
import io.autobot.optimizer.agent.call.MethodMeta;
import io.autobot.optimizer.agent.engine.TestMethods;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The memory tier's lifetimes, on a ticker the test moves by hand. */
class MemoryTierTest {

    /** Logical time: it moves only when the test says so. */
    static final class FakeTicker implements Ticker {
        private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

        @Override
        public long read() {
            return nanos.get();
        }

        void advance(Duration duration) {
            nanos.addAndGet(duration.toNanos());
        }
    }

    private final MethodMeta method = TestMethods.cached("tier");
    private final FakeTicker ticker = new FakeTicker();
    private final MemoryTier tier = new MemoryTier(100, ticker);

    private CallKey key(Object arg) {
        return CallKey.of(method, new Object[] {arg});
    }

    @Test
    void anEntryIsServedUntilItsLifetimeHasPassedOnTheTicker() {
        tier.put(key("a"), "A", Duration.ofSeconds(30));
        ticker.advance(Duration.ofSeconds(29));
        assertThat(tier.get(key("a"))).isEqualTo("A");
        assertThat(tier.remainingTtl(key("a"))).isEqualTo(Duration.ofSeconds(1));
        ticker.advance(Duration.ofSeconds(1));
        assertThat(tier.get(key("a"))).isNull();
        assertThat(tier.remainingTtl(key("a"))).isNull();
        assertThat(tier.statistics().evictions()).isEqualTo(1);
    }

    @Test
    void purgeRemovesOnlyExpiredEntries() {
        tier.put(key("short"), "S", Duration.ofSeconds(1));
        tier.put(key("long"), "L", Duration.ofHours(2));
        ticker.advance(Duration.ofMinutes(1));
        tier.purgeExpired();
        assertThat(tier.statistics().entries()).isEqualTo(1);
        assertThat(tier.get(key("long"))).isEqualTo("L");
        assertThat(tier.statistics().evictions()).isEqualTo(1);
    }

    @Test
    void aStoreSweepsExpiredEntriesOnceAMinuteOfTickerTime() {
        tier.put(key("short"), "S", Duration.ofSeconds(1));
        ticker.advance(Duration.ofSeconds(59));
        tier.put(key("other"), "O", Duration.ofHours(1));
        assertThat(tier.statistics().evictions()).isZero();
        ticker.advance(Duration.ofSeconds(2));
        tier.put(key("third"), "T", Duration.ofHours(1));
        assertThat(tier.statistics().evictions()).isEqualTo(1);
        assertThat(tier.statistics().entries()).isEqualTo(2);
    }

    @Test
    void statisticsCountHitsMissesEntriesCapacityAndLoadTime() {
        tier.put(key("a"), "A", Duration.ofMinutes(1));
        assertThat(tier.get(key("a"))).isEqualTo("A");
        assertThat(tier.get(key("a"))).isEqualTo("A");
        assertThat(tier.get(key("b"))).isNull();
        tier.recordLoad(7);
        tier.recordLoad(5);
        assertThat(tier.statistics()).isEqualTo(new TierStatistics("memory", 1, 100, 2, 1, 0, -1, 12));
        assertThat(tier.name()).isEqualTo("memory");
    }

    @Test
    void aPeekServesLiveEntriesWithoutCountingAndDropsExpiredOnes() {
        tier.put(key("a"), "A", Duration.ofSeconds(10));
        assertThat(tier.peek(key("a"))).isEqualTo("A");
        assertThat(tier.peek(key("none"))).isNull();
        assertThat(tier.statistics().hits()).isZero();
        assertThat(tier.statistics().misses()).isZero();
        ticker.advance(Duration.ofSeconds(10));
        assertThat(tier.peek(key("a"))).isNull();
        assertThat(tier.statistics().entries()).isZero();
        assertThat(tier.statistics().evictions()).isEqualTo(1);
        assertThat(tier.get(key("a"))).as("counted once").isNull();
        assertThat(tier.statistics().evictions()).isEqualTo(1);
    }

    @Test
    void aZeroLifetimeExpiresAtTheNextTickAndAHugeOneDoesNotOverflow() {
        tier.put(key("zero"), "Z", Duration.ZERO);
        assertThat(tier.get(key("zero"))).as("one nanosecond left").isEqualTo("Z");
        assertThat(tier.remainingTtl(key("zero"))).isEqualTo(Duration.ofNanos(1));
        ticker.advance(Duration.ofNanos(1));
        assertThat(tier.get(key("zero"))).isNull();
        tier.put(key("forever"), "F", Duration.ofDays(365 * 200)); // beyond the cap of Long.MAX_VALUE / 4 ns
        ticker.advance(Duration.ofDays(365 * 50));
        assertThat(tier.get(key("forever"))).isEqualTo("F");
        assertThat(tier.remainingTtl(key("forever"))).isEqualTo(Duration.ofNanos(Long.MAX_VALUE / 4 - Duration.ofDays(365 * 50).toNanos()));
    }

    @Test
    void invalidationRemovesTheEntriesOfTheMethodsNamedOrAll() {
        MethodMeta other = TestMethods.cached("other");
        CallKey otherKey = CallKey.of(other, new Object[] {"a"});
        tier.put(key("a"), "A", Duration.ofMinutes(1));
        tier.put(otherKey, "O", Duration.ofMinutes(1));
        tier.invalidate(m -> m == method);
        assertThat(tier.get(key("a"))).isNull();
        assertThat(tier.get(otherKey)).isEqualTo("O");
        tier.invalidateAll();
        assertThat(tier.get(otherKey)).isNull();
        assertThat(tier.statistics().entries()).isZero();
    }

    @Test
    void resizingChangesTheCapacityAndEvictsDownToIt() {
        for (int i = 0; i < 10; i++) {
            tier.put(key(i), i, Duration.ofMinutes(1));
        }
        tier.resize(3);
        assertThat(tier.statistics().capacity()).isEqualTo(3);
        tier.put(key("last"), "L", Duration.ofMinutes(1)); // eviction runs on this thread
        assertThat(tier.statistics().entries()).isEqualTo(3);
        assertThat(tier.statistics().evictions()).isEqualTo(8);
    }

    @Test
    void aHitByTheArgumentServesOnlyWhatTheTierHoldsLiveNow() {
        ArgumentKeys keys = tier.argumentKeys(method);
        tier.put(key("a"), "A", Duration.ofSeconds(10));
        assertThat(tier.directHit(keys, null, "a")).isEqualTo("A");
        tier.put(key("a"), "A2", Duration.ofSeconds(10));
        assertThat(tier.directHit(keys, null, "a")).as("the replacing store").isEqualTo("A2");
        ticker.advance(Duration.ofSeconds(10));
        assertThat(tier.directHit(keys, null, "a")).as("expired").isNull();
        assertThat(tier.get(key("a"))).isNull();
        tier.put(key("b"), "B", Duration.ofMinutes(1));
        tier.invalidate(m -> m == method);
        assertThat(tier.directHit(keys, null, "b")).as("invalidated").isNull();
        tier.put(key("c"), "C", Duration.ofMinutes(1));
        tier.resize(1);
        tier.put(key("d"), "D", Duration.ofMinutes(1));
        tier.put(key("e"), "E", Duration.ofMinutes(1));
        long served = java.util.stream.Stream.of("c", "d", "e").filter(arg -> tier.directHit(keys, null, arg) != null).count();
        assertThat(served).as("the size bound's evictions").isEqualTo(tier.statistics().entries()).isEqualTo(1);
    }

    @Test
    void hitsByTheArgumentStillCountAsReadsForTheSizeBound() {
        ArgumentKeys keys = tier.argumentKeys(method);
        MethodMeta other = TestMethods.cached("cold");
        tier.put(key("hot"), "H", Duration.ofHours(1));
        for (int i = 0; i < 1_000; i++) { // ten times the capacity of another method's entries, stored and read once
            CallKey cold = CallKey.of(other, new Object[] {i});
            tier.put(cold, i, Duration.ofHours(1));
            tier.get(cold);
            ticker.advance(Duration.ofMillis(10)); // a tick of the coarse clock
            for (int hit = 0; hit < 64; hit++) {
                assertThat(tier.directHit(keys, null, "hot")).as("round %d hit %d", i, hit).isNotNull();
            }
        }
        assertThat(tier.get(key("hot"))).as("the entry read most, only by its argument, is kept").isEqualTo("H");
    }

    @Test
    void theCoarseClockIsATickerOnTheNanoTimeScale() throws InterruptedException {
        long before = System.nanoTime();
        new MemoryTier(1); // starts the clock's thread
        Ticker clock = CoarseClock.ticker();
        assertThat(clock).isSameAs(CoarseClock.ticker());
        assertThat(clock.read()).as("never ahead of System.nanoTime()").isLessThanOrEqualTo(System.nanoTime());
        while (clock.read() < before) { // it ticks on that scale: it reaches a time read before it
            Thread.sleep(1);
        }
    }
}
