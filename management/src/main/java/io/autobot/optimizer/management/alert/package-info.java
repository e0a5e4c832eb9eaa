/**
 * Performance alerts: thresholds on execution time, cache hit rate and memory and CPU use,
 * checked every tick, raised and cleared with a margin, sent as JMX notifications.
 */
package io.autobot.optimizer.management.alert;
