package io.autobot.optimizer.agent.policy.batch;

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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Bounded as a whole: a caller left waiting fails by the timeout, not by hanging; no time decides a check. */
@Timeout(60)
class BatchPolicyTest {

    static final List<Integer> BATCH_SIZES = new CopyOnWriteArrayList<>();
    static volatile String mode = "ok";

    private final RuntimeSettings settings = RuntimeSettings.defaults();
    private final BatchPolicyProvider provider = new BatchPolicyProvider(settings);
    private final ExecutorService callers = Executors.newCachedThreadPool();

    static String validate(String item) {
        return "single:" + item;
    }

    static List<Object> validateAll(List<String> items) {
        BATCH_SIZES.add(items.size());
        if (mode.equals("throw")) {
            throw new IllegalStateException("backend down");
        }
        List<Object> results = new ArrayList<>();
        for (String item : items) {
            results.add(item.startsWith("bad") ? new IllegalArgumentException("invalid " + item) : "batch:" + item);
        }
        if (mode.equals("short")) {
            results.remove(0);
        }
        return results;
    }

    static String slow(String item) {
        return "single:" + item;
    }

    /** Counted down when {@link #slowAll} runs: its sender can be interrupted in it. */
    static volatile CountDownLatch slowAllRunning = new CountDownLatch(1);

    /** Stands for a slow backend: runs until its sender is interrupted. */
    static List<Object> slowAll(List<String> items) throws InterruptedException {
        BATCH_SIZES.add(items.size());
        try {
            slowAllRunning.countDown();
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            if (mode.equals("keepsInterrupt")) { // gives up with an exception of its own, the thread still interrupted
                Thread.currentThread().interrupt();
                throw new IllegalStateException("gave up");
            }
            throw e;
        }
        return new ArrayList<>(items);
    }

    static String wrongShape(String item) {
        return item;
    }

    static String wrongShapeAll(String one, String two) {
        return one;
    }

    static int count(String text) {
        return text.length();
    }

    @AfterEach
    void tearDown() {
        callers.shutdownNow();
        BATCH_SIZES.clear();
        mode = "ok";
    }

    private MethodMeta method(String name, String via, int size, String maxWait) {
        List<io.autobot.optimizer.agent.call.MethodSignature> siblings = TestMethods.siblings(BatchPolicyTest.class, via);
        return TestMethods.meta(BatchPolicyTest.class, name,
                new MethodSpec(null, null, null, null, new MethodSpec.Batched(via, size, maxWait, siblings), null));
    }

    private static final Chain SINGLE = inv -> validate((String) inv.args()[0]);

