/**
 * {@code @Batched}: coalesces concurrent single calls into one call of the batch method and hands
 * each caller its own element of the batch's result.
 */
package io.autobot.optimizer.agent.policy.batch;
