/**
 * Settings and their sources: the catalogue of settings, environment variables, system properties,
 * agent arguments and the config file merged by precedence, levels, cache strategies and operation
 * profiles, and the live {@link io.autobot.optimizer.agent.config.RuntimeSettings} that JMX changes.
 * A bottom layer beside the call contract.
 */
package io.autobot.optimizer.agent.config;
