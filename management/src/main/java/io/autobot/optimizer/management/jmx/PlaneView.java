package io.autobot.optimizer.management.jmx;

import io.autobot.optimizer.agent.config.RuntimeSettings;
import io.autobot.optimizer.agent.discovery.Discovery;
import io.autobot.optimizer.agent.engine.Engine;
import io.autobot.optimizer.management.alert.AlertMonitor;
import io.autobot.optimizer.management.fleet.FleetControl;
import io.autobot.optimizer.management.report.ExportFormat;
import io.autobot.optimizer.management.report.Exporter;
import io.autobot.optimizer.management.report.PerformanceReport;
import io.autobot.optimizer.management.report.ReportBuilder;
import io.autobot.optimizer.management.system.SystemSampler;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * What the Optimizer bean serves from the management plane. The plane implements it and
 * registers the bean, so the beans never depend on the plane's package (no package cycle).
 */
public interface PlaneView {

    Engine engine();

    RuntimeSettings settings();

    SystemSampler sampler();

    ReportBuilder reports();

    AlertMonitor alerts();

    Exporter exporter();

    PerformanceReport report();

    List<String> recommendations();

    /** Discovery windows in this JVM; null when the agent offers none. */
    default Discovery discovery() {
        return null;
    }

    /** The fleet this JVM belongs to; null when {@code AUTOBOT_REDIS_URL} is not set. */
    default FleetControl fleet() {
        return null;
    }

    /** Writes the export document to a file of the export directory and returns its path. */
    Path export(String fileName) throws IOException;

    /** Writes the export document as {@code format} to a file of the export directory and returns its path. */
    Path export(String fileName, ExportFormat format) throws IOException;
}
