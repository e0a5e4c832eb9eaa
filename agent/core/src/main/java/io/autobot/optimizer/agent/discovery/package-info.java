/**
 * Discovery: finds, in a JVM nobody annotated, the methods worth caching. JFR execution samples
 * say where the time goes; temporary observing advice on the hottest candidates measures their
 * cost, how often their arguments recur and whether equal arguments give equal results; every
 * temporary change is removed when the window ends or its client goes away. Uses nothing of the
 * agent's other packages (it runs beside the engine, not through it).
 */
package io.autobot.optimizer.agent.discovery;