    /** Calls the policy from {@code count} threads at once with items {@code prefix0..}; returns what each got. */
    private List<Object> callTogether(Policy policy, MethodMeta method, int count, String prefix) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Object>> futures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String item = (i % 7 == 3 ? "bad" : prefix) + i;
            futures.add(callers.submit(() -> {
                start.await();
                try {
                    return policy.apply(TestMethods.call(method, BatchPolicyTest.class, null, item), SINGLE);
                } catch (CallerFailure failure) {
                    return failure.failure();
                } catch (Throwable internal) {
                    return "internal:" + internal.getClass().getSimpleName();
                }
            }));
        }
        start.countDown();
        List<Object> results = new ArrayList<>();
        for (Future<Object> future : futures) {
            results.add(future.get());
        }
        return results;
    }

    @Test
    void concurrentCallsBecomeFullBatchesAndEachCallerGetsItsOwnResult() throws Exception {
        MethodMeta method = method("validate", "validateAll", 5, "5s");
        List<Object> results = callTogether(provider.create(method), method, 20, "item");
        assertThat(BATCH_SIZES).containsExactly(5, 5, 5, 5);
        for (int i = 0; i < 20; i++) {
            if (i % 7 == 3) {
                assertThat(results.get(i)).isInstanceOf(IllegalArgumentException.class)
                        .hasToString(IllegalArgumentException.class.getName() + ": invalid bad" + i);
            } else {
                assertThat(results.get(i)).isEqualTo("batch:item" + i);
            }
        }
    }

    @Test
    void theWaitTimeSendsAnIncompleteBatch() throws Exception {
        MethodMeta method = method("validate", "validateAll", 100, "100ms");
        List<Object> results = callTogether(provider.create(method), method, 3, "x");
        // the batch never fills: only its wait time sends it (in one batch, or more when a caller
        // comes after the first was sent; how the three meet is the scheduler's)
        assertThat(results).containsExactly("batch:x0", "batch:x1", "batch:x2");
        assertThat(BATCH_SIZES.stream().mapToInt(Integer::intValue).sum()).as("items sent in batches %s", BATCH_SIZES)
                .isEqualTo(3);
    }

    @Test
    void aFailingBatchFailsEveryCallerAndABadResultMakesEachRunItsOwnCall() throws Exception {
        MethodMeta method = method("validate", "validateAll", 4, "5s");
        Policy policy = provider.create(method);
        mode = "throw";
        assertThat(callTogether(policy, method, 4, "x")).allSatisfy(result ->
                assertThat(result).isInstanceOf(IllegalStateException.class).hasToString(
                        IllegalStateException.class.getName() + ": backend down"));
        mode = "short";
        assertThat(callTogether(policy, method, 4, "x")).containsOnly("internal:IllegalStateException");
    }

    @Test
    void aBatchMethodStoppedByItsSendersInterruptFailsTheSenderAloneAndTheOthersRunTheirOwnCalls()
            throws Exception {
        MethodMeta method = method("slow", "slowAll", 3, "5s");
        Policy policy = provider.create(method);
        for (String how : List.of("throws", "keepsInterrupt")) {
            mode = how;
            slowAllRunning = new CountDownLatch(1);
            Object[] got = new Object[3];
            Thread a = start(() -> got[0] = callCatching(policy, method, "a"));
            Parked.await(a); // a waits in the batch
            Thread b = start(() -> got[1] = callCatching(policy, method, "b"));
            Parked.await(b);
            Thread sender = start(() -> got[2] = callCatching(policy, method, "c")); // fills it: sends it
            slowAllRunning.await();
            sender.interrupt(); // the host cancels the sender's call only
            for (Thread caller : List.of(sender, a, b)) {
                caller.join();
            }
            assertThat(got[2]).as(how).isInstanceOf(how.equals("throws") ? InterruptedException.class
                    : IllegalStateException.class);
            assertThat(got[0]).as(how).isEqualTo("single:a");
            assertThat(got[1]).as(how).isEqualTo("single:b");
        }
        assertThat(BATCH_SIZES).containsExactly(3, 3);
    }

    private static Thread start(Runnable task) {
        Thread thread = new Thread(task);
        thread.start();
        return thread;
    }

    private static Object callCatching(Policy policy, MethodMeta method, String item) {
        try {
            return policy.apply(TestMethods.call(method, BatchPolicyTest.class, null, item), SINGLE);
        } catch (CallerFailure failure) {
            return failure.failure();
        } catch (Throwable internal) {
            return "internal:" + internal.getClass().getSimpleName();
        }
    }

    @Test
    void callsRunOneByOneWhenBatchingIsOffOrTheLevelIsBasic() throws Throwable {
        MethodMeta method = method("validate", "validateAll", 4, "5s");
        Policy policy = provider.create(method);
        settings.set(Setting.BATCH_PROCESSING, false);
        assertThat(policy.apply(TestMethods.call(method, BatchPolicyTest.class, null, "a"), SINGLE)).isEqualTo("single:a");
        settings.set(Setting.BATCH_PROCESSING, true);
        settings.set(Setting.LEVEL, Level.BASIC);
        assertThat(policy.apply(TestMethods.call(method, BatchPolicyTest.class, null, "b"), SINGLE)).isEqualTo("single:b");
        assertThat(BATCH_SIZES).isEmpty();
    }

    @Test
    void anInterruptedCallerSendsItsBatchAtOnce() throws Throwable {
        MethodMeta method = method("validate", "validateAll", 100, "1h"); // a test run never sees the wait time
        Policy policy = provider.create(method);
        AtomicInteger interruptedAfter = new AtomicInteger();
        Thread caller = new Thread(() -> {
            try {
                Object result = policy.apply(TestMethods.call(method, BatchPolicyTest.class, null, "z"), SINGLE);
                if (result.equals("batch:z") && Thread.currentThread().isInterrupted()) {
                    interruptedAfter.incrementAndGet();
                }
            } catch (Throwable e) {
                throw new AssertionError(e);
            }
        });
        caller.start();
        Parked.await(caller);
        caller.interrupt();
        caller.join();
        assertThat(BATCH_SIZES).as("its batch of one was sent").containsExactly(1);
        assertThat(interruptedAfter).as("got its result and kept its interrupt").hasValue(1);
    }

    @Test
    void aCallerAloneWaitsOnceAndAfterFourBatchesOfOneBatchingStepsAside() throws Throwable {
        MethodMeta method = method("validate", "validateAll", 5, "20ms");
        Policy policy = provider.create(method);
        for (int call = 0; call < 8; call++) {
            // the first waits the whole 20 ms, after which a batch is sent at its first call; after
            // four batches the calls run plain (400 ms of plain calls would come before a probe)
            String expected = (call < BatchPayoff.LONE_BEFORE_ASIDE ? "batch:" : "single:") + call;
            assertThat(policy.apply(TestMethods.call(method, BatchPolicyTest.class, null, String.valueOf(call)), SINGLE))
                    .isEqualTo(expected);
        }
        assertThat(BATCH_SIZES).containsExactly(1, 1, 1, 1);
        assertThat(method.stats().policies().savedNanos().get(BatchPolicy.POLICY)).as("the first call's wait, added")
                .isLessThanOrEqualTo(-20_000_000L);
        assertThat(method.stats().policies().verdicts().get(BatchPolicy.POLICY)).startsWith("not batched");
    }

    @Test
    void aBatchIsSentOnceAsManyCallsWaitAsTheWaitTimeGatheredBefore() throws Exception {
        MethodMeta method = method("validate", "validateAll", 10, "");
        Policy policy = provider.create(method);
        settings.set(Setting.MAX_BATCH_WAIT_TIME, Duration.ofSeconds(2)); // all three join before it ends
        assertThat(callTogether(policy, method, 3, "a")).containsExactly("batch:a0", "batch:a1", "batch:a2");
        settings.set(Setting.MAX_BATCH_WAIT_TIME, Duration.ofHours(1)); // a test run never sees this one end
        assertThat(callTogether(policy, method, 3, "b")).as("sent at its third call")
                .containsExactly("batch:b0", "batch:b1", "batch:b2");
        assertThat(BATCH_SIZES).containsExactly(3, 3);
        assertThat(method.stats().policies().verdicts().get(BatchPolicy.POLICY))
                .isEqualTo("batched: 3.0 calls per batch, sent once 3 wait");
    }

    @Test
    void rejectsBadDeclarations() {
        assertThatThrownBy(() -> provider.create(method("validate", "missing", 4, "")))
                .hasMessageContaining("declares no method missing");
        assertThatThrownBy(() -> provider.create(method("wrongShape", "wrongShapeAll", 4, "")))
                .hasMessageContaining("wrong shape").hasMessageContaining("one java.util.List parameter");
        assertThat(provider.create(method("count", "validateAll", 4, ""))).as("element types are checked per call")
                .isNotNull();
        assertThatThrownBy(() -> provider.create(method("validate", "validateAll", -1, "")))
                .hasMessageContaining("@Batched(size = -1)");
        assertThatThrownBy(() -> provider.create(method("validate", "validateAll", 4, "0ms")))
                .hasMessageContaining("@Batched(maxWait = \"0ms\")");
    }

    @Test
    void aBatchMethodNotDescribedAtTransformTimeIsCheckedAtFirstCall() throws Throwable {
        MethodMeta method = TestMethods.meta(BatchPolicyTest.class, "wrongShape",
                new MethodSpec(null, null, null, null, new MethodSpec.Batched("wrongShapeAll", 2, "1s"), null));
        Policy policy = provider.create(method);
        assertThat(policy.apply(TestMethods.call(method, BatchPolicyTest.class, null, "q"), inv -> "direct"))
                .isEqualTo("direct");
    }
}
