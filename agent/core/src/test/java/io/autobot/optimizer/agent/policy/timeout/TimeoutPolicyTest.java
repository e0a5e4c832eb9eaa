package io.autobot.optimizer.agent.policy.timeout;

import io.autobot.optimizer.agent.call.Policy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autobot.optimizer.agent.call.CallerFailure;
import io.autobot.optimizer.agent.call.Chain;
import io.autobot.optimizer.agent.call.Invocation;
import io.autobot.optimizer.agent.call.MethodMeta;
import io.autobot.optimizer.agent.call.MethodSpec;
import io.autobot.optimizer.agent.config.RuntimeSettings;
import io.autobot.optimizer.agent.engine.TestMethods;
import io.autobot.optimizer.api.OperationTimeoutException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Bounded as a whole: a caller left waiting fails by the timeout, not by hanging; no time decides a check. */
@Timeout(60)
class TimeoutPolicyTest {

    /** A body argument that blocks until the watchdog interrupts it. */
    private static final int UNTIL_INTERRUPTED = -1;

    private final TimeoutPolicyProvider provider = new TimeoutPolicyProvider(RuntimeSettings.defaults());
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor();
    /** The logical clock of the adaptive limits: a body advances it by the latency it stands for. */
    private final AtomicLong nanos = new AtomicLong();

    @AfterEach
    void stopWatchdogs() {
        provider.close();
        watchdog.shutdownNow();
    }

    static int work(int millis) {
        return millis;
    }

    private static MethodMeta method(MethodSpec.Timeout timeout, String operation) {
        return TestMethods.meta(TimeoutPolicyTest.class, "work", new MethodSpec(operation, null, null, null, null, timeout));
    }

    private static Object call(Policy policy, MethodMeta method, int millis, AtomicBoolean interrupted) throws Throwable {
        Invocation invocation = TestMethods.call(method, TimeoutPolicyTest.class, null, millis);
        Chain body = inv -> {
            int takes = (Integer) inv.args()[0];
            try {
                if (takes == UNTIL_INTERRUPTED) {
                    new CountDownLatch(1).await();
                }
                Thread.sleep(takes);
                return takes;
            } catch (InterruptedException e) {
                interrupted.set(true);
                throw new CallerFailure(new IllegalStateException("stopped"));
            }
        };
        return policy.apply(invocation, body);
    }

    @Test
    void aCallWithinItsLimitKeepsItsResult() throws Throwable {
        MethodMeta method = method(new MethodSpec.Timeout("30s", false, "100ms"), null);
        AtomicBoolean interrupted = new AtomicBoolean();
        assertThat(call(provider.create(method), method, 10, interrupted)).isEqualTo(10);
        assertThat(interrupted).isFalse();
    }

    @Test
    void aFixedTimeoutInterruptsTheBodyAndTellsTheCaller() throws Throwable {
        MethodMeta method = method(new MethodSpec.Timeout("150ms", false, "100ms"), null);
        Policy policy = provider.create(method);
        AtomicBoolean interrupted = new AtomicBoolean();
        assertThatThrownBy(() -> call(policy, method, UNTIL_INTERRUPTED, interrupted))
                .isInstanceOf(CallerFailure.class)
                .extracting(thrown -> ((CallerFailure) thrown).failure())
                .isInstanceOf(OperationTimeoutException.class)
                .satisfies(timeout -> assertThat(((Throwable) timeout).getMessage())
                        .contains("TimeoutPolicyTest.work").contains("150ms"));
        assertThat(interrupted).isTrue();
        assertThat(Thread.currentThread().isInterrupted()).as("the interrupt is cleared").isFalse();
    }

    @Test
    void neverLeavesAnInterruptBehindWhenTheBodyEndsAtTheLimit() throws Throwable {
        MethodMeta method = method(new MethodSpec.Timeout("2ms", false, "1ms"), null);
        Policy policy = provider.create(method);
        for (int i = 0; i < 300; i++) {
            try {
                call(policy, method, 2, new AtomicBoolean());
            } catch (CallerFailure expectedSometimes) {
                assertThat(expectedSometimes.failure()).isInstanceOf(OperationTimeoutException.class);
            }
            assertThat(Thread.interrupted()).as("call %d left the thread interrupted", i).isFalse();
        }
    }

    /** An adaptive policy whose latencies are read from the logical clock. */
    private TimeoutPolicy adaptive(Duration upper, Duration min) {
        return new TimeoutPolicy(watchdog, () -> upper, min, nanos::get);
    }

    /** A call whose body takes {@code millis} on the logical clock and returns at once. */
    private Object callTaking(Policy policy, MethodMeta method, long millis) throws Throwable {
        Invocation invocation = TestMethods.call(method, TimeoutPolicyTest.class, null, (int) millis);
        return policy.apply(invocation, inv -> {
            nanos.addAndGet(Duration.ofMillis(millis).toNanos());
            return inv.args()[0];
        });
    }

