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
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class TimeoutPolicyTest {

    private final TimeoutPolicyProvider provider = new TimeoutPolicyProvider(RuntimeSettings.defaults());

    static int work(int millis) {
        return millis;
    }

    private static MethodMeta method(MethodSpec.Timeout timeout, String operation) {
        return TestMethods.meta(TimeoutPolicyTest.class, "work", new MethodSpec(operation, null, null, null, null, timeout));
    }

    private static Object call(Policy policy, MethodMeta method, int millis, AtomicBoolean interrupted) throws Throwable {
        Invocation invocation = TestMethods.call(method, TimeoutPolicyTest.class, null, millis);
        Chain body = inv -> {
            try {
                Thread.sleep((Integer) inv.args()[0]);
                return inv.args()[0];
            } catch (InterruptedException e) {
                interrupted.set(true);
                throw new CallerFailure(new IllegalStateException("stopped"));
            }
        };
        return policy.apply(invocation, body);
    }

    @Test
    void aFixedTimeoutInterruptsTheBodyAndTellsTheCaller() throws Throwable {
        MethodMeta method = method(new MethodSpec.Timeout("150ms", false, "100ms"), null);
        Policy policy = provider.create(method);
        AtomicBoolean interrupted = new AtomicBoolean();
        assertThat(call(policy, method, 10, interrupted)).isEqualTo(10);
        long start = System.nanoTime();
        assertThatThrownBy(() -> call(policy, method, 5_000, interrupted))
                .isInstanceOf(CallerFailure.class)
                .extracting(thrown -> ((CallerFailure) thrown).failure())
                .isInstanceOf(OperationTimeoutException.class)
                .satisfies(timeout -> assertThat(((Throwable) timeout).getMessage())
                        .contains("TimeoutPolicyTest.work").contains("150ms"));
        assertThat(System.nanoTime() - start).isLessThan(Duration.ofSeconds(3).toNanos());
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

    @Test
    void anAdaptiveTimeoutFollowsTheObservedLatency() throws Throwable {
        MethodMeta method = method(new MethodSpec.Timeout("10s", true, "50ms"), null);
        TimeoutPolicy policy = (TimeoutPolicy) provider.create(method);
        assertThat(policy.limitNanos()).isEqualTo(Duration.ofSeconds(10).toNanos());
        for (int i = 0; i < LatencyWindow.MIN_SAMPLES; i++) {
            call(policy, method, 40, new AtomicBoolean());
        }
        // p99 of ~40 ms calls, times two
        assertThat(policy.limitNanos()).isBetween(Duration.ofMillis(80).toNanos(), Duration.ofMillis(400).toNanos());
        AtomicBoolean interrupted = new AtomicBoolean();
        assertThatThrownBy(() -> call(policy, method, 3_000, interrupted)).isInstanceOf(CallerFailure.class)
                .extracting(thrown -> ((CallerFailure) thrown).failure().getMessage()).asString()
                .contains("adaptive timeout");
        assertThat(interrupted).isTrue();
    }

    @Test
    void anAdaptiveTimeoutStaysAboveItsMinimum() throws Throwable {
        MethodMeta method = method(new MethodSpec.Timeout("10s", true, "300ms"), null);
        TimeoutPolicy policy = (TimeoutPolicy) provider.create(method);
        for (int i = 0; i < LatencyWindow.MIN_SAMPLES; i++) {
            call(policy, method, 0, new AtomicBoolean());
        }
        assertThat(policy.limitNanos()).isEqualTo(Duration.ofMillis(300).toNanos());
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
