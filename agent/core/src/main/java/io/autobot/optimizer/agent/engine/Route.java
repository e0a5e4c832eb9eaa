package io.autobot.optimizer.agent.engine;

import io.autobot.optimizer.agent.call.MethodMeta;

/**
 * A registered method and the pipeline the engine sends its calls through. Kept by the engine,
 * not by {@link MethodMeta}, so that the call contract knows nothing of how calls are dispatched;
 * the advice's method id reaches both with one array read.
 */
final class Route {

    private final MethodMeta method;
    private volatile Pipeline pipeline;

    Route(MethodMeta method) {
        this.method = method;
    }

    MethodMeta method() {
        return method;
    }

    /** The pipeline, or null while the method runs unoptimized. */
    Pipeline pipeline() {
        return pipeline;
    }

    void pipeline(Pipeline pipeline) {
        this.pipeline = pipeline;
    }
}
