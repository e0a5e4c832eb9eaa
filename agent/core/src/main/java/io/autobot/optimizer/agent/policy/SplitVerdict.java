package io.autobot.optimizer.agent.policy;

import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether one {@code @Parallel} method's calls may still be split. A method that showed it cannot
 * be split safely is turned off for good (until its class is transformed again), with one warning
 * naming it and why; its calls then run whole on the caller's thread.
 */
final class SplitVerdict {

    private static final Logger LOG = LoggerFactory.getLogger("io.autobot.optimizer");

    private final String method;
    private final AtomicBoolean off;

    /**
     * @param method the method's qualified name, for the warning
     * @param splits false for a method that is never split (its warning was given already)
     */
    SplitVerdict(String method, boolean splits) {
        this.method = method;
        this.off = new AtomicBoolean(!splits);
    }

    /** Whether calls may be split. */
    boolean splits() {
        return !off.get();
    }

    /** Stops splitting the method; the first call of it logs why. */
    void turnOff(String why) {
        if (off.compareAndSet(false, true)) {
            LOG.warn("{}: @Parallel: {}; it is no longer split (its calls run whole, on the caller's thread)", method,
                    why);
        }
    }
}
