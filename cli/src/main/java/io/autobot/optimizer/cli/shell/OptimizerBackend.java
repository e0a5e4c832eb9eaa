package io.autobot.optimizer.cli.shell;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the command shell needs from a running agent, in JDK types only: the agent's settings,
 * its report and its operations. {@link MBeanBackend} implements it over JMX, for the agent of
 * this JVM or of another one.
 *
 * <p>Every method may throw {@link io.autobot.optimizer.api.AgentNotAttachedException} when the
 * agent does not run in the target, {@link TargetUnavailableException} when the target cannot be
 * reached any more (it exited), and {@link IllegalArgumentException} for a value the agent does
 * not accept, with a one-line message saying what is accepted.
 */
public interface OptimizerBackend {

    /** The JVM talked to, for messages: {@code process 1234} or {@code this JVM}. */
    String target();

    /**
     * The writable settings with their values, by MXBean attribute name ({@code OptimizationLevel},
     * {@code CacheStrategy}, ...), in the contract's order. Attributes the agent does not have are
     * left out.
     */
    Map<String, Object> settings();

    /**
     * What {@code status} shows: {@code version} ({@link #agentVersion()}), {@code settings}
     * ({@link #settings()}) and {@code cacheStatistics} ({@link #cacheStatistics()}), in that order.
     * A back end over a connection reads them in one round trip.
     */
    default Map<String, Object> status() {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("version", agentVersion());
        status.put("settings", settings());
        status.put("cacheStatistics", cacheStatistics());
        return status;
    }

    /** The version of the agent there; null when it does not say. */
    default String agentVersion() {
        return null;
    }

    /** Changes one setting from text; the text is converted to the attribute's type. */
    void set(String attribute, String value);

    /** The performance report, as nested maps and lists. */
    Map<String, Object> performanceReport();

    /** Cache statistics per tier, as nested maps. */
    Map<String, Object> cacheStatistics();

    /** What the agent recommends changing. */
    List<String> recommendations();

    /** Empties every cache tier. */
    void clearCache();

    /** Applies a scenario preset such as {@code large_repository_analysis}. */
    void applyScenario(String scenario);

    /**
     * Writes the performance data and returns the path written (in the target's file system).
     *
     * @param format {@code json} or {@code html}; null: as the file name says ({@code .html}: HTML, else JSON)
     */
    String exportPerformanceData(String file, String format);

    /** Starts a discovery window in the target (docs/discovery.md) and returns its id. */
    default String startDiscovery(List<String> includes, String duration, int top) {
        throw new UnsupportedOperationException("the agent in " + target() + " offers no discovery");
    }

    /** The window's state and, once done, its report, as nested maps; renews the window's lease. */
    default Map<String, Object> pollDiscovery(String id) {
        throw new UnsupportedOperationException("the agent in " + target() + " offers no discovery");
    }

    /** Ends the window now; its temporary changes are removed. */
    default void cancelDiscovery(String id) {
        throw new UnsupportedOperationException("the agent in " + target() + " offers no discovery");
    }

    /** The fleet's JVMs from their heartbeats, as the agent there reads them in its Redis (docs/fleet.md). */
    default List<Map<String, Object>> fleet() {
        throw noFleet();
    }

    /** Sets an attribute there and publishes the change to its fleet; returns what was done. */
    default String applyToFleet(String attribute, String value) {
        throw noFleet();
    }

    /** Applies a scenario there and in its fleet; returns what was set. */
    default String applyScenarioToFleet(String scenario) {
        throw noFleet();
    }

    /** Empties every cache tier there and in its fleet; returns what was done. */
    default String clearFleetCache() {
        throw noFleet();
    }

    private UnsupportedOperationException noFleet() {
        return new UnsupportedOperationException("the agent in " + target() + " offers no fleet operations");
    }
}
