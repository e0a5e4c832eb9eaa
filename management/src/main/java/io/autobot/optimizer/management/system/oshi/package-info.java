/**
 * The OSHI probe. It is compiled against OSHI and runs only in the OSHI class loader, from a jar
 * nested in the agent jar, never on the agent's class path.
 */
package io.autobot.optimizer.management.system.oshi;
