package io.autobot.optimizer.agent;

import io.autobot.optimizer.agent.config.AgentConfig;
import io.autobot.optimizer.agent.config.ConfigLoader;
import io.autobot.optimizer.agent.config.Setting;
import io.autobot.optimizer.protocol.attach.AttachResult;
import java.io.IOException;
import java.util.Map;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A second attach to a JVM where the agent runs: the settings it names are applied to the running
 * agent, settings fixed at start-up are reported, and a {@code rules} file re-selects the methods
 * (original code back, then the new selection instrumented); a rules file that is refused leaves
 * the running selection as it was.
 */
final class Reattach {

    private static final Logger LOG = LoggerFactory.getLogger("io.autobot.optimizer");

    private Reattach() {
    }

    static void apply(AgentRuntime runtime, String arguments, AttachResult result) throws IOException {
        AgentConfig update = ConfigLoader.load(arguments, Map.of(), new Properties(), StartProblems::report);
        for (Setting<?> setting : Setting.all()) {
            if (update.origin(setting).equals("default")) {
                continue; // not named by this attach
            }
            if (setting == Setting.RULES && !reselect(runtime, update)) {
                continue;
            }
            apply(runtime, setting, update, result);
        }
        for (String[] override : update.profileOverrides()) {
            runtime.settings().profiles().set(override[0], override[1], override[2]);
            result.applied("profile." + override[0] + "." + override[1] + "=" + override[2]);
        }
        LOG.info("AutoBot Optimizer is already running in this JVM; {}", result.applied().isEmpty()
                ? "no setting was given to change" : "applied " + String.join(", ", result.applied()));
    }

    /** Selects the methods anew with the new rules file; a refused file leaves the running selection. */
    private static boolean reselect(AgentRuntime runtime, AgentConfig update) throws IOException {
        try {
            runtime.reselect(AgentWiring.selectors(update, StartProblems::report));
            return true;
        } catch (IllegalArgumentException refused) {
            StartProblems.report(refused.getMessage() + "; the methods selected before stay instrumented");
            return false;
        }
    }

    private static <T> void apply(AgentRuntime runtime, Setting<T> setting, AgentConfig update, AttachResult result) {
        T value = update.get(setting);
        try {
            runtime.settings().set(setting, value);
            result.applied(setting.key() + "=" + setting.format(value));
        } catch (IllegalArgumentException e) {
            StartProblems.report(e.getMessage() + "; detach and attach again to change it");
        }
    }
}
