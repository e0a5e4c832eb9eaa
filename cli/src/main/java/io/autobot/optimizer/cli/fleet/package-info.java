/**
 * The fleet seen from the CLI: the heartbeats the agents keep in their Redis, read with the Redis
 * client the agent jar carries (relocated), for the {@code fleet} verb.
 */
package io.autobot.optimizer.cli.fleet;
