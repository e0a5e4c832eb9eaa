package io.autobot.optimizer.agent.cache;

import io.autobot.optimizer.agent.call.OperationStats;
import java.time.Duration;

/**
 * What a miss of one call is run and stored under.
 *
 * @param ttl how long its result lives
 * @param maxSize the largest result (and, since a key keeps its arguments, the largest key) that
 *     is stored, in estimated bytes: the profile's {@code max_file_size}
 * @param stats the method's statistics
 * @param timeLimitNanos the time limit of the policies below the cache ({@code @Timeout}), or 0
 */
public record LoadTerms(Duration ttl, long maxSize, OperationStats stats, long timeLimitNanos) {
}
