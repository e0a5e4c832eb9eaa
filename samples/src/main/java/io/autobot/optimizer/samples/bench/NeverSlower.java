package io.autobot.optimizer.samples.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The quick benchmark's gate: no row with the agent may be slower than without it. A row (an
 * operation, or the whole session; start-up aside) fails when its median over the repetitions
 * exceeds the median without the agent by more than the measured noise allows: {@link #TOLERANCE}
 * of it plus {@link #SLACK_MILLIS} (a scheduler's time slice or two on a busy 2-core machine, which
 * dominates the rows of a few tens of milliseconds).
 */
final class NeverSlower {

    /** The relative margin: the spread of the medians of repeated runs without the agent. */
    static final double TOLERANCE = 0.10;
    /** The absolute margin for short rows. */
    static final double SLACK_MILLIS = 30;

    private NeverSlower() {
    }

    /** The rows slower with the agent than without it, one line each; empty when none is. */
    static List<String> slowerRows(Report report, List<Configuration> configurations) {
        Map<String, String> rows = new LinkedHashMap<>();
        BenchmarkRunner.OPERATION_LABELS.forEach((operation, label) -> rows.put("op." + operation + ".ms", label));
        rows.put("total.ms", "Whole session");
        List<String> slower = new ArrayList<>();
        for (Configuration configuration : configurations) {
            if (!configuration.agent()) {
                continue;
            }
            rows.forEach((key, label) -> {
                double without = report.stats("without", key).median();
                double with = report.stats(configuration.name(), key).median();
                if (with > without * (1 + TOLERANCE) + SLACK_MILLIS) {
                    slower.add(String.format(Locale.ROOT, "%s, %s: %.0f ms with the agent against %.0f ms without",
                            configuration.label(), label, with, without));
                }
            });
        }
        return slower;
    }
}
