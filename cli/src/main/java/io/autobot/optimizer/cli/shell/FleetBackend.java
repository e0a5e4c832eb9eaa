package io.autobot.optimizer.cli.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A command's back end under {@code --fleet}: the changes it makes (a setting, a scenario,
 * clearing the cache) go through the target's fleet operations, which apply them there and publish
 * them to every JVM of its fleet; everything else is the target's. Remembers what the target said.
 */
final class FleetBackend implements OptimizerBackend {

    private final OptimizerBackend target;
    private final List<String> published = new ArrayList<>();

    FleetBackend(OptimizerBackend target) {
        this.target = target;
    }

    /** What the target said about each change it published. */
    List<String> published() {
        return published;
    }

    @Override
    public void set(String attribute, String value) {
        published.add(target.applyToFleet(attribute, value));
    }

    @Override
    public void applyScenario(String scenario) {
        target.applyScenarioToFleet(scenario);
        published.add("scenario " + scenario + " applied here and published to the fleet");
    }

    @Override
    public void clearCache() {
        published.add(target.clearFleetCache());
    }

    @Override
    public String target() {
        return target.target();
    }

    @Override
    public Map<String, Object> settings() {
        return target.settings();
    }

    @Override
    public String agentVersion() {
        return target.agentVersion();
    }

    @Override
    public Map<String, Object> performanceReport() {
        return target.performanceReport();
    }

    @Override
    public Map<String, Object> cacheStatistics() {
        return target.cacheStatistics();
    }

    @Override
    public List<String> recommendations() {
        return target.recommendations();
    }

    @Override
    public String exportPerformanceData(String file, String format) {
        return target.exportPerformanceData(file, format);
    }

    @Override
    public List<Map<String, Object>> fleet() {
        return target.fleet();
    }
}
