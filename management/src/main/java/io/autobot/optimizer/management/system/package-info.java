/**
 * Sampling of the host: CPU and memory, through OSHI in a class loader of its own when it can be
 * loaded, else through the JDK's own beans; at most once a second.
 */
package io.autobot.optimizer.management.system;
