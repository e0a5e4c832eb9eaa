package io.autobot.optimizer.agent.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autobot.optimizer.agent.call.CallerFailure;
import io.autobot.optimizer.agent.call.FailOpen;
import io.autobot.optimizer.agent.call.MethodMeta;
import io.autobot.optimizer.agent.call.OperationStats;
import io.autobot.optimizer.agent.config.CacheStrategy;
import io.autobot.optimizer.agent.engine.Parked;
import io.autobot.optimizer.agent.engine.TestMethods;
import io.autobot.optimizer.bootstrap.Dispatcher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Bounded as a whole: a caller left waiting fails by the timeout, not by hanging; no time decides a check. */
@Timeout(60)
class ResultCacheTest {

    private static final Duration TTL = Duration.ofMinutes(5);
    private static final long LIMIT = 1024;

    private final MethodMeta method = TestMethods.cached("compute");
    private final OperationStats stats = method.stats();
    private final ResultCache cache = new ResultCache(new MemoryTier(100), CacheStrategy.MEMORY, null, new FailOpen());
    private final ExecutorService pool = Executors.newFixedThreadPool(8);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    private CallKey key(Object arg) {
        return CallKey.of(method, new Object[] {arg});
    }

    private Object load(CallKey key, ResultCache.Loader loader) throws Exception {
        try {
            return cache.getOrLoad(key, loader, TTL, LIMIT, stats);
        } catch (Exception | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    @Test
    void storesResultsIncludingNull() throws Throwable {
        assertThat(cache.getOrLoad(key("a"), () -> "A", TTL, LIMIT, stats)).isEqualTo("A");
        assertThat(cache.lookup(key("a"))).isEqualTo("A");
        assertThat(cache.getOrLoad(key("n"), () -> null, TTL, LIMIT, stats)).isNull();
        assertThat(cache.lookup(key("n"))).isSameAs(Dispatcher.NULL);
        assertThat(stats.misses()).isEqualTo(2);
    }

    @Test
    void neverStoresExceptionsAndRethrowsTheSameInstance() {
        IllegalStateException failure = new IllegalStateException("no");
        assertThatThrownBy(() -> cache.getOrLoad(key("x"), () -> {
            throw failure;
        }, TTL, LIMIT, stats)).isSameAs(failure);
        assertThat(cache.lookup(key("x"))).isNull();
    }

    @Test
    void doesNotStoreResultsOverTheSizeLimit() throws Throwable {
        cache.getOrLoad(key("big"), () -> "y".repeat(4096), TTL, LIMIT, stats);
        assertThat(cache.lookup(key("big"))).isNull();
        cache.getOrLoad(key("small"), () -> "y".repeat(16), TTL, LIMIT, stats);
        assertThat(cache.lookup(key("small"))).isNotNull();
    }

    @Test
    void aCallWhoseArgumentsAreOverTheSizeLimitRunsAndIsNeitherCopiedNorStored() throws Throwable {
        byte[] upload = new byte[4096];
        assertThat(cache.getOrLoad(key(upload), () -> upload.length, TTL, LIMIT, stats)).isEqualTo(4096);
        assertThat(cache.lookup(key(upload))).isNull();
        assertThat(cache.keysTooLarge()).isEqualTo(1);
        assertThat(stats.misses()).as("its body ran").isEqualTo(1);
        short[] shorts = new short[LIMIT_SHORTS];
        cache.getOrLoad(key(shorts), () -> 1, TTL, LIMIT, stats);
        assertThat(cache.keysTooLarge()).as("short arrays count two bytes an element").isEqualTo(2);
        cache.getOrLoad(key(new byte[16]), () -> 16, TTL, LIMIT, stats);
        assertThat(cache.lookup(key(new byte[16]))).isEqualTo(16);
        assertThat(cache.keysTooLarge()).isEqualTo(2);
    }

    private static final int LIMIT_SHORTS = (int) LIMIT / 2 + 1;

    @Test
    void aBodyThatChangesItsArrayArgumentHasItsResultStoredUnderTheArrayAsPassed() throws Throwable {
        int[] values = {3, 1, 2};
        Object first = cache.getOrLoad(key(values), () -> {
            int head = values[0];
            Arrays.sort(values);
            return head;
        }, TTL, LIMIT, stats);
        assertThat(first).isEqualTo(3);
        assertThat(cache.lookup(key(new int[] {3, 1, 2}))).isEqualTo(3);
        assertThat(cache.lookup(key(new int[] {1, 2, 3}))).isNull();
    }

    @Test
    void aBodyThatChangesItsListArgumentHasItsResultStoredUnderTheListAsPassed() throws Throwable {
        List<Integer> values = new ArrayList<>(List.of(3, 1, 2));
        Object first = cache.getOrLoad(key(values), () -> {
            int head = values.get(0);
            values.sort(null);
            return head;
        }, TTL, LIMIT, stats);
        assertThat(first).isEqualTo(3);
        assertThat(cache.lookup(key(new ArrayList<>(List.of(3, 1, 2))))).isEqualTo(3);
        assertThat(cache.lookup(key(new ArrayList<>(List.of(1, 2, 3))))).isNull();
    }

    @Test
    void aBodyThatChangesAnArgumentTheKeyKeepsHasItsResultReturnedButNotStored() throws Throwable {
        Box box = new Box(3);
        Object first = cache.getOrLoad(key(box), () -> {
            int value = box.value;
            box.value = 1;
            return value;
        }, TTL, LIMIT, stats);
        assertThat(first).isEqualTo(3);
        assertThat(cache.lookup(key(new Box(3)))).isNull();
        assertThat(cache.lookup(key(new Box(1)))).isNull();
    }

    /** An application's mutable value: the key keeps it as passed, it is not copied. */
    private static final class Box {
        int value;

        Box(int value) {
            this.value = value;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Box && ((Box) other).value == value;
        }

        @Override
        public int hashCode() {
            return value;
        }
    }

    @Test
    void concurrentCallersOfOneKeyRunTheLoaderOnce() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        List<Future<Object>> results = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            results.add(pool.submit(() -> load(key("k"), () -> {
                runs.incrementAndGet();
                release.await();
                return "V";
            })));
        }
        awaitWaiters(7); // all eight reach the flight before it completes
        release.countDown();
        for (Future<Object> result : results) {
            assertThat(result.get(5, TimeUnit.SECONDS)).isEqualTo("V");
        }
        assertThat(runs).hasValue(1);
    }

