package io.autobot.optimizer.samples.layers;

import java.io.Serializable;
import java.util.List;

/**
 * What one validation layer found in one file.
 *
 * @param layer the layer's name
 * @param severity {@link #PASSED}, {@link #WARNING} or {@link #CRITICAL}
 * @param findings what it found, one line each (line numbers included)
 */
public record LayerResult(String layer, String severity, List<String> findings) implements Serializable {

    public static final String PASSED = "passed";
    public static final String WARNING = "warning";
    public static final String CRITICAL = "critical";

    /** A result whose severity follows from the findings: any critical one makes it critical. */
    static LayerResult of(String layer, List<String> warnings, List<String> criticals) {
        List<String> findings = new java.util.ArrayList<>(criticals);
        findings.addAll(warnings);
        String severity = !criticals.isEmpty() ? CRITICAL : !warnings.isEmpty() ? WARNING : PASSED;
        return new LayerResult(layer, severity, List.copyOf(findings));
    }

    public boolean critical() {
        return severity.equals(CRITICAL);
    }
}
