/**
 * The fleet on Redis, seen from one JVM: the heartbeat it keeps (what {@code fleet} lists), the
 * changes it publishes for every JVM of the fleet, and the subscription that applies the others'
 * changes here through the Optimizer bean's own validation and notifications.
 */
package io.autobot.optimizer.management.fleet;
