package io.autobot.optimizer.agent.policy.parallel;

import io.autobot.optimizer.agent.call.Policy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autobot.optimizer.agent.call.CallerFailure;
import io.autobot.optimizer.agent.call.Chain;
import io.autobot.optimizer.agent.call.MethodMeta;
import io.autobot.optimizer.agent.call.MethodSpec;
import io.autobot.optimizer.agent.config.Level;
import io.autobot.optimizer.agent.config.RuntimeSettings;
import io.autobot.optimizer.agent.config.Setting;
import io.autobot.optimizer.agent.engine.Parked;
import io.autobot.optimizer.agent.engine.TestMethods;
import io.autobot.optimizer.agent.policy.ThrottledTime;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Bounded as a whole: a call that hangs fails by the timeout; no elapsed time decides a check. */
@Timeout(120)
class ParallelPolicyTest {

    private final RuntimeSettings settings = RuntimeSettings.defaults();
    private final WorkerPool pool = new WorkerPool(settings);
    private final ParallelPolicyProvider provider = new ParallelPolicyProvider(settings, pool);

    static List<Integer> squares(String label, List<Integer> values) {
        return values.stream().map(v -> v * v).toList();
    }

    static int[] doubled(int[] values) {
        return Arrays.stream(values).map(v -> v * 2).toArray();
    }

    static Map<String, Integer> lengths(Set<String> words) {
        return words.stream().collect(Collectors.toMap(w -> w, String::length));
    }

    static void visit(Collection<String> items) {
    }

    static List<String> words(String text) {
        return List.of(text.split(" "));
    }

    static String joined(List<String> parts) {
        return String.join(",", parts);
    }

    static synchronized List<Integer> lockedSquares(List<Integer> values) {
        return squares("", values);
    }

    private MethodMeta method(String name, MethodSpec.Parallel parallel) {
        return TestMethods.meta(ParallelPolicyTest.class, name, new MethodSpec(null, null, parallel, null, null, null));
    }

    /** A method that is {@code @Cached} and {@code @Parallel}. */
    private MethodMeta cachedMethod(String name, MethodSpec.Parallel parallel) {
        return TestMethods.meta(ParallelPolicyTest.class, name,
                new MethodSpec(null, new MethodSpec.Cached(""), parallel, null, null, null));
    }

    private Policy policy(String name, MethodSpec.Parallel parallel) {
        return provider.create(method(name, parallel));
    }

    private static Object call(Policy policy, MethodMeta method, Chain body, Object... args) throws Throwable {
        return policy.apply(TestMethods.call(method, ParallelPolicyTest.class, null, args), body);
    }

    /**
     * A {@code squares} body that counts its runs and returns a {@code LinkedList} for the chunks
     * (or whole calls) {@code linked} picks, an {@code ArrayList} for the others.
     */
    private static Chain squaresInAClassBy(Predicate<List<Integer>> linked, AtomicInteger runs) {
        return inv -> {
            runs.incrementAndGet();
            List<Integer> values = (List<Integer>) inv.args()[1];
            List<Integer> out = linked.test(values) ? new java.util.LinkedList<>() : new ArrayList<>();
            out.addAll(squares("", values));
            return out;
        };
    }

    private static final Chain SQUARES = inv -> squares((String) inv.args()[0], (List<Integer>) inv.args()[1]);

    @Test
    void splitResultsEqualTheSequentialResultInOrder() throws Throwable {
        MethodMeta method = method("squares", new MethodSpec.Parallel(2, "", false));
        Policy policy = provider.create(method);
        Random random = new Random(42);
        for (int round = 0; round < 50; round++) {
            List<Integer> input = random.ints(random.nextInt(40), -1000, 1000).boxed().toList();
            assertThat(call(policy, method, SQUARES, "x", input)).isEqualTo(squares("x", input));
        }
    }

