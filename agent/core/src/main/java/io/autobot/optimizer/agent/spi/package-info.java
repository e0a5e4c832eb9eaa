/**
 * The extension interface: parts of the agent started after the engine (the management plane),
 * found with {@link java.util.ServiceLoader}, given an {@link io.autobot.optimizer.agent.spi.AgentContext}.
 */
package io.autobot.optimizer.agent.spi;
