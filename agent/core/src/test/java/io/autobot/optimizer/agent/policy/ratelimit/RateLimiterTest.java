package io.autobot.optimizer.agent.policy.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

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

    @Test
    void spacesPermitsAndNeverGrantsMoreThanTheRatePlusOneInAWindow() throws Exception {
        double rate = 50;
        RateLimiter limiter = new RateLimiter("spaced", rate);
        ConcurrentLinkedQueue<Long> grants = new ConcurrentLinkedQueue<>();
        long end = System.nanoTime() + 1_200_000_000L;
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
        // 1.2 s at 50/s: 60 permits, plus the ones reserved before the end that were granted after it
        assertThat(times.size()).isBetween(55, 70);
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
        RateLimiter limiter = new RateLimiter("slow", 1);
        assertThat(limiter.tryAcquire(0)).isTrue();
        long start = System.nanoTime();
        assertThat(limiter.tryAcquire(TimeUnit.MILLISECONDS.toNanos(200))).isFalse();
        assertThat(System.nanoTime() - start).isLessThan(TimeUnit.MILLISECONDS.toNanos(150));
        assertThat(limiter.tryAcquire(0)).isFalse();
    }

    @Test
    void aWaitingCallerGetsItsPermitAtItsSlot() throws InterruptedException {
        RateLimiter limiter = new RateLimiter("wait", 10);
        assertThat(limiter.tryAcquire(0)).isTrue();
        long start = System.nanoTime();
        assertThat(limiter.tryAcquire(SECOND)).isTrue();
        assertThat(System.nanoTime() - start).isBetween(TimeUnit.MILLISECONDS.toNanos(60), TimeUnit.MILLISECONDS.toNanos(600));
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
        Thread.sleep(100);
        limiter.rate(1000);
        assertThat(granted.await(2, TimeUnit.SECONDS)).isTrue();
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
        Thread.sleep(100);
        waiter.interrupt();
        waiter.join(2000);
        assertThat(threw).isTrue();
    }

    @Test
    void rejectsRatesThatAreNotNumbers() {
        assertThatThrownBy(() -> new RateLimiter("bad", Double.NaN)).hasMessageContaining("'bad'");
        assertThatThrownBy(() -> new RateLimiter("bad", -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
