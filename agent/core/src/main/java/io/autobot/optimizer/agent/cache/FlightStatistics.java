package io.autobot.optimizer.agent.cache;

/**
 * What single flight did: callers that found another caller's run of their key in progress.
 *
 * @param waits callers that waited for another's run of their key
 * @param timedOut waits given up at the time limit: the waiter ran its own call (and stored it)
 * @param interrupted waits ended by an interrupt: the waiter ran its own call, which saw the interrupt
 */
public record FlightStatistics(long waits, long timedOut, long interrupted) {
}
