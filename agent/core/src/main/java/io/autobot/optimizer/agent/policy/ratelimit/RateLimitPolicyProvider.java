package io.autobot.optimizer.agent.policy.ratelimit;

import io.autobot.optimizer.agent.call.MethodMeta;
import io.autobot.optimizer.agent.call.MethodSpec;
import io.autobot.optimizer.agent.call.Policy;
import io.autobot.optimizer.agent.call.PolicyProvider;
import io.autobot.optimizer.agent.config.OperationProfiles;
import io.autobot.optimizer.agent.config.RuntimeSettings;
import io.autobot.optimizer.agent.policy.Declarations;
import io.autobot.optimizer.agent.redis.RedisLink;
import java.time.Duration;
import java.util.List;

/**
 * {@code @RateLimited}, and the throttling of {@code @Optimized} operations whose profile is
 * {@code throttled}: those share one limiter per operation, at {@code MAX_REQUESTS_PER_SECOND}
 * while {@code REQUEST_THROTTLING} is on, unless a {@code @RateLimited} method names that limiter
 * (then only that method takes its permits). Either is held per JVM or by the fleet together, as the
 * declaration's scope or {@code RATE_LIMIT_SCOPE} says.
 */
public final class RateLimitPolicyProvider implements PolicyProvider {

    /** How long a call of a throttled operation waits for a permit: the annotation's default. */
    static final Duration OPERATION_MAX_WAIT = Duration.ofSeconds(5);

    private final RateLimiters limiters;
    private final OperationProfiles profiles;

    /** Limits of this JVM only. */
    public RateLimitPolicyProvider(RuntimeSettings settings) {
        this(settings, null);
    }

    /** @param link the fleet's Redis, or null when {@code AUTOBOT_REDIS_URL} is not set */
    public RateLimitPolicyProvider(RuntimeSettings settings, RedisLink link) {
        this.limiters = new RateLimiters(settings, link);
        this.profiles = settings.profiles();
    }

    @Override
    public String name() {
        return "rate-limit";
    }

    @Override
    public Policy create(MethodMeta method) {
        MethodSpec spec = method.spec();
        if (spec.rateLimited() != null) {
            return declared(method, spec.rateLimited());
        }
        String operation = spec.operation();
        if (spec.optimized() && profiles.get(operation).throttled()) {
            RateLimiters.Throttle throttle = limiters.throttle(operation.isEmpty() ? method.qualifiedName() : operation,
                    method.qualifiedName(), limiters.fleetScope(""));
            return new RateLimitPolicy(throttle.limiter(),
                    () -> profiles.get(operation).throttled() && throttle.takesPermits().getAsBoolean(),
                    OPERATION_MAX_WAIT, List.of(), 0, Duration.ZERO);
        }
        return null;
    }

    private Policy declared(MethodMeta method, MethodSpec.RateLimited declared) {
        double perSecond = declared.perSecond();
        if (!(perSecond >= 0) || Double.isInfinite(perSecond)) {
            throw Declarations.rejected("@RateLimited(perSecond = ...)", perSecond,
                    "a positive number of calls per second, or 0 for MAX_REQUESTS_PER_SECOND");
        }
        if (declared.maxRetries() < 0) {
            throw Declarations.rejected("@RateLimited(maxRetries = ...)", declared.maxRetries(),
                    "0 or more retries");
        }
        Duration maxWait = Declarations.duration("@RateLimited(maxWait = ...)", declared.maxWait());
        Duration backoff = Declarations.duration("@RateLimited(backoff = ...)", declared.backoff());
        String name = declared.name().isBlank() ? method.qualifiedName() : declared.name().trim();
        Limiter limiter = limiters.declared(name, perSecond, method.qualifiedName(),
                limiters.fleetScope(declared.scope()));
        return new RateLimitPolicy(limiter, () -> true, maxWait, declared.retryOn(), declared.maxRetries(), backoff);
    }
}
