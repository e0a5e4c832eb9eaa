package io.autobot.optimizer.samples.shell;

import io.autobot.optimizer.api.AgentNotAttachedException;
import io.autobot.optimizer.api.AutoBot;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The shell's back end for the agent in this JVM, through the in-process API
 * ({@link AutoBot}). When the agent runs but its management bean is not there (an agent built
 * without the management plane), every command says so in one line.
 */
public final class InProcessControl implements OptimizerControl {

    /** The system property the agent sets once it runs. */
    public static final String STARTED_PROPERTY = "io.autobot.optimizer.started";

    @Override
    public String target() {
        if (AutoBot.isAttached()) {
            return "agent in this JVM";
        }
        return System.getProperty(STARTED_PROPERTY) != null
                ? "agent in this JVM, without its management bean" : "no agent in this JVM";
    }

    @Override
    public String optimizationLevel() {
        return call(AutoBot::optimizationLevel);
    }

    @Override
    public void setOptimizationLevel(String level) {
        call(() -> {
            AutoBot.setOptimizationLevel(level);
            return null;
        });
    }

    @Override
    public String cacheStrategy() {
        return call(AutoBot::cacheStrategy);
    }

    @Override
    public void setCacheStrategy(String strategy) {
        call(() -> {
            AutoBot.setCacheStrategy(strategy);
            return null;
        });
    }

    @Override
    public Map<String, Object> performanceReport() {
        return call(AutoBot::performanceReport);
    }

    @Override
    public Map<String, Object> cacheStatistics() {
        return call(AutoBot::cacheStatistics);
    }

    @Override
    public List<String> recommendations() {
        return call(AutoBot::recommendations);
    }

    @Override
    public void clearCache() {
        call(() -> {
            AutoBot.clearCache();
            return null;
        });
    }

    @Override
    public void applyScenario(String scenario) {
        call(() -> {
            AutoBot.applyScenario(scenario);
            return null;
        });
    }

    @Override
    public String exportPerformanceData(String fileName) {
        return call(() -> AutoBot.exportPerformanceData(fileName));
    }

    /** Runs an API call, turning a missing agent or bean into one clear message. */
    private static <T> T call(Supplier<T> apiCall) {
        try {
            return apiCall.get();
        } catch (AgentNotAttachedException e) {
            if (System.getProperty(STARTED_PROPERTY) != null) {
                throw new IllegalStateException("the agent runs in this JVM but its management bean "
                        + AutoBot.OPTIMIZER_BEAN + " is not registered (an agent built without the management"
                        + " plane); settings cannot be read or changed from here", e);
            }
            throw e;
        }
    }
}
