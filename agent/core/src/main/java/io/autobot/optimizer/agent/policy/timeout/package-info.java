/**
 * {@code @Timeout}: bounds a call's time, fixed or adapted to the method's recent latencies. The
 * body runs on the caller's own thread; a watchdog interrupts it at the limit and the caller gets
 * an {@code OperationTimeoutException}.
 */
package io.autobot.optimizer.agent.policy.timeout;
