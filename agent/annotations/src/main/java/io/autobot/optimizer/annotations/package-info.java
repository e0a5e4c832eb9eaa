/**
 * The annotations that mark methods for the agent (@Optimized, @Cached, @Parallel, @RateLimited,
 * @Batched, @Timeout). The agent matches them by name and never loads them, so host code depends
 * on nothing else; without the agent they do nothing. See docs/annotations.md.
 */
package io.autobot.optimizer.annotations;
