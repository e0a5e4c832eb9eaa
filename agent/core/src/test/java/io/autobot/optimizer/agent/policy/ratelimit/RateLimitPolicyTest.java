package io.autobot.optimizer.agent.policy.ratelimit;

import io.autobot.optimizer.agent.call.Policy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autobot.optimizer.agent.call.CallerFailure;
import io.autobot.optimizer.agent.call.Chain;
import io.autobot.optimizer.agent.call.MethodMeta;
import io.autobot.optimizer.agent.call.MethodSpec;
import io.autobot.optimizer.agent.config.RuntimeSettings;
import io.autobot.optimizer.agent.config.Setting;
import io.autobot.optimizer.agent.engine.TestMethods;
import io.autobot.optimizer.agent.policy.ThrottledTime;
import io.autobot.optimizer.api.RateLimitExceededException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RateLimitPolicyTest {

    private final RuntimeSettings settings = RuntimeSettings.defaults();
    private final RateLimitPolicyProvider provider = new RateLimitPolicyProvider(settings);

    static String fetch(String key) {
        return key;
    }

    private static MethodMeta method(MethodSpec.RateLimited limited, String operation) {
        return TestMethods.meta(RateLimitPolicyTest.class, "fetch", new MethodSpec(operation, null, null, limited, null, null));
    }

    private static MethodSpec.RateLimited limited(double perSecond, String name, String maxWait, List<String> retryOn) {
        return new MethodSpec.RateLimited(perSecond, name, maxWait, retryOn, 3, "10ms");
    }

    private static Object call(Policy policy, MethodMeta method, Chain body) throws Throwable {
        return policy.apply(TestMethods.call(method, RateLimitPolicyTest.class, null, "k"), body);
    }

    @Test
    void aCallerThatGetsNoPermitInTimeGetsRateLimitExceeded() throws Throwable {
        MethodMeta method = method(limited(1, "tight", "50ms", List.of()), null);
        Policy policy = provider.create(method);
        assertThat(call(policy, method, inv -> "ok")).isEqualTo("ok");
        assertThatThrownBy(() -> call(policy, method, inv -> "ok")).isInstanceOf(CallerFailure.class)
                .extracting(e -> ((CallerFailure) e).failure()).isInstanceOf(RateLimitExceededException.class)
                .extracting(Throwable::getMessage).asString().contains("'tight'").contains("50ms");
    }

    @Test
    void theWaitForAPermitAndTheBackoffCountAsTheThreadsThrottledTimeAndTheTimeThePolicyAdded() throws Throwable {
        MethodMeta method = method(limited(20, "paced", "1s", List.of(IOException.class.getName())), null);
        Policy policy = provider.create(method);
        long atStart = ThrottledTime.ofCurrentThread();
        assertThat(call(policy, method, inv -> "ok")).isEqualTo("ok"); // the limiter's one permit at hand
        long before = ThrottledTime.ofCurrentThread();
        assertThat(call(policy, method, inv -> "ok")).isEqualTo("ok"); // waits about 50 ms for the next
        long waited = ThrottledTime.ofCurrentThread() - before;
        assertThat(waited).isGreaterThan(20_000_000L);
        assertThat(method.stats().throttleWaits()).isEqualTo(1);

        AtomicInteger runs = new AtomicInteger();
        long beforeRetry = ThrottledTime.ofCurrentThread();
        assertThat(call(policy, method, inv -> {
            if (runs.incrementAndGet() == 1) {
                throw new CallerFailure(new IOException("busy"));
            }
            return "ok";
        })).isEqualTo("ok");
        // a permit for each attempt (about 50 ms apart) and a backoff of at least 5 ms between them
        assertThat(ThrottledTime.ofCurrentThread() - beforeRetry).isGreaterThan(40_000_000L);
        long[] elsewhere = new long[1];
        Thread other = new Thread(() -> elsewhere[0] = ThrottledTime.ofCurrentThread());
        other.start();
        other.join();
        assertThat(elsewhere[0]).as("each thread has its own total").isZero();
        assertThat(method.stats().policies().savedNanos()).as("the method's report: time the policy added")
                .containsEntry(RateLimitPolicy.POLICY, -(ThrottledTime.ofCurrentThread() - atStart));
    }

    @Test
    void retriesOnlyTheNamedExceptionsAndTheirSubclasses() throws Throwable {
        MethodMeta method = method(limited(1000, "", "1s", List.of(IOException.class.getName())), null);
        Policy policy = provider.create(method);
        AtomicInteger runs = new AtomicInteger();
        Chain flaky = inv -> {
            if (runs.incrementAndGet() < 3) {
                throw new CallerFailure(new SocketTimeoutException("busy")); // a subclass of IOException
            }
            return "done";
        };
        assertThat(call(policy, method, flaky)).isEqualTo("done");
        assertThat(runs).hasValue(3);

        runs.set(0);
        IllegalStateException other = new IllegalStateException("not retried");
        assertThatThrownBy(() -> call(policy, method, inv -> {
            runs.incrementAndGet();
            throw new CallerFailure(other);
        })).extracting(e -> ((CallerFailure) e).failure()).isSameAs(other);
        assertThat(runs).hasValue(1);

        runs.set(0);
        SocketTimeoutException always = new SocketTimeoutException("down");
        assertThatThrownBy(() -> call(policy, method, inv -> {
            runs.incrementAndGet();
            throw new CallerFailure(always);
        })).extracting(e -> ((CallerFailure) e).failure()).isSameAs(always);
        assertThat(runs).as("the first call and three retries").hasValue(4);
    }

    @Test
    void limitersWithoutADeclaredRateFollowTheSettingsAtOnce() throws Throwable {
        MethodMeta method = method(limited(0, "default", "0s", List.of()), null);
        Policy policy = provider.create(method);
        settings.set(Setting.MAX_REQUESTS_PER_SECOND, 1.0);
        call(policy, method, inv -> "first");
        assertThatThrownBy(() -> call(policy, method, inv -> "second")).isInstanceOf(CallerFailure.class);
        settings.set(Setting.REQUEST_THROTTLING, false);
        for (int i = 0; i < 100; i++) {
            assertThat(call(policy, method, inv -> "free")).isEqualTo("free");
        }
    }

    @Test
    void throttledOperationsShareALimiterPerOperation() throws Throwable {
        settings.set(Setting.MAX_REQUESTS_PER_SECOND, 1.0);
        MethodMeta method = method(null, "api_validation");
        Policy first = provider.create(method);
        Policy second = provider.create(method(null, "api_validation"));
        assertThat(provider.create(method(null, "component_analysis"))).as("not throttled").isNull();
        call(first, method, inv -> "ok");
        long start = System.nanoTime();
        call(second, method, inv -> "ok"); // waits for the shared limiter's next permit
        assertThat(System.nanoTime() - start).isGreaterThan(500_000_000L);
    }

    @Test
    void aThrottledOperationTakesNoPermitOfItsOwnOnceARateLimitedMethodNamesItsLimiter() throws Throwable {
        MethodMeta outer = method(null, "search"); // the operation's method: its body makes the request
        Policy throttled = provider.create(outer);
        // where the request leaves the JVM: one permit a second, and no waiting for one
        MethodMeta send = method(limited(1, "search", "0s", List.of()), null);
        Policy declared = provider.create(send);
        // had the operation's call taken the second's permit, the request inside it would get none
        assertThat(call(throttled, outer, inv -> call(declared, send, inner -> "answer"))).isEqualTo("answer");
        assertThatThrownBy(() -> call(declared, send, inner -> "again")).as("the declared limit holds")
                .isInstanceOf(CallerFailure.class);
    }

    @Test
    void aThrottledOperationAloneTakesPermits() throws Throwable {
        MethodMeta outer = method(null, "search");
        Policy throttled = provider.create(outer);
        settings.set(Setting.MAX_REQUESTS_PER_SECOND, 0.001); // one permit, then none within the 5 s wait
        call(throttled, outer, inv -> "first");
        assertThatThrownBy(() -> call(throttled, outer, inv -> "second")).isInstanceOf(CallerFailure.class);
    }

    @Test
    void theLowestDeclaredRateOfASharedLimiterWins() {
        RateLimiters limiters = new RateLimiters(settings);
        limiters.declared("shared", 20, "a", false);
        assertThat(limiters.declared("shared", 5, "b", false).rate()).isEqualTo(5);
        assertThat(limiters.declared("shared", 50, "c", false).rate()).isEqualTo(5);
        assertThat(limiters.declared("shared", 0, "d", false).rate()).isEqualTo(5);
    }

    @Test
    void rejectsBadDeclarations() {
        assertThatThrownBy(() -> provider.create(method(limited(-2, "", "1s", List.of()), null)))
                .hasMessageContaining("@RateLimited(perSecond = -2.0) is not accepted");
        assertThatThrownBy(() -> provider.create(method(limited(5, "", "a while", List.of()), null)))
                .hasMessageContaining("@RateLimited(maxWait = \"a while\")");
        assertThatThrownBy(() -> provider.create(method(
                new MethodSpec.RateLimited(5, "", "1s", List.of(UncheckedIOException.class.getName()), -1, "1s"), null)))
                .hasMessageContaining("maxRetries");
    }
}
