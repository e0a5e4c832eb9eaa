/**
 * The link to the fleet's Redis ({@code AUTOBOT_REDIS_URL}): the URL (parsed, with its password
 * never shown), one shared connection pool whose every call is bounded by
 * {@code AUTOBOT_REDIS_TIMEOUT} and goes on locally after it, and the outage handling (one warning,
 * reconnection with backoff). The Redis client library (Jedis, relocated) is loaded only when the
 * link is opened, that is when {@code AUTOBOT_REDIS_URL} is set; no class of it is loaded otherwise.
 */
package io.autobot.optimizer.agent.redis;
