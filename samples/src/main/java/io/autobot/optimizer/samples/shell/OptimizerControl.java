package io.autobot.optimizer.samples.shell;

import java.util.List;
import java.util.Map;

/**
 * What the shell's {@code optimize ...} commands act on: one running agent. The sample's
 * interactive mode implements it over the in-process API ({@link InProcessControl}); the agent
 * jar's CLI can implement it over a JMX connection to another JVM, with the same shell.
 *
 * <p>Methods throw {@link IllegalStateException} (such as the API's
 * {@code AgentNotAttachedException}) when there is no agent to talk to and
 * {@link IllegalArgumentException} for a value the agent does not accept; the shell prints their
 * message as one line.
 */
public interface OptimizerControl {

    /** Who is being controlled, for the shell's banner, such as "this JVM" or "pid 4242". */
    String target();

    String optimizationLevel();

    void setOptimizationLevel(String level);

    String cacheStrategy();

    void setCacheStrategy(String strategy);

    /** The agent's performance report, as nested maps and lists. */
    Map<String, Object> performanceReport();

    /** The cache statistics per tier, as nested maps. */
    Map<String, Object> cacheStatistics();

    List<String> recommendations();

    void clearCache();

    void applyScenario(String scenario);

    /** Exports the performance data as JSON and returns the path written. */
    String exportPerformanceData(String fileName);
}
