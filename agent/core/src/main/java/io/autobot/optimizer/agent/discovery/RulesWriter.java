package io.autobot.optimizer.agent.discovery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A discovery report as a rules file (docs/attach.md): one rule per method with a suggested policy
 * (caching, splitting, throttling), with the evidence as its comment; the others are listed as
 * comments only.
 */
public final class RulesWriter {

    private RulesWriter() {
    }

    public static String write(DiscoveryReport report, String target) {
        List<String> lines = new ArrayList<>();
        lines.add("# AutoBot Optimizer discovery of " + target + " at " + Instant.now() + ": " + report.seconds()
                + "s window, " + report.samples() + " samples");
        lines.add("# Apply with: java -jar autobot-agent.jar attach <pid> rules=<this file> verify=0.01 (verify re-runs"
                + " that fraction of cache hits and compares; a rule's own cached(verify=...) wins)");
        for (DiscoveryRow row : report.rows()) {
            if (row.suggested()) {
                lines.add("");
                lines.add("# " + row.verdict() + ": " + row.evidence());
                lines.add(row.method() + "    " + row.policy() + "    # " + row.verdict());
            }
        }
        lines.add("");
        lines.add("# Not suggested:");
        for (DiscoveryRow row : report.rows()) {
            if (!row.suggested()) {
                lines.add("#   " + row.method() + ": " + row.verdict());
            }
        }
        return String.join("\n", lines) + "\n";
    }
}
