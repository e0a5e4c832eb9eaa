/**
 * The agent's JDK Flight Recorder events ({@code io.autobot.optimizer.*}, category "AutoBot
 * Optimizer") and {@link io.autobot.optimizer.agent.jfr.FlightEvents}, the one class the rest of
 * the agent emits them through. No event class is loaded, and nothing is allocated, while no
 * recording runs; the JVM's own recording settings (a {@code .jfc} file, {@code jcmd JFR.start})
 * enable each event and set its threshold. It depends on the call contract and the configuration.
 */
package io.autobot.optimizer.agent.jfr;
