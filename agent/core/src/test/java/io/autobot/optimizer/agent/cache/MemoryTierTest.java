package io.autobot.optimizer.agent.cache;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Ticker;
import io.autobot.optimizer.agent.call.MethodMeta;
import io.autobot.optimizer.agent.engine.TestMethods;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
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
    void theCoarseClockIsATickerOnTheNanoTimeScale() {
        new MemoryTier(1); // starts the clock's thread
        Ticker clock = CoarseClock.ticker();
        assertThat(clock).isSameAs(CoarseClock.ticker());
        long behind = System.nanoTime() - clock.read();
        assertThat(behind).isBetween(-TimeUnit.MILLISECONDS.toNanos(1), TimeUnit.SECONDS.toNanos(5));
    }
}
