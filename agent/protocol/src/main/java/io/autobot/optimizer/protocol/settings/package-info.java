/**
 * The catalogue of the agent's settings ({@link io.autobot.optimizer.protocol.settings.Catalogue}),
 * the one parser of agent arguments and the one parser of each kind of value. JDK types only, so
 * that the agent, its MXBean and the CLI, which runs without the agent's classes, read settings
 * the same way. The settings are listed in docs/configuration.md.
 */
package io.autobot.optimizer.protocol.settings;
