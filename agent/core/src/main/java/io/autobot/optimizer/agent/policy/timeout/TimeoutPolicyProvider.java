package io.autobot.optimizer.agent.policy.timeout;

import io.autobot.optimizer.agent.call.MethodMeta;
import io.autobot.optimizer.agent.call.MethodSpec;
import io.autobot.optimizer.agent.call.Policy;
import io.autobot.optimizer.agent.call.PolicyProvider;
import io.autobot.optimizer.agent.config.Durations;
import io.autobot.optimizer.agent.config.OperationProfiles;
import io.autobot.optimizer.agent.config.RuntimeSettings;
import io.autobot.optimizer.agent.policy.AgentThreads;
import io.autobot.optimizer.agent.policy.Declarations;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * {@code @Timeout}, and the profile timeout of {@code @Optimized} operations (a fixed limit read
 * from the profile at every call, so a profile changed while running applies at once). One
 * daemon thread, {@code autobot-timeout}, fires every limit of the JVM; it ends when idle.
 */
public final class TimeoutPolicyProvider implements PolicyProvider, AutoCloseable {

    private final OperationProfiles profiles;
    private final ScheduledExecutorService watchdog = watchdog();

    public TimeoutPolicyProvider(RuntimeSettings settings) {
        this.profiles = settings.profiles();
    }

    @Override
    public String name() {
        return "timeout";
    }

    /** Stops the watchdog (the agent stops or detaches); calls still running are not interrupted any more. */
    @Override
    public void close() {
        watchdog.shutdownNow();
    }

    @Override
    public Policy create(MethodMeta method) {
        MethodSpec spec = method.spec();
        String operation = spec.operation();
        Supplier<Duration> profileTimeout = () -> profiles.get(operation).timeout();
        if (spec.timeout() == null) {
            return spec.optimized() && !profileTimeout.get().isZero()
                    ? new TimeoutPolicy(watchdog, profileTimeout, null) : null;
        }
        MethodSpec.Timeout declared = spec.timeout();
        Supplier<Duration> limit = profileTimeout;
        if (!declared.value().isBlank()) {
            Duration value = Declarations.positiveDuration("@Timeout(value = ...)", declared.value());
            limit = () -> value;
        } else if (profileTimeout.get().isZero()) {
            throw new IllegalArgumentException("@Timeout has no value and " + (spec.optimized()
                    ? "the profile of operation '" + operation + "' has no timeout"
                    : "the method names no @Optimized operation whose profile would give one")
                    + ": write one, such as @Timeout(\"30s\")");
        }
        if (!declared.adaptive()) {
            return new TimeoutPolicy(watchdog, limit, null);
        }
        Duration min = Declarations.duration("@Timeout(min = ...)", declared.min());
        if (min.compareTo(limit.get()) > 0) {
            throw new IllegalArgumentException("@Timeout(min = \"" + declared.min() + "\") is not accepted: expected"
                    + " at most the upper bound " + Durations.format(limit.get()));
        }
        return new TimeoutPolicy(watchdog, limit, min);
    }

    private static ScheduledExecutorService watchdog() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, new AgentThreads("autobot-timeout", null));
        executor.setRemoveOnCancelPolicy(true);
        executor.setKeepAliveTime(30, TimeUnit.SECONDS);
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }
}
