/**
 * The host JVM's own load, as the agent's background work reads it before it runs: work that is
 * never urgent (opening and writing the disk tier, starting the management plane) waits while the
 * host leaves no core free. It depends on nothing else of the agent.
 */
package io.autobot.optimizer.agent.host;
