/**
 * Micrometer meters over the engine's counters: on the host's global registry, through the host's
 * own Micrometer, when it has one; else on JMX through the agent's relocated Micrometer. Read when
 * asked, nothing recorded twice.
 */
package io.autobot.optimizer.management.metrics;
