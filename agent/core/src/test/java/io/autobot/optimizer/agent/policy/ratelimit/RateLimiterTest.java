package io.autobot.optimizer.agent.policy.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autobot.optimizer.agent.engine.Parked;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Every test is bounded: a limiter that waits where it must not fails by the timeout, not by hanging. */
@Timeout(30)
class RateLimiterTest {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    private static Thread start(Runnable task) {
        Thread thread = new Thread(task);
        thread.start();
        return thread;
    }

    @Test
    void anUnlimitedLimiterGrantsEveryPermitAtOnce() throws InterruptedException {
        RateLimiter limiter = new RateLimiter("free", 0);
        for (int i = 0; i < 10_000; i++) {
            assertThat(limiter.tryAcquire(0)).isTrue();
        }
    }

    /** A clock the test moves; the limiter reads it instead of {@link System#nanoTime()}. */
    private static final class ManualClock {
        private final AtomicLong now = new AtomicLong(1_000_000_000L);

        long read() {
            return now.get();
        }

        void advanceMillis(long millis) {
            now.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis));
        }

        void advanceNanos(long nanos) {
            now.addAndGet(nanos);
        }
    }

    @Test
    void spacesPermitsOneIntervalApartOnItsClock() throws InterruptedException {
        ManualClock clock = new ManualClock();
        long start = clock.read();
        RateLimiter limiter = new RateLimiter("spaced", 50, clock::read); // one permit every 20 ms
        List<Long> grants = new ArrayList<>();
        for (int millis = 0; millis < 1200; millis++) {
            if (limiter.tryAcquire(0)) {
                grants.add((clock.read() - start) / 1_000_000);
            }
            clock.advanceMillis(1);
        }
        assertThat(grants).hasSize(60);
        for (int i = 0; i < grants.size(); i++) {
            assertThat(grants.get(i)).as("grant %d", i).isEqualTo(20L * i);
        }
    }

    @Test
    void aSlotNobodyTookIsNotTakenLate() throws InterruptedException {
        ManualClock clock = new ManualClock();
        RateLimiter limiter = new RateLimiter("idle", 10, clock::read); // 100 ms apart
        assertThat(limiter.tryAcquire(0)).isTrue();
        clock.advanceMillis(1000); // nine slots went by unused: no burst of them
        assertThat(limiter.tryAcquire(0)).isTrue();
        assertThat(limiter.tryAcquire(0)).isFalse();
        clock.advanceMillis(99);
        assertThat(limiter.tryAcquire(0)).isFalse();
        clock.advanceMillis(1);
        assertThat(limiter.tryAcquire(0)).isTrue();
    }

    @Test
    void neverGrantsMoreThanTheRatePlusOneInAnySecondUnderContention() throws Exception {
        double rate = 50;
        RateLimiter limiter = new RateLimiter("contended", rate);
        ConcurrentLinkedQueue<Long> grants = new ConcurrentLinkedQueue<>();
        long end = System.nanoTime() + 1_200_000_000L; // how long to try, not a pass/fail bound
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 6; t++) {
            threads.add(start(() -> {
                try {
                    while (System.nanoTime() < end) {
                        if (limiter.tryAcquire(SECOND)) {
                            grants.add(System.nanoTime());
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        List<Long> times = new ArrayList<>(grants);
        times.sort(null);
        // a starved machine grants fewer; none may grant more
        assertThat(times).isNotEmpty();
        for (int i = 0; i < times.size(); i++) {
            int inWindow = 0;
            for (int j = i; j < times.size() && times.get(j) - times.get(i) < SECOND; j++) {
                inWindow++;
            }
            assertThat(inWindow).as("permits in the second after grant %d", i).isLessThanOrEqualTo((int) rate + 1);
        }
    }

    @Test
    void failsAtOnceWhenNoPermitCanComeWithinTheWait() throws InterruptedException {
        // one permit every 11.6 days: a limiter that waited before failing would time the test out
        RateLimiter limiter = new RateLimiter("slow", 1e-6);
        assertThat(limiter.tryAcquire(0)).isTrue();
        assertThat(limiter.tryAcquire(TimeUnit.MILLISECONDS.toNanos(200))).isFalse();
        assertThat(limiter.tryAcquire(TimeUnit.HOURS.toNanos(1))).isFalse();
        assertThat(limiter.tryAcquire(0)).isFalse();
    }

    @Test
    void aWaitingCallerGetsItsPermitAtItsSlotAndNotBefore() throws Exception {
        ManualClock clock = new ManualClock();
        RateLimiter limiter = new RateLimiter("wait", 10, clock::read); // 100 ms apart
        assertThat(limiter.tryAcquire(0)).isTrue();
        CountDownLatch granted = new CountDownLatch(1);
        AtomicBoolean result = new AtomicBoolean();
        Thread waiter = start(() -> {
            try {
                result.set(limiter.tryAcquire(SECOND));
                granted.countDown();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Parked.await(waiter);
        clock.advanceMillis(99);
        Parked.await(waiter);
        assertThat(granted.getCount()).as("no permit before its slot").isEqualTo(1);
        clock.advanceMillis(1);
        granted.await(); // the waiter wakes from its park (real time) and sees its slot due
        assertThat(result).isTrue();
        assertThat(limiter.tryAcquire(0)).as("the slot is taken").isFalse();
        waiter.join();
    }

    @Test
    void aRateChangeAppliesToCallersAlreadyWaiting() throws Exception {
        RateLimiter limiter = new RateLimiter("changed", 0.1); // one permit every 10 s
        assertThat(limiter.tryAcquire(0)).isTrue();
        CountDownLatch granted = new CountDownLatch(1);
        Thread waiter = start(() -> {
            try {
                if (limiter.tryAcquire(20 * SECOND)) {
                    granted.countDown();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Parked.await(waiter);
        limiter.rate(1000);
        granted.await(); // within the 10 s it would wait without the change, or the test times out
        waiter.join();
        assertThat(limiter.rate()).isEqualTo(1000);
        limiter.rate(0);
        assertThat(limiter.tryAcquire(0)).isTrue();
    }

    @Test
    void anInterruptedWaiterStopsWaiting() throws Exception {
        RateLimiter limiter = new RateLimiter("interrupted", 0.1);
        assertThat(limiter.tryAcquire(0)).isTrue();
        AtomicBoolean threw = new AtomicBoolean();
        Thread waiter = start(() -> {
            try {
                limiter.tryAcquire(20 * SECOND);
            } catch (InterruptedException e) {
                threw.set(true);
            }
        });
        Parked.await(waiter);
        waiter.interrupt();
        waiter.join();
        assertThat(threw).isTrue();
    }

    @Test
    void aGrantLateByMoreThanHalfAnIntervalMovesTheScheduleToHalfAnIntervalBeforeIt() throws InterruptedException {
        ManualClock clock = new ManualClock();
        RateLimiter limiter = new RateLimiter("late", 10, clock::read); // 100 ms apart
        assertThat(limiter.tryAcquire(0)).isTrue(); // at 0
        clock.advanceMillis(160); // 60 ms after the slot at 100: the slot taken is 110
        assertThat(limiter.tryAcquire(0)).isTrue();
        clock.advanceMillis(49);
        assertThat(limiter.tryAcquire(0)).as("209: the next slot is 210").isFalse();
        clock.advanceMillis(1);
        assertThat(limiter.tryAcquire(0)).isTrue();
    }

    @Test
    void aGrantAWholeIntervalLateRestartsTheScheduleAtIt() throws InterruptedException {
        ManualClock clock = new ManualClock();
        RateLimiter limiter = new RateLimiter("idle", 10, clock::read);
        assertThat(limiter.tryAcquire(0)).isTrue(); // at 0
        clock.advanceMillis(200); // the slot at 100 went by: the schedule restarts at 200
        assertThat(limiter.tryAcquire(0)).isTrue();
        clock.advanceMillis(99);
        assertThat(limiter.tryAcquire(0)).as("299: the next slot is 300").isFalse();
        clock.advanceMillis(1);
        assertThat(limiter.tryAcquire(0)).isTrue();
    }

    @Test
    void aGrantHalfAnIntervalLateKeepsTheSchedule() throws InterruptedException {
        ManualClock clock = new ManualClock();
        RateLimiter limiter = new RateLimiter("slack", 10, clock::read);
        assertThat(limiter.tryAcquire(0)).isTrue(); // at 0
        clock.advanceMillis(150); // the slot at 100, within its slack
        assertThat(limiter.tryAcquire(0)).isTrue();
        clock.advanceMillis(49);
        assertThat(limiter.tryAcquire(0)).isFalse();
        clock.advanceMillis(1);
        assertThat(limiter.tryAcquire(0)).as("200, one interval after the slot taken").isTrue();
    }

    @Test
    void aCallerWaitsWhenItsSlotComesExactlyAtItsLongestWaitAndFailsAtOnceWhenOneNanosecondLater()
            throws Exception {
        ManualClock clock = new ManualClock();
        RateLimiter limiter = new RateLimiter("edge", 10, clock::read);
        assertThat(limiter.tryAcquire(0)).isTrue();
        long interval = TimeUnit.MILLISECONDS.toNanos(100);
        assertThat(limiter.tryAcquire(interval - 1)).as("the slot is 1 ns beyond the wait").isFalse();
        AtomicBoolean result = new AtomicBoolean();
        Thread waiter = start(() -> {
            try {
                result.set(limiter.tryAcquire(interval));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Parked.await(waiter); // it waits: the slot is within its wait
        clock.advanceMillis(100);
        waiter.join();
        assertThat(result).isTrue();
    }

    @Test
    void aRateOverOnePerNanosecondStillSpacesPermitsOneNanosecondApart() throws InterruptedException {
        ManualClock clock = new ManualClock();
        RateLimiter limiter = new RateLimiter("fast", 4e9, clock::read);
        assertThat(limiter.tryAcquire(0)).isTrue();
        assertThat(limiter.tryAcquire(0)).isFalse();
        clock.advanceNanos(1);
        assertThat(limiter.tryAcquire(0)).isTrue();
    }

    @Test
    void aWaitingCallerGetsItsPermitAtOnceWhenTheLimitIsLifted() throws Exception {
        RateLimiter limiter = new RateLimiter("lifted", 0.1);
        assertThat(limiter.tryAcquire(0)).isTrue();
        AtomicBoolean result = new AtomicBoolean();
        Thread waiter = start(() -> {
            try {
                result.set(limiter.tryAcquire(20 * SECOND));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Parked.await(waiter);
        limiter.rate(0);
        waiter.join(); // within the 10 s it would wait without the change, or the test times out
        assertThat(result).isTrue();
        assertThat(limiter.rate()).isZero();
    }

    @Test
    void saysItsNameAndRate() {
        assertThat(new RateLimiter("api", 10)).hasToString("rate limiter 'api' (10/s)");
        assertThat(new RateLimiter("api", 2.5)).hasToString("rate limiter 'api' (2.5/s)");
        assertThat(new RateLimiter("api", 0)).hasToString("rate limiter 'api' (unlimited)");
        RateLimiter limiter = new RateLimiter("named", 3);
        assertThat(limiter.name()).isEqualTo("named");
        assertThat(limiter.rate()).isEqualTo(3);
        limiter.rate(3);
        assertThat(limiter.rate()).isEqualTo(3);
    }

    @Test
    void rejectsAnInfiniteRate() {
        assertThatThrownBy(() -> new RateLimiter("endless", Double.POSITIVE_INFINITY))
                .hasMessage("rate limiter 'endless': Infinity permits per second is not accepted: expected a positive number");
        assertThat(new RateLimiter("free", 0).rate()).isZero();
    }

    @Test
    void rejectsRatesThatAreNotNumbers() {
        assertThatThrownBy(() -> new RateLimiter("bad", Double.NaN)).hasMessageContaining("'bad'");
        assertThatThrownBy(() -> new RateLimiter("bad", -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
