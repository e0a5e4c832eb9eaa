/**
 * The in-process management plane: ManagementPlane wires the MXBeans, metrics, sampling, report,
 * recommendations, auto-tuning and alerts to the running agent, on a management thread of its own,
 * and ManagementExtension plugs it into the agent. See docs/management.md.
 */
package io.autobot.optimizer.management;