    @Test
    void chunksRunOnNamedDaemonWorkersWithTheCallersContextLoader() throws Throwable {
        MethodMeta method = method("squares", new MethodSpec.Parallel(2, "", false));
        Policy policy = provider.create(method);
        Set<String> threads = ConcurrentHashMap.newKeySet();
        Set<ClassLoader> loaders = ConcurrentHashMap.newKeySet();
        ClassLoader callers = new URLClassLoader(new URL[0]);
        CountDownLatch together = new CountDownLatch(4);
        Chain body = inv -> {
            Thread thread = Thread.currentThread();
            threads.add(thread.getName() + (thread.getName().startsWith("autobot") && !thread.isDaemon() ? " (not daemon)" : ""));
            loaders.add(Thread.currentThread().getContextClassLoader());
            together.countDown();
            together.await(5, TimeUnit.SECONDS); // the four chunks are running at the same time
            return SQUARES.call(inv);
        };
        call(policy, method, SQUARES, "x", List.of(1, 2, 3, 4)); // the first call runs whole: it learns the result's class
        ClassLoader own = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(callers);
        try {
            assertThat(call(policy, method, body, "x", List.of(1, 2, 3, 4, 5, 6, 7, 8))).isEqualTo(
                    List.of(1, 4, 9, 16, 25, 36, 49, 64));
        } finally {
            Thread.currentThread().setContextClassLoader(own);
        }
        assertThat(threads).hasSize(4).contains(Thread.currentThread().getName());
        assertThat(threads.stream().filter(name -> name.startsWith("autobot-worker-") && !name.contains("not"))).hasSize(3);
        assertThat(loaders).containsExactly(callers);
    }