    @Test
    void theOwnersExceptionIsItsOwnAndTheWaitersRunTheirOwnCalls() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        CallerFailure failure = new CallerFailure(new InterruptedException("the owner's task was cancelled"));
        List<Future<Object>> results = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            results.add(pool.submit(() -> {
                try {
                    return cache.getOrLoad(key("f"), () -> {
                        if (runs.incrementAndGet() == 1) {
                            release.await();
                            throw failure;
                        }
                        return "own";
                    }, TTL, LIMIT, stats);
                } catch (Throwable thrown) {
                    return thrown;
                }
            }));
        }
        awaitWaiters(7);
        release.countDown();
        int failed = 0;
        for (Future<Object> result : results) {
            Object outcome = result.get(5, TimeUnit.SECONDS);
            if (outcome == failure) {
                failed++;
            } else {
                assertThat(outcome).isEqualTo("own");
            }
        }
        assertThat(failed).as("only the owner gets its exception").isEqualTo(1);
        // each waiter ran a call of its own at once, as without the agent, or took the result of a
        // waiter that stored its own before
        assertThat(runs.get() + stats.hits()).as("runs and hits").isEqualTo(8);
        assertThat(runs.get()).as("the owner's and at least one waiter's").isGreaterThanOrEqualTo(2);
        assertThat(cache.lookup(key("f"))).isEqualTo("own");
    }

    @Test
    void aWaiterForARunUnderATimeLimitGivesUpWithinHalfOfIt() throws Exception {
        LoadTerms timed = new LoadTerms(TTL, LIMIT, stats, TimeUnit.MILLISECONDS.toNanos(400));
        CountDownLatch ownerRunning = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<Object> owner = pool.submit(() -> {
            try {
                return cache.getOrLoad(key("t"), () -> {
                    ownerRunning.countDown();
                    release.await(); // stands for a lock the waiter holds
                    return "owner's";
                }, timed);
            } catch (Throwable t) {
                return t;
            }
        });
        ownerRunning.await();
        Object own;
        try {
            own = cache.getOrLoad(key("t"), () -> "own", timed);
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
        release.countDown();
        // the owner is released only now: that the waiter came back at all says it gave up (the
        // bound it gives up at, half the owner's limit, is FlightTest's)
        assertThat(own).isEqualTo("own");
        assertThat(owner.get(5, TimeUnit.SECONDS)).isEqualTo("owner's");
        assertThat(cache.flightStatistics().timedOut()).isEqualTo(1);
    }

    @Test
    void aFlightWhoseOwnerDiedInItsBodyIsTakenOverAtOnce() throws Throwable {
        Thread owner = new Thread(() -> cache.begin(key("d"), new LoadTerms(TTL, LIMIT, stats, 0)));
        owner.start(); // begins, and its thread ends without the body's end ever reported
        owner.join();
        assertThat(cache.getOrLoad(key("d"), () -> "mine", TTL, LIMIT, stats)).isEqualTo("mine");
        assertThat(cache.lookup(key("d"))).isEqualTo("mine");
        assertThat(cache.flightStatistics()).as("nobody waited for the dead thread").isEqualTo(new FlightStatistics(0, 0, 0));
    }

    @Test
    void whenTheComputingCallerFailsInsideTheAgentTheWaitersComputeTheirOwn() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        IllegalStateException internal = new IllegalStateException("a policy below the cache broke");
        List<Future<Object>> results = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            results.add(pool.submit(() -> {
                try {
                    return cache.getOrLoad(key("g"), () -> {
                        if (runs.incrementAndGet() == 1) {
                            release.await();
                            throw internal;
                        }
                        return "own";
                    }, TTL, LIMIT, stats);
                } catch (Throwable thrown) {
                    return thrown;
                }
            }));
        }
        awaitWaiters(7);
        release.countDown();
        int failed = 0;
        for (Future<Object> result : results) {
            Object outcome = result.get(5, TimeUnit.SECONDS); // nobody is left waiting
            if (outcome == internal) {
                failed++;
            } else {
                assertThat(outcome).isEqualTo("own");
            }
        }
        assertThat(failed).as("only the computing caller sees the agent's failure").isEqualTo(1);
    }

    @Test
    void anInterruptedWaiterStopsWaitingAndItsOwnCallSeesTheInterrupt() throws Exception {
        CountDownLatch ownerRunning = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<Object> owner = pool.submit(() -> load(key("i"), () -> {
            ownerRunning.countDown();
            release.await();
            return "owner's";
        }));
        ownerRunning.await();
        AtomicInteger sawInterrupt = new AtomicInteger();
        Thread waiter = new Thread(() -> {
            try {
                load(key("i"), () -> {
                    sawInterrupt.set(Thread.currentThread().isInterrupted() ? 1 : 2);
                    return "own";
                });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        waiter.start();
        Parked.await(waiter);
        waiter.interrupt();
        waiter.join(); // the owner is still held: the waiter is back because of its interrupt, not the limit
        assertThat(sawInterrupt).as("its own call ran with the interrupt set").hasValue(1);
        release.countDown();
        assertThat(owner.get(5, TimeUnit.SECONDS)).isEqualTo("owner's");
        assertThat(cache.lookup(key("i"))).as("the owner's result is stored, not the interrupted call's")
                .isEqualTo("owner's");
        assertThat(cache.flightStatistics()).isEqualTo(new FlightStatistics(1, 0, 1));
    }

    @Test
    void aWaiterGivesUpAfterTheLimitAndTheOwnersResultIsStoredWhenItEnds() throws Exception {
        CountDownLatch ownerRunning = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<Object> owner = pool.submit(() -> load(key("w"), () -> {
            ownerRunning.countDown();
            release.await(); // stands for a lock the waiter holds: released once the waiter is done
            return "owner's";
        }));
        ownerRunning.await();
        long start = System.nanoTime();
        Object own = load(key("w"), () -> "own");
        long waited = System.nanoTime() - start;
        assertThat(own).isEqualTo("own");
        // back while the owner is still held: it gave up; and not before the limit, which a timed
        // latch wait never returns early from (no upper bound: how late is the machine's load)
        assertThat(waited).isGreaterThanOrEqualTo(ResultCache.MIN_WAIT_NANOS);
        assertThat(cache.lookup(key("w"))).as("the waiter's own result is stored meanwhile").isEqualTo("own");
        release.countDown();
        assertThat(owner.get(5, TimeUnit.SECONDS)).isEqualTo("owner's");
        assertThat(cache.lookup(key("w"))).isEqualTo("owner's");
        assertThat(cache.flightStatistics()).isEqualTo(new FlightStatistics(1, 1, 0));
        assertThat(ResultCache.waitLimitNanos(stats)).as("the run that was given up on does not raise the limit")
                .isEqualTo(ResultCache.MIN_WAIT_NANOS);
    }

    @Test
    void theWaitLimitIsTwiceTheMethodsSlowRunsAndAtLeastASecond() {
        assertThat(ResultCache.waitLimitNanos(stats)).isEqualTo(ResultCache.MIN_WAIT_NANOS);
        for (int i = 0; i < 100; i++) {
            stats.recordLoad(TimeUnit.MILLISECONDS.toNanos(10));
        }
        assertThat(ResultCache.waitLimitNanos(stats)).isEqualTo(ResultCache.MIN_WAIT_NANOS);
        for (int i = 0; i < 100; i++) {
            stats.recordLoad(TimeUnit.SECONDS.toNanos(3));
        }
        assertThat(ResultCache.waitLimitNanos(stats)).isBetween(TimeUnit.MILLISECONDS.toNanos(5_600),
                TimeUnit.MILLISECONDS.toNanos(6_400));
    }

    /** Returns once {@code waiters} callers wait for another caller's run of their key. */
    private void awaitWaiters(int waiters) throws InterruptedException {
        while (cache.flightStatistics().waits() < waiters) {
            Thread.sleep(1);
        }
    }

    @Test
    void aStoreThatFailsIsReportedAndTheCallerKeepsItsResult() throws Throwable {
        FailOpen failOpen = new FailOpen();
        ResultCache reporting = new ResultCache(new MemoryTier(100), CacheStrategy.MEMORY, null, failOpen);
        List<String> unmeasurable = new java.util.AbstractList<>() { // the size estimate cannot walk it
            @Override
            public String get(int index) {
                throw new IllegalStateException("no elements");
            }

            @Override
            public int size() {
                return 2;
            }
        };
        assertThat(reporting.getOrLoad(key("s"), () -> unmeasurable, TTL, LIMIT, stats)).isSameAs(unmeasurable);
        assertThat(reporting.lookup(key("s"))).isNull();
        assertThat(failOpen.count()).isEqualTo(1);
        assertThat(stats.internalFailures()).isEqualTo(1);
    }

    @Test
    void aLoaderThatAsksForItsOwnKeyDoesNotDeadlock() throws Throwable {
        Object value = cache.getOrLoad(key("r"), () -> cache.getOrLoad(key("r"), () -> "inner", TTL, LIMIT, stats),
                TTL, LIMIT, stats);
        assertThat(value).isEqualTo("inner");
    }

    @Test
    void entriesExpire() throws Throwable {
        MemoryTierTest.FakeTicker ticker = new MemoryTierTest.FakeTicker();
        ResultCache cache = new ResultCache(new MemoryTier(100, ticker), CacheStrategy.MEMORY, null, new FailOpen());
        cache.getOrLoad(key("t"), () -> "T", Duration.ofMillis(30), LIMIT, stats);
        ticker.advance(Duration.ofMillis(29));
        assertThat(cache.lookup(key("t"))).isEqualTo("T");
        ticker.advance(Duration.ofMillis(1));
        assertThat(cache.lookup(key("t"))).isNull();
    }

    @Test
    void clearsEverythingOrOneMethod() throws Throwable {
        MethodMeta other = TestMethods.cached("other");
        cache.getOrLoad(key("a"), () -> "A", TTL, LIMIT, stats);
        cache.getOrLoad(CallKey.of(other, new Object[] {"a"}), () -> "B", TTL, LIMIT, other.stats());
        cache.clear(m -> m == other);
        assertThat(cache.lookup(key("a"))).isEqualTo("A");
        assertThat(cache.lookup(CallKey.of(other, new Object[] {"a"}))).isNull();
        cache.clear();
        assertThat(cache.lookup(key("a"))).isNull();
    }

    @Test
    void reportsStatistics() throws Throwable {
        cache.getOrLoad(key("s"), () -> "S", TTL, LIMIT, stats);
        cache.lookup(key("s"));
        cache.lookup(key("missing"));
        TierStatistics memory = cache.statistics().get(0);
        assertThat(memory.tier()).isEqualTo("memory");
        assertThat(memory.entries()).isEqualTo(1);
        assertThat(memory.capacity()).isEqualTo(100);
        assertThat(memory.utilization()).isEqualTo(0.01);
        assertThat(memory.hits()).as("the lookup of s").isEqualTo(1);
        // getOrLoad looks memory up uncounted (the engine's own lookup before it counts the miss)
        assertThat(memory.misses()).as("the lookup of missing").isEqualTo(1);
    }
}
