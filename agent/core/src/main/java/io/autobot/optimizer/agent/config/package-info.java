/**
 * The agent's configuration: the typed settings (Setting, bound to the entries of the settings
 * catalogue in agent/protocol), their resolution from defaults, config file, environment, system
 * properties and agent arguments (ConfigLoader), the live values (RuntimeSettings), levels, cache
 * strategies and operation profiles. See docs/configuration.md. A bottom layer beside the call
 * contract.
 */
package io.autobot.optimizer.agent.config;
