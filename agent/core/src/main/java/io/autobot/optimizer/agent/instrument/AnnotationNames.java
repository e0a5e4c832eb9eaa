package io.autobot.optimizer.agent.instrument;

import java.util.List;

/**
 * The contract's annotations, by name: the agent never loads them to match, so a host that does
 * not have them on its class path is still safe to scan.
 */
public final class AnnotationNames {

    private static final String PACKAGE = "io.autobot.optimizer.annotations.";

    public static final String OPTIMIZED = PACKAGE + "Optimized";
    public static final String CACHED = PACKAGE + "Cached";
    public static final String PARALLEL = PACKAGE + "Parallel";
    public static final String RATE_LIMITED = PACKAGE + "RateLimited";
    public static final String BATCHED = PACKAGE + "Batched";
    public static final String TIMEOUT = PACKAGE + "Timeout";

    /** All six. */
    public static final List<String> ALL = List.of(OPTIMIZED, CACHED, PARALLEL, RATE_LIMITED, BATCHED, TIMEOUT);

    private AnnotationNames() {
    }
}
