/**
 * Dispatch: the {@link io.autobot.optimizer.agent.engine.Engine} that the bootstrap bridge calls on
 * every intercepted call. It finds the method's pipeline by the id compiled into its advice,
 * answers cache hits on the fast path and sends the rest through the pipeline; it fails open.
 * Pipelines are built by {@link io.autobot.optimizer.agent.engine.PipelineAssembly} at registration.
 */
package io.autobot.optimizer.agent.engine;
