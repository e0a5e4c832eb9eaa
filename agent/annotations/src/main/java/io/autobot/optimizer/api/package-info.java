/**
 * What host code uses of the agent at run time. The exceptions the agent throws into annotated
 * methods (OperationTimeoutException, RateLimitExceededException) and AgentNotAttachedException
 * are in autobot-annotations, so host code can catch them with no other dependency; the in-process
 * API (AutoBot, BenchmarkResult, OpenData) is in autobot-api. See docs/management.md.
 */
package io.autobot.optimizer.api;
