package io.autobot.optimizer.agent.engine;

import io.autobot.optimizer.agent.cache.PendingLoad;
import io.autobot.optimizer.agent.call.MethodMeta;

/**
 * A cached call whose body runs in the host's own frame (a miss of a method that only caches):
 * what its exit needs to finish it.
 *
 * @param frame the argument array of the call's frame, which tells it from every other call
 * @param method the method
 * @param load what stores the result (and releases the callers waiting for it)
 * @param startNanos when the call entered the agent, for its statistics
 */
record InlineCall(Object[] frame, MethodMeta method, PendingLoad load, long startNanos) {

    /** The call's exit never came: release those waiting for its result, store nothing. */
    void abandon() {
        load.abandon();
    }
}
