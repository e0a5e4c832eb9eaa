/**
 * {@code @RateLimited} and throttled profiles: a lock-free limiter per name, JVM-wide, or one
 * shared by the fleet through its Redis (a GCRA schedule kept by a Lua script, with a local share
 * of the limit while Redis does not answer), with backoff and jitter on the exceptions that say a
 * backend refused a call.
 */
package io.autobot.optimizer.agent.policy.ratelimit;