    @Test
    void anAdaptiveTimeoutFollowsTheObservedLatency() throws Throwable {
        MethodMeta method = method(new MethodSpec.Timeout("10s", true, "50ms"), null);
        TimeoutPolicy policy = adaptive(Duration.ofSeconds(10), Duration.ofMillis(50));
        for (int i = 0; i < LatencyWindow.MIN_SAMPLES - 1; i++) {
            callTaking(policy, method, 40);
            assertThat(policy.limitNanos()).as("the declared limit before %d calls", LatencyWindow.MIN_SAMPLES)
                    .isEqualTo(Duration.ofSeconds(10).toNanos());
        }
        callTaking(policy, method, 40);
        assertThat(policy.limitNanos()).as("p99 of 40 ms calls, times two").isEqualTo(Duration.ofMillis(80).toNanos());
        AtomicBoolean interrupted = new AtomicBoolean();
        assertThatThrownBy(() -> call(policy, method, UNTIL_INTERRUPTED, interrupted)).isInstanceOf(CallerFailure.class)
                .extracting(thrown -> ((CallerFailure) thrown).failure().getMessage()).asString()
                .contains("adaptive timeout of 80ms");
        assertThat(interrupted).isTrue();
    }

    @Test
    void anAdaptiveTimeoutFollowsLatenciesThatGrowUpToItsUpperBound() throws Throwable {
        // minutes on the logical clock, so the real watchdog never fires on these calls
        MethodMeta method = method(new MethodSpec.Timeout("1000s", true, "50ms"), null);
        TimeoutPolicy policy = adaptive(Duration.ofSeconds(1000), Duration.ofMillis(50));
        for (int i = 0; i < LatencyWindow.MIN_SAMPLES; i++) {
            callTaking(policy, method, 40_000);
        }
        assertThat(policy.limitNanos()).as("twice 40 s").isEqualTo(Duration.ofSeconds(80).toNanos());
        for (int i = 0; i < LatencyWindow.SIZE; i++) {
            callTaking(policy, method, 300_000);
        }
        assertThat(policy.limitNanos()).as("twice 300 s").isEqualTo(Duration.ofSeconds(600).toNanos());
        for (int i = 0; i < LatencyWindow.SIZE; i++) {
            callTaking(policy, method, 700_000);
        }
        assertThat(policy.limitNanos()).as("twice 700 s, held at the upper bound").isEqualTo(Duration.ofSeconds(1000).toNanos());
    }

    @Test
    void anAdaptiveTimeoutStaysAboveItsMinimum() throws Throwable {
        MethodMeta method = method(new MethodSpec.Timeout("10s", true, "300ms"), null);
        TimeoutPolicy policy = adaptive(Duration.ofSeconds(10), Duration.ofMillis(300));
        for (int i = 0; i < LatencyWindow.MIN_SAMPLES; i++) {
            callTaking(policy, method, 1);
        }
        assertThat(policy.limitNanos()).isEqualTo(Duration.ofMillis(300).toNanos());
    }

    @Test
    void theProviderMakesAFixedOrAnAdaptiveLimitAsDeclared() {
        TimeoutPolicy fixed = (TimeoutPolicy) provider.create(method(new MethodSpec.Timeout("150ms", false, "100ms"), null));
        TimeoutPolicy adaptive = (TimeoutPolicy) provider.create(method(new MethodSpec.Timeout("10s", true, "50ms"), null));
        assertThat(fixed.limitNanos()).isEqualTo(Duration.ofMillis(150).toNanos());
        assertThat(adaptive.limitNanos()).as("the upper bound until calls were seen").isEqualTo(Duration.ofSeconds(10).toNanos());
    }

    @Test
    void theOperationProfileGivesTheLimitOfOptimizedMethods() {
        assertThat(provider.create(method(null, "pattern_validation"))).isNotNull();
        assertThat(provider.create(method(null, "component_analysis"))).as("no profile timeout").isNull();
        assertThat(provider.create(method(new MethodSpec.Timeout("", false, "100ms"), "search"))).isNotNull();
    }

    @Test
    void rejectsBadDeclarations() {
        assertThatThrownBy(() -> provider.create(method(new MethodSpec.Timeout("soon", false, "100ms"), null)))
                .hasMessageContaining("@Timeout(value = \"soon\") is not accepted");
        assertThatThrownBy(() -> provider.create(method(new MethodSpec.Timeout("0s", false, "100ms"), null)))
                .hasMessageContaining("greater than zero");
        assertThatThrownBy(() -> provider.create(method(new MethodSpec.Timeout("", false, "100ms"), null)))
                .hasMessageContaining("@Timeout has no value");
        assertThatThrownBy(() -> provider.create(method(new MethodSpec.Timeout("1s", true, "2s"), null)))
                .hasMessageContaining("@Timeout(min = \"2s\")");
    }
}
