/**
 * The agent's meters registered on a Micrometer registry, by code that knows only Micrometer and
 * the JDK: it runs relocated against the agent's Micrometer (the JMX view) and unrelocated beside
 * the host's Micrometer (the host's global registry).
 */
package io.autobot.optimizer.management.metrics.micrometer;
