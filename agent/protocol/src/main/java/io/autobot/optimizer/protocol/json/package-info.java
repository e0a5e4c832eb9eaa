/**
 * The JSON the agent's exports and the CLI's {@code --json} answers are written in: maps, lists,
 * strings, numbers and booleans written with Jackson jr, shared by the management plane and the CLI
 * so that both write the same text.
 */
package io.autobot.optimizer.protocol.json;
