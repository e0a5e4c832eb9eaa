package io.autobot.optimizer.management.jmx;

import io.autobot.optimizer.agent.discovery.DiscoveryReport;
import io.autobot.optimizer.agent.discovery.DiscoveryRow;
import io.autobot.optimizer.agent.discovery.RulesWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A discovery report as the Optimizer MXBean returns it (open types: a {@code CompositeData}).
 * {@code rules} is the report written as a rules file; nothing is written on the target's disk.
 */
public final class DiscoveryData {

    private final DiscoveryReport report;
    private final String rules;

    private DiscoveryData(DiscoveryReport report, String rules) {
        this.report = report;
        this.rules = rules;
    }

    static DiscoveryData of(DiscoveryReport report, String target) {
        return new DiscoveryData(report, report.state().equals("done") ? RulesWriter.write(report, target) : "");
    }

    public String getId() {
        return report.id();
    }

    public String getState() {
        return report.state();
    }

    public long getSeconds() {
        return report.seconds();
    }

    public long getSamples() {
        return report.samples();
    }

    public double getObservedSeconds() {
        return report.observedSeconds();
    }

    /** Whether every observed class has its code of before again; false while the window runs. */
    public boolean getRestored() {
        return Boolean.TRUE.equals(report.restored());
    }

    public Map<String, Boolean> getRestoredClasses() {
        return report.restoredClasses();
    }

    public List<Row> getRows() {
        List<Row> rows = new ArrayList<>();
        for (DiscoveryRow row : report.rows()) {
            rows.add(new Row(row));
        }
        return rows;
    }

    public List<String> getProblems() {
        return report.problems();
    }

    public String getRules() {
        return rules;
    }

    /** One ranked method. */
    public static final class Row {
        private final DiscoveryRow row;

        Row(DiscoveryRow row) {
            this.row = row;
        }

        public String getMethod() {
            return row.method();
        }

        public long getSamples() {
            return row.samples();
        }

        public double getShare() {
            return row.share();
        }

        public long getCalls() {
            return row.calls();
        }

        public double getMeanCostMicros() {
            return row.meanCostMicros();
        }

        public double getRepeatRate() {
            return row.repeatRate();
        }

        public double getSavedMillisPerMinute() {
            return row.savedMillisPerMinute();
        }

        public String getVerdict() {
            return row.verdict();
        }

        public String getPolicy() {
            return row.policy();
        }

        public String getEvidence() {
            return row.evidence();
        }
    }
}
