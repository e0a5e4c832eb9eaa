/**
 * {@code @RateLimited} and throttled profiles: a lock-free limiter per name, JVM-wide, with backoff
 * and jitter on the exceptions that say a backend refused a call.
 */
package io.autobot.optimizer.agent.policy.ratelimit;
