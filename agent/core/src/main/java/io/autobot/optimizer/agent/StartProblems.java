package io.autobot.optimizer.agent;

import io.autobot.optimizer.protocol.attach.AttachResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where problems met while the agent starts or is attached again go: the log, and the answer the
 * CLI prints for that attach, so that a user who attached sees them without reading the target's
 * output.
 */
final class StartProblems {

    private static final Logger LOG = LoggerFactory.getLogger("io.autobot.optimizer");
    /** The answer being built by a start or update (starts are serialized by the runtime). */
    private static volatile AttachResult collecting;

    private StartProblems() {
    }

    /** Collects the problems reported from now on into {@code result}; null stops collecting. */
    static void collectInto(AttachResult result) {
        collecting = result;
    }

    /** Logs a problem; during a start or update it also goes into the answer the CLI prints. */
    static void report(String problem) {
        LOG.warn(problem);
        AttachResult result = collecting;
        if (result != null) {
            result.problem(problem);
        }
    }
}
