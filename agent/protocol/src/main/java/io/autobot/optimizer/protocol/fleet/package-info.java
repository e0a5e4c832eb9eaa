/**
 * What the agents of a fleet and the CLI agree on in the fleet's Redis: the key of each JVM's
 * heartbeat and its fields, the channel fleet changes are published on, and the text of a change
 * (written by one agent, validated by every other before it is applied).
 */
package io.autobot.optimizer.protocol.fleet;