    @Test
    void theLowestFailingChunkWinsAndNoChunkIsInterrupted() throws Throwable {
        MethodMeta method = method("squares", new MethodSpec.Parallel(2, "", false));
        Policy policy = provider.create(method);
        call(policy, method, SQUARES, "x", List.of(1, 2, 3, 4)); // learns the result's class
        IllegalArgumentException first = new IllegalArgumentException("first element");
        IllegalArgumentException later = new IllegalArgumentException("later element");
        AtomicInteger interrupted = new AtomicInteger();
        AtomicInteger completed = new AtomicInteger();
        CountDownLatch laterFailed = new CountDownLatch(1);
        CountDownLatch together = new CountDownLatch(4);
        Chain body = inv -> {
            List<Integer> chunk = (List<Integer>) inv.args()[1];
            try {
                together.countDown();
                together.await(5, TimeUnit.SECONDS); // the four chunks run at the same time, one per thread
                if (chunk.contains(0)) { // fails last, but comes first in the list
                    laterFailed.await(5, TimeUnit.SECONDS);
                    Thread.sleep(100);
                    throw new CallerFailure(first);
                }
                if (chunk.contains(1)) {
                    laterFailed.countDown();
                    throw new CallerFailure(later);
                }
                Thread.sleep(300);
                completed.incrementAndGet();
                return chunk;
            } catch (InterruptedException e) {
                interrupted.incrementAndGet();
                throw new CallerFailure(e);
            }
        };
        assertThatThrownBy(() -> call(policy, method, body, "x", List.of(0, 1, 2, 3)))
                .isInstanceOf(CallerFailure.class).extracting(e -> ((CallerFailure) e).failure()).isSameAs(first);
        assertThat(interrupted).hasValue(0);
        assertThat(completed).as("the chunks still running ended before the call returned").hasValue(2);
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    @Test
    void theCallersOwnInterruptReachesEveryRunningChunk() throws Throwable {
        MethodMeta method = method("squares", new MethodSpec.Parallel(2, "", false));
        Policy policy = provider.create(method);
        call(policy, method, SQUARES, "x", List.of(1, 2, 3, 4));
        Thread caller = Thread.currentThread();
        for (boolean callerWaits : new boolean[] {true, false}) {
            AtomicInteger interrupted = new AtomicInteger();
            CountDownLatch together = new CountDownLatch(4);
            CountDownLatch met = new CountDownLatch(4);
            Chain body = inv -> {
                together.countDown();
                together.await(5, TimeUnit.SECONDS); // one chunk per thread
                met.countDown();
                if (callerWaits && Thread.currentThread() == caller) {
                    return inv.args()[1]; // the caller's own chunk ends at once: it is waiting when interrupted
                }
                try {
                    new CountDownLatch(1).await(); // runs until interrupted: a chunk not interrupted fails by the timeout
                    return inv.args()[1];
                } catch (InterruptedException e) {
                    interrupted.incrementAndGet();
                    throw new CallerFailure(e);
                }
            };
            Thread interrupter = new Thread(() -> {
                try {
                    met.await(); // every chunk runs
                    Parked.await(caller); // the caller waits for its chunks, or runs its own
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                caller.interrupt();
            });
            interrupter.start();
            assertThatThrownBy(() -> call(policy, method, body, "x", List.of(0, 1, 2, 3)))
                    .extracting(e -> ((CallerFailure) e).failure()).isInstanceOf(InterruptedException.class);
            boolean kept = Thread.interrupted();
            interrupter.join();
            assertThat(interrupted).hasValue(callerWaits ? 3 : 4);
            // kept when it came while the caller waited; consumed by the body that caught it otherwise
            assertThat(kept).isEqualTo(callerWaits);
        }
    }

    @Test
    @org.junit.jupiter.api.Timeout(value = 10, threadMode = org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD)
    void aCallerHoldingALockItsChunksNeedRunsThemItselfAndStopsSplitting() throws Throwable {
        MethodMeta method = method("squares", new MethodSpec.Parallel(2, "", false));
        Policy policy = provider.create(method);
        Object lock = new Object();
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        Chain body = inv -> {
            threads.add(Thread.currentThread());
            Thread.sleep(20); // the workers claim their chunks while the caller runs its own
            synchronized (lock) {
                return SQUARES.call(inv);
            }
        };
        List<Integer> input = List.of(1, 2, 3, 4, 5, 6, 7, 8);
        call(policy, method, body, "x", input);
        synchronized (lock) {
            assertThat(call(policy, method, body, "x", input)).isEqualTo(squares("x", input));
        }
        Set<Thread> later = ConcurrentHashMap.newKeySet(); // a set of its own: the taken-over chunks' late runs may still start
        synchronized (lock) {
            assertThat(call(policy, method, inv -> {
                later.add(Thread.currentThread());
                return SQUARES.call(inv);
            }, "x", input)).isEqualTo(squares("x", input));
        }
        assertThat(later).as("no longer split").containsExactly(Thread.currentThread());
    }

    /** What a call made from a static initializer saw: the threads its chunks ran on. */
    static final Set<Thread> INITIALIZER_CALL_THREADS = ConcurrentHashMap.newKeySet();
    static volatile Runnable initializerCall;

    /** Makes a split-size call from its static initializer. */
    static final class CallsInItsInitializer {
        static {
            initializerCall.run();
        }

        static void load() {
        }
    }

    @Test
    void aCallMadeWhileItsThreadInitializesAClassRunsWholeOnThatThread() throws Throwable {
        MethodMeta method = method("squares", new MethodSpec.Parallel(2, "", false));
        Policy policy = provider.create(method);
        List<Integer> input = List.of(1, 2, 3, 4, 5, 6, 7, 8);
        call(policy, method, SQUARES, "x", input); // learns the result's class
        Chain body = inv -> {
            INITIALIZER_CALL_THREADS.add(Thread.currentThread());
            return SQUARES.call(inv);
        };
        List<Object> results = new CopyOnWriteArrayList<>();
        initializerCall = () -> {
            try {
                results.add(call(policy, method, body, "x", input));
            } catch (Throwable e) {
                results.add(e);
            }
        };
        CallsInItsInitializer.load();
        assertThat(results).containsExactly(squares("x", input));
        assertThat(INITIALIZER_CALL_THREADS).containsExactly(Thread.currentThread());
        INITIALIZER_CALL_THREADS.clear();
        CountDownLatch two = new CountDownLatch(2);
        call(policy, method, inv -> {
            two.countDown();
            two.await(2, TimeUnit.SECONDS); // a second thread claims a chunk meanwhile
            return body.call(inv);
        }, "x", input);
        assertThat(INITIALIZER_CALL_THREADS).as("still split outside an initializer").hasSizeGreaterThan(1);
    }

    /** Outside the class below: a thread reading them must not wait for its initialization. */
    static final CountDownLatch LATE_STARTED = new CountDownLatch(1);
    static final CountDownLatch LATE_RELEASE = new CountDownLatch(1);

    /** Its initializer, run by another thread, waits until the test lets it go. */
    static final class InitializedLate {
        static {
            LATE_STARTED.countDown();
            try {
                LATE_RELEASE.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        static void touch() {
        }
    }

    @Test
    @org.junit.jupiter.api.Timeout(value = 10, threadMode = org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD)
    void aWorkerWaitingForAClassInitializationIsTakenOverByTheCaller() throws Throwable {
        MethodMeta method = method("squares", new MethodSpec.Parallel(2, "", false));
        Policy policy = provider.create(method);
        List<Integer> input = List.of(1, 2, 3, 4, 5, 6, 7, 8);
        call(policy, method, SQUARES, "x", input); // learns the result's class
        Thread initializer = new Thread(InitializedLate::touch);
        initializer.start();
        assertThat(LATE_STARTED.await(5, TimeUnit.SECONDS)).isTrue();
        MethodHandle touch = MethodHandles.lookup().findStatic(InitializedLate.class, "touch",
                MethodType.methodType(void.class));
        Thread caller = Thread.currentThread();
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        Chain body = inv -> {
            threads.add(Thread.currentThread());
            if (Thread.currentThread() != caller) {
                touch.invokeExact(); // a worker calls the body of a class being initialized, as the agent's handle does
            }
            return SQUARES.call(inv);
        };
        try {
            assertThat(call(policy, method, body, "x", input)).isEqualTo(squares("x", input));
        } finally {
            LATE_RELEASE.countDown();
        }
        initializer.join(5_000);
        Set<Thread> later = ConcurrentHashMap.newKeySet(); // a set of its own: the taken-over chunks' late runs may still start
        call(policy, method, inv -> {
            later.add(Thread.currentThread());
            return SQUARES.call(inv);
        }, "x", input);
        assertThat(later).as("no longer split").containsExactly(caller);
    }

    @Test
    void chunksAfterTheFailingOneThatHaveNotStartedAreSkipped() throws Throwable {
        WorkerPool stopped = new WorkerPool(settings);
        stopped.shutdown(); // no worker: the caller runs the chunks one after the other, in order
        ParallelPolicyProvider alone = new ParallelPolicyProvider(settings, stopped);
        MethodMeta method = method("squares", new MethodSpec.Parallel(2, "", false));
        Policy policy = alone.create(method);
        call(policy, method, SQUARES, "x", List.of(1, 2, 3, 4));
        List<List<Integer>> started = new CopyOnWriteArrayList<>();
        IllegalStateException failure = new IllegalStateException("second chunk");
        Chain body = inv -> {
            List<Integer> chunk = (List<Integer>) inv.args()[1];
            started.add(chunk);
            if (chunk.contains(2)) {
                throw new CallerFailure(failure);
            }
            return chunk;
        };
        assertThatThrownBy(() -> call(policy, method, body, "x", List.of(0, 1, 2, 3, 4, 5, 6, 7)))
                .extracting(e -> ((CallerFailure) e).failure()).isSameAs(failure);
        assertThat(started).containsExactly(List.of(0, 1), List.of(2, 3));
    }

    @Test
    void nestedSplitsFinishEvenWithOneWorker() throws Throwable {
        settings.set(Setting.MAX_WORKERS, 2);
        MethodMeta method = method("squares", new MethodSpec.Parallel(2, "", false));
        Policy policy = provider.create(method);
        Chain[] body = new Chain[1];
        body[0] = inv -> {
            List<Integer> chunk = (List<Integer>) inv.args()[1];
            if ("outer".equals(inv.args()[0])) {
                List<Integer> all = new ArrayList<>();
                for (int value : chunk) { // each outer element makes an inner split call
                    all.addAll((List<Integer>) call(policy, method, body[0], "inner", List.of(value, value + 1, value + 2)));
                }
                return all;
            }
            Thread.sleep(5);
            return new ArrayList<>(squares("inner", chunk)); // an ArrayList, as the outer calls return
        };
        call(policy, method, body[0], "inner", List.of(1, 2, 3, 4)); // learns the result's class
        List<Integer> input = List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        List<Integer> expected = new ArrayList<>();
        input.forEach(v -> expected.addAll(squares("", List.of(v, v + 1, v + 2))));
        List<Thread> callers = new ArrayList<>();
        List<Object> results = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 4; i++) {
            Thread caller = new Thread(() -> {
                try {
                    results.add(call(policy, method, body[0], "outer", input));
                } catch (Throwable e) {
                    results.add(e);
                }
            });
            caller.start();
            callers.add(caller);
        }
        for (Thread caller : callers) {
            caller.join(20_000);
            assertThat(caller.isAlive()).as("a nested call hangs").isFalse();
        }
        assertThat(results).hasSize(4).allSatisfy(result -> assertThat(result).isEqualTo(expected));
    }

    @Test
    void aCallMadeInsideAChunkIsNotSplitAgain() throws Throwable {
        MethodMeta method = method("squares", new MethodSpec.Parallel(2, "", false));
        Policy policy = provider.create(method);
        List<Integer> innerSizes = new CopyOnWriteArrayList<>();
        Chain[] body = new Chain[1];
        body[0] = inv -> {
            List<Integer> chunk = (List<Integer>) inv.args()[1];
            if ("outer".equals(inv.args()[0])) {
                List<Integer> all = new ArrayList<>();
                for (int value : chunk) {
                    all.addAll((List<Integer>) call(policy, method, body[0], "inner", List.of(value, value + 1, value + 2)));
                }
                return all;
            }
            innerSizes.add(chunk.size());
            return new ArrayList<>(squares("inner", chunk)); // an ArrayList, as the outer calls return
        };
        call(policy, method, body[0], "inner", List.of(1, 2, 3, 4)); // learns the result's class
        innerSizes.clear();
        List<Integer> input = List.of(1, 2, 3, 4, 5, 6, 7, 8);
        List<Integer> expected = new ArrayList<>();
        input.forEach(v -> expected.addAll(squares("", List.of(v, v + 1, v + 2))));
        assertThat(call(policy, method, body[0], "outer", input)).isEqualTo(expected);
        assertThat(innerSizes).as("every inner call ran whole").hasSize(8).containsOnly(3);
        // outside any chunk, the same inner call is split: at once, or as the probe of a method whose
        // splits were measured not to pay (the nested outer call costs more per element than the inner)
        boolean split = false;
        for (int i = 0; i < SplitPayoff.PROBE_EVERY && !split; i++) {
            innerSizes.clear();
            call(policy, method, body[0], "inner", List.of(1, 2, 3, 4, 5, 6));
            split = innerSizes.size() > 1;
        }
        assertThat(split).as("split within %d calls", SplitPayoff.PROBE_EVERY).isTrue();
    }

    @Test
    void runsSequentiallyOnTheCallersThreadAtLevelBasicOrWhenParallelIsOff() throws Throwable {
        MethodMeta method = method("squares", new MethodSpec.Parallel(2, "", false));
        Policy policy = provider.create(method);
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        AtomicInteger calls = new AtomicInteger();
        Chain body = inv -> {
            threads.add(Thread.currentThread());
            calls.incrementAndGet();
            return SQUARES.call(inv);
        };
        settings.set(Setting.LEVEL, Level.BASIC);
        call(policy, method, body, "x", List.of(1, 2, 3, 4, 5, 6));
        settings.set(Setting.LEVEL, Level.MODERATE);
        settings.set(Setting.PARALLEL, false);
        call(policy, method, body, "x", List.of(1, 2, 3, 4, 5, 6));
        assertThat(calls).hasValue(2);
        assertThat(threads).containsExactly(Thread.currentThread());
        settings.set(Setting.PARALLEL, true);
        call(policy, method, body, "x", List.of(1)); // below the threshold
        assertThat(calls).hasValue(3);
    }

    @Test
    void theFirstCallThatCouldBeSplitRunsWholeAndLaterOnesMergeIntoItsResultsClass() throws Throwable {
        MethodMeta lengths = method("lengths", new MethodSpec.Parallel(2, "", false));
        Policy policy = provider.create(lengths);
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        AtomicInteger runs = new AtomicInteger();
        Chain body = inv -> {
            threads.add(Thread.currentThread());
            runs.incrementAndGet();
            return new TreeMap<>(lengths((Set<String>) inv.args()[0]));
        };
        Set<String> words = new java.util.TreeSet<>(List.of("a", "bb", "ccc", "dddd", "eeeee"));
        assertThat(call(policy, lengths, body, words)).isEqualTo(lengths(words));
        assertThat(threads).as("the first call runs whole").containsExactly(Thread.currentThread());
        assertThat(runs).hasValue(1);
        Object merged = call(policy, lengths, body, words);
        assertThat(merged).isExactlyInstanceOf(TreeMap.class).isEqualTo(lengths(words));
        // split: more than one chunk (on whichever threads were free: a busy machine's caller may run them all)
        assertThat(runs.get() - 1).as("chunks of the second call").isGreaterThan(1);

        MethodMeta doubled = method("doubled", new MethodSpec.Parallel(2, "", true));
        Policy distinct = provider.create(doubled);
        for (int i = 0; i < 2; i++) {
            Object result = call(distinct, doubled, inv -> doubled((int[]) inv.args()[0]),
                    (Object) new int[] {1, 2, 1, 3, 2, 4});
            assertThat((int[]) result).containsExactly(2, 4, 6, 8);
        }

        MethodMeta visit = method("visit", new MethodSpec.Parallel(2, "items", false));
        List<String> seen = new CopyOnWriteArrayList<>();
        assertThat(call(provider.create(visit), visit, inv -> {
            seen.addAll((Collection<String>) inv.args()[0]);
            return null;
        }, List.of("p", "q", "r", "s"))).isNull();
        assertThat(seen).containsExactlyInAnyOrder("p", "q", "r", "s");
    }

    @Test
    void aCachedMethodsFirstCallIsSplitWhenItsChunksAgreeOnTheResultsClass() throws Throwable {
        MethodMeta lengths = cachedMethod("lengths", new MethodSpec.Parallel(2, "", false));
        Policy policy = provider.create(lengths);
        AtomicInteger runs = new AtomicInteger();
        Chain body = inv -> {
            runs.incrementAndGet();
            return new TreeMap<>(lengths((Set<String>) inv.args()[0]));
        };
        Set<String> words = new java.util.TreeSet<>(List.of("a", "bb", "ccc", "dddd", "eeeee"));
        assertThat(call(policy, lengths, body, words)).isExactlyInstanceOf(TreeMap.class).isEqualTo(lengths(words));
        assertThat(runs.get()).as("the first call's chunks").isGreaterThan(1);
        runs.set(0);
        assertThat(call(policy, lengths, body, words)).isExactlyInstanceOf(TreeMap.class).isEqualTo(lengths(words));
        assertThat(runs).as("the second runs whole: it measures a whole call and confirms the class").hasValue(1);
        runs.set(0);
        assertThat(call(policy, lengths, body, words)).isExactlyInstanceOf(TreeMap.class).isEqualTo(lengths(words));
        assertThat(runs.get()).as("split again").isGreaterThan(1);
    }

    @Test
    void callsARateLimitHeldBackAreNotWeighedAndChangeNeitherTheOrderNorTheReport() throws Throwable {
        MethodMeta lengths = cachedMethod("lengths", new MethodSpec.Parallel(2, "", false));
        Policy policy = provider.create(lengths);
        AtomicInteger runs = new AtomicInteger();
        Chain body = inv -> { // each element waits for a permit, as a throttled remote call does
            runs.incrementAndGet();
            long start = System.nanoTime();
            Thread.sleep(5);
            ThrottledTime.add(System.nanoTime() - start);
            return new TreeMap<>(lengths((Set<String>) inv.args()[0]));
        };
        Set<String> words = new java.util.TreeSet<>(List.of("a", "bb", "ccc", "dddd", "eeeee"));
        assertThat(call(policy, lengths, body, words)).isEqualTo(lengths(words));
        assertThat(runs.get()).as("the first call's chunks").isGreaterThan(1);
        runs.set(0);
        assertThat(call(policy, lengths, body, words)).isEqualTo(lengths(words));
        assertThat(runs).as("the second runs whole and confirms the class").hasValue(1);
        runs.set(0);
        assertThat(call(policy, lengths, body, words)).isEqualTo(lengths(words));
        assertThat(runs.get()).as("split again").isGreaterThan(1);

        assertThat(lengths.stats().policies().savedNanos()).as("no time saved or added by splitting is claimed")
                .doesNotContainKey("parallel");
        assertThat(lengths.stats().policies().verdicts()).doesNotContainKey("parallel");
    }

    @Test
    void aCallIsWeighedOnlyWhenARateLimitHeldItBackForATenthOfItsTimeAtMost() {
        assertThat(ParallelPolicy.measurable(100, 0)).isTrue();
        assertThat(ParallelPolicy.measurable(100, 10)).isTrue();
        assertThat(ParallelPolicy.measurable(100, 11)).isFalse();
        assertThat(ParallelPolicy.measurable(100, 100)).isFalse();
    }

    @Test
    void aCachedMethodsFirstSplitWhoseChunksDisagreeRunsAgainWholeOnTheUntouchedArgument() throws Throwable {
        MethodMeta method = cachedMethod("squares", new MethodSpec.Parallel(2, "", false));
        Policy policy = provider.create(method);
        AtomicInteger runs = new AtomicInteger();
        List<List<Integer>> seen = new CopyOnWriteArrayList<>();
        // a class chosen by size: chunks of two get one class, chunks of one and the whole call another
        Chain byClass = squaresInAClassBy(values -> values.size() == 2, runs);
        Chain body = inv -> {
            seen.add(List.copyOf((List<Integer>) inv.args()[1]));
            return byClass.call(inv);
        };
        List<Integer> input = new ArrayList<>(List.of(1, 2, 3, 4, 5));
        Object result = call(policy, method, body, "x", input);
        assertThat(result).isExactlyInstanceOf(ArrayList.class).isEqualTo(squares("", List.of(1, 2, 3, 4, 5)));
        assertThat(runs).as("four chunks, then the whole call").hasValue(5);
        assertThat(seen.get(seen.size() - 1)).as("the whole call saw the argument as given").containsExactly(1, 2, 3,
                4, 5);
        assertThat(input).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void aClassLearntFromChunksThatTheNextWholeCallDoesNotReturnStopsTheSplitting() throws Throwable {
        MethodMeta method = cachedMethod("squares", new MethodSpec.Parallel(2, "", false));
        Policy policy = provider.create(method);
        AtomicInteger runs = new AtomicInteger();
        Chain body = squaresInAClassBy(values -> values.size() > 2, runs);
        assertThat(call(policy, method, body, "x", List.of(1, 2, 3, 4))).isExactlyInstanceOf(ArrayList.class);
        assertThat(call(policy, method, body, "x", List.of(1, 2, 3, 4))).as("whole, as without the agent")
                .isExactlyInstanceOf(java.util.LinkedList.class);
        runs.set(0);
        for (int i = 0; i < SplitPayoff.PROBE_EVERY; i++) {
            assertThat(call(policy, method, body, "x", List.of(1, 2, 3, 4, 5, 6)))
                    .isExactlyInstanceOf(java.util.LinkedList.class);
        }
        assertThat(runs).as("no longer split").hasValue(SplitPayoff.PROBE_EVERY);
    }

    @Test
    void aMethodThatIsNotCachedHasItsFirstCallRunWholeEvenWhenItsChunksWouldAgree() throws Throwable {
        MethodMeta method = method("squares", new MethodSpec.Parallel(2, "", false));
        Policy policy = provider.create(method);
        AtomicInteger runs = new AtomicInteger();
        Chain body = inv -> {
            runs.incrementAndGet();
            return SQUARES.call(inv);
        };
        call(policy, method, body, "x", List.of(1, 2, 3, 4));
        assertThat(runs).as("its body never runs twice for one call").hasValue(1);
    }

    @Test
    void aMethodDeclaredToReturnAnArrayOfAPrimitiveIsSplitFromItsFirstCall() throws Throwable {
        MethodMeta doubled = method("doubled", new MethodSpec.Parallel(2, "", false));
        Policy policy = provider.create(doubled);
        List<Integer> chunkSizes = new CopyOnWriteArrayList<>();

        Object result = call(policy, doubled, inv -> {
            chunkSizes.add(((int[]) inv.args()[0]).length);
            return doubled((int[]) inv.args()[0]);
        }, (Object) new int[] {1, 2, 3, 4, 5, 6});

        assertThat((int[]) result).containsExactly(2, 4, 6, 8, 10, 12);
        assertThat(chunkSizes).as("the first call was split: int[] is the only class it can return")
                .hasSizeGreaterThan(1);
        assertThat(ResultShape.declared("[Ljava.lang.String;")).isEqualTo(new ResultShape(ResultKind.ARRAY, String.class));
        assertThat(ResultShape.declared("[Ljava.lang.CharSequence;")).as("a String[] may come back").isNull();
        assertThat(ResultShape.declared("java.util.ArrayList")).as("a subclass may come back").isNull();
    }

    @Test
    void chunkResultsOfAnotherClassRunTheCallAgainWholeAndStopTheSplitting() throws Throwable {
        MethodMeta method = method("squares", new MethodSpec.Parallel(2, "", false));
        Policy policy = provider.create(method);
        AtomicInteger runs = new AtomicInteger();
        Chain body = squaresInAClassBy(values -> values.contains(5), runs);
        call(policy, method, body, "x", List.of(1, 2, 3, 4)); // learns: an ArrayList
        runs.set(0);
        Object result = call(policy, method, body, "x", List.of(1, 2, 3, 4, 5, 6, 7, 8));
        assertThat(result).isExactlyInstanceOf(java.util.LinkedList.class).isEqualTo(squares("", List.of(1, 2, 3, 4, 5,
                6, 7, 8)));
        assertThat(runs).as("four chunks, then the whole call").hasValue(5);
        runs.set(0);
        call(policy, method, body, "x", List.of(1, 2, 3, 4));
        assertThat(runs).as("no longer split").hasValue(1);
    }

    @Test
    void aSynchronizedMethodRunsWholeOnTheCallersThreadButStillDeduplicates() throws Throwable {
        MethodMeta method = method("lockedSquares", new MethodSpec.Parallel(2, "", true));
        assertThat(method.isSynchronized()).isTrue();
        Policy policy = provider.create(method);
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        Object result = call(policy, method, inv -> {
            threads.add(Thread.currentThread());
            return lockedSquares((List<Integer>) inv.args()[0]);
        }, List.of(1, -1, 2, -2, 3, -3, 4, -4));
        assertThat(result).isEqualTo(List.of(1, 4, 9, 16));
        assertThat(threads).containsExactly(Thread.currentThread());
    }

    @Test
    void aResizedPoolAppliesAtOnce() {
        settings.set(Setting.MAX_WORKERS, 3);
        assertThat(pool.maximumSize()).isEqualTo(3);
        settings.set(Setting.LEVEL, Level.AGGRESSIVE);
        assertThat(pool.maximumSize()).isEqualTo(6);
        assertThat(pool.parallelism()).isEqualTo(6);
    }

    @Test
    void optimizedAloneNeverSplitsOnlyParallelMethodsDo() {
        // only the author can say that a method is element-wise: @Optimized's profile gives thresholds, not splits
        MethodSpec optimized = new MethodSpec("component_analysis", null, null, null, null, null);
        assertThat(provider.create(TestMethods.meta(ParallelPolicyTest.class, "squares", optimized))).isNull();
        assertThat(provider.create(TestMethods.meta(ParallelPolicyTest.class, "joined", optimized))).isNull();
        // @Parallel (or a rule naming the parallel policy) with @Optimized: split at the profile's threshold
        MethodSpec both = new MethodSpec("component_analysis", null, new MethodSpec.Parallel(0, "", false), null, null,
                null);
        assertThat(provider.create(TestMethods.meta(ParallelPolicyTest.class, "squares", both))).isNotNull();
    }

    @Test
    void rejectsBadDeclarations() {
        assertThatThrownBy(() -> policy("words", new MethodSpec.Parallel(0, "", false)))
                .hasMessageContaining("@Parallel has nothing to split");
        assertThatThrownBy(() -> policy("joined", new MethodSpec.Parallel(0, "", false)))
                .hasMessageContaining("cannot merge results of type java.lang.String");
        assertThatThrownBy(() -> policy("squares", new MethodSpec.Parallel(0, "label", false)))
                .hasMessageContaining("@Parallel(argument = \"label\") cannot be split");
        assertThatThrownBy(() -> policy("squares", new MethodSpec.Parallel(0, "nope", false)))
                .hasMessageContaining("names no parameter");
        assertThatThrownBy(() -> policy("squares", new MethodSpec.Parallel(-1, "", false)))
                .hasMessageContaining("@Parallel(threshold = -1)");
        assertThatThrownBy(() -> policy("visit", new MethodSpec.Parallel(0, "", true)))
                .hasMessageContaining("void");
    }
}
