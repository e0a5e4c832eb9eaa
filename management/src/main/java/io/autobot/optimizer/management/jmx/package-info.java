/**
 * The agent's MXBeans in the io.autobot.optimizer domain: type=Optimizer (settings, whose
 * attributes and validation come from the settings catalogue; report; operations),
 * type=Operation, type=Cache and type=System; open types only. See docs/management.md.
 */
package io.autobot.optimizer.management.jmx;
