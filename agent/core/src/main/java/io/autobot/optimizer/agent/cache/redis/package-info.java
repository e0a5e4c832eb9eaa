/**
 * The distributed tier ({@code CACHE_STRATEGY=distributed}): results shared through Redis by every
 * JVM of the fleet, behind the memory tier, with the disk tier's keys, records, confirmation and
 * allow-list ({@link io.autobot.optimizer.agent.cache.disk.SharedEntries}); every Redis call is bounded
 * by the link ({@link io.autobot.optimizer.agent.redis.RedisLink}) and a slow or absent Redis is a miss.
 */
package io.autobot.optimizer.agent.cache.redis;
