/**
 * Memoization: the cache key of a call, the caching policy, the result cache that routes between
 * the memory tier (Caffeine) and the disk tier, and the single flight that lets one caller compute
 * a missing key while the others wait.
 */
package io.autobot.optimizer.agent.cache;
