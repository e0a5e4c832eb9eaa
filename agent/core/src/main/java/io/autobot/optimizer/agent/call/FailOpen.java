package io.autobot.optimizer.agent.call;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records internal failures of the agent. Each one makes the affected call run the plain method;
 * it is counted, and logged once per method and failure type so a broken path cannot flood the
 * host's log.
 */
public final class FailOpen {

    private static final Logger LOG = LoggerFactory.getLogger("io.autobot.optimizer");

    private final Set<String> reported = ConcurrentHashMap.newKeySet();
    private final LongAdder count = new LongAdder();

    /** Reports a failure; the caller then runs the plain method. */
    public void report(String stage, MethodMeta method, Throwable failure) {
        count.increment();
        if (method != null) {
            method.stats().recordInternalFailure();
        }
        String where = method == null ? "?" : method.qualifiedName();
        if (reported.add(stage + "|" + where + "|" + failure.getClass().getName())) {
            LOG.warn("internal failure in {} of {} (reported once; the call got the plain method's outcome): {}", stage,
                    where, failure.toString());
            LOG.debug("internal failure details", failure);
        }
    }

    /** How many internal failures happened since start. */
    public long count() {
        return count.sum();
    }
}
