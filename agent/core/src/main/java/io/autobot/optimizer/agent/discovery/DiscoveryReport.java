package io.autobot.optimizer.agent.discovery;

import java.util.List;
import java.util.Map;

/**
 * What a discovery window found.
 *
 * @param id the window's id
 * @param state {@code sampling}, {@code observing}, {@code done}, {@code cancelled} (its client went away or it
 *     was cancelled: no figures) or {@code failed}
 * @param seconds the window's length
 * @param samples execution samples taken
 * @param observedSeconds how long the candidates were observed
 * @param restored whether every class observed has its code of before the window again (null while running)
 * @param restoredClasses per class observed, whether its code is back
 * @param rows the ranked methods (empty until done)
 * @param problems what went wrong, one line each
 */
public record DiscoveryReport(String id, String state, long seconds, long samples, double observedSeconds,
        Boolean restored, Map<String, Boolean> restoredClasses, List<DiscoveryRow> rows, List<String> problems) {

    public boolean finished() {
        return !state.equals("sampling") && !state.equals("observing");
    }
}
