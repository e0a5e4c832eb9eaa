package io.autobot.optimizer.samples.app;

import io.autobot.optimizer.api.AutoBot;
import io.autobot.optimizer.protocol.attach.AttachProtocol;
import io.autobot.optimizer.samples.pipeline.WorkCounters;
import io.autobot.optimizer.cli.shell.TextFormat;
import java.io.PrintStream;
import java.util.Map;

/** Tells whether the agent runs here and what it did: the sample's own counts, then the agent's report. */
final class AgentReport {

    private AgentReport() {
    }

    /** Whether the agent runs in this JVM (with or without its management bean). */
    static boolean agentRunning() {
        return AttachProtocol.isSet(System.getProperty(AttachProtocol.STARTED_PROPERTY)) || AutoBot.isAttached();
    }

    /** One line: is the agent here, and at which level. */
    static String status() {
        if (AutoBot.isAttached()) {
            try {
                return "agent attached: level " + AutoBot.optimizationLevel() + ", cache " + AutoBot.cacheStrategy();
            } catch (RuntimeException e) {
                return "agent attached (its settings could not be read: " + e.getMessage() + ")";
            }
        }
        if (agentRunning()) {
            return "agent attached (without its management bean: level and cache as configured at start-up)";
        }
        return "no agent: every method runs as written (start with -javaagent:agent/dist/target/autobot-agent.jar"
                + " to optimize)";
    }

    static void print(WorkCounters counters, PrintStream out) {
        out.println();
        out.println("What the agent did");
        out.println("  " + status());
        out.println("  results requested by the pipeline and computed by the method bodies; the rest came from"
                + " the agent's cache");
        for (Map.Entry<String, long[]> entry : counters.snapshot().entrySet()) {
            long requested = entry.getValue()[0];
            long computed = entry.getValue()[1];
            out.printf("  %-24s %5d requested %5d computed %5d from the cache%n", entry.getKey(), requested, computed,
                    Math.max(0, requested - computed));
        }
        if (!AutoBot.isAttached()) {
            if (agentRunning()) {
                out.println("  (the agent's own performance report needs its management bean "
                        + AutoBot.OPTIMIZER_BEAN + ", which this agent build does not register)");
            }
            return;
        }
        try {
            out.println("Performance report (AutoBot.performanceReport()):");
            out.print(TextFormat.tree(AutoBot.performanceReport(), "  "));
        } catch (RuntimeException e) {
            out.println("  the performance report is not available: " + e.getMessage());
        }
    }
}
