/**
 * The agent's entry points and wiring: {@code premain}/{@code agentmain} ({@link io.autobot.optimizer.agent.Agent}),
 * the bootstrap bridge's injection, and {@link io.autobot.optimizer.agent.AgentRuntime}, which builds the
 * configuration, cache, policies, engine and instrumentation once and starts the extensions. The top
 * layer: nothing in the core depends on it (docs/architecture.md).
 */
package io.autobot.optimizer.agent;
