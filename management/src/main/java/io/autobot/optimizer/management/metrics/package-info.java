/**
 * Micrometer meters over the engine's counters, published on JMX; read when asked, nothing
 * recorded twice.
 */
package io.autobot.optimizer.management.metrics;
