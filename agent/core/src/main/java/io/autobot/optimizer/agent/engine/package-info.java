/**
 * Dispatch: the {@link io.autobot.optimizer.agent.engine.Engine} that the bootstrap bridge calls on
 * every intercepted call. It finds the method's pipeline by the id compiled into its advice,
 * answers cache hits on the fast path and sends the rest through the pipeline; it fails open.
 * Pipelines are built by {@link io.autobot.optimizer.agent.engine.PipelineAssembly} at registration.
 * A method whose hit is found by its one argument also gets a hit handle in the bridge
 * ({@link io.autobot.optimizer.agent.engine.DirectHit}, kept by
 * {@link io.autobot.optimizer.agent.engine.BridgeHandles}), which the bridge asks before the engine.
 */
package io.autobot.optimizer.agent.engine;
