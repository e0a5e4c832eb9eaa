package io.autobot.optimizer.management;

import io.autobot.optimizer.agent.Version;
import io.autobot.optimizer.agent.cache.TierStatistics;
import io.autobot.optimizer.agent.call.MethodMeta;
import io.autobot.optimizer.agent.config.RuntimeSettings;
import io.autobot.optimizer.agent.config.Setting;
import io.autobot.optimizer.agent.engine.Engine;
import io.autobot.optimizer.management.alert.AlertMonitor;
import io.autobot.optimizer.management.fleet.FleetControl;
import io.autobot.optimizer.management.jmx.OptimizerBean;
import io.autobot.optimizer.management.jmx.PlaneView;
import io.autobot.optimizer.management.opendata.Composites;
import io.autobot.optimizer.agent.discovery.Discovery;
import io.autobot.optimizer.management.recommend.Advisor;
import io.autobot.optimizer.management.recommend.Figures;
import io.autobot.optimizer.management.recommend.Recommendation;
import io.autobot.optimizer.management.report.Counters;
import io.autobot.optimizer.management.report.ExportFormat;
import io.autobot.optimizer.management.report.Exporter;
import io.autobot.optimizer.management.report.History;
import io.autobot.optimizer.management.report.HtmlReport;
import io.autobot.optimizer.management.report.Operations;
import io.autobot.optimizer.management.report.PerformanceReport;
import io.autobot.optimizer.management.report.ReportBuilder;
import io.autobot.optimizer.management.report.Timeline;
import io.autobot.optimizer.management.system.SystemSample;
import io.autobot.optimizer.management.system.SystemSampler;
import io.autobot.optimizer.management.tune.AutoTuner;
import io.autobot.optimizer.protocol.json.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The management plane's parts, wired to one engine: report, recommendations, alerts,
 * auto-tuning, system sampling and export. The beans are thin views over it; the tick keeps the
 * throughput window, the alerts and the tuner going.
 */
public final class ManagementPlane implements PlaneView {

    /**
     * How long the first read of the report may wait for the first system sample (sampling starts
     * on that read: OSHI loads in a few hundred milliseconds), so that it shows figures, not NaN.
     */
    private static final Duration FIRST_SAMPLE_WAIT = Duration.ofSeconds(2);

    private final Engine engine;
    private final SystemSampler sampler;
    private final Timeline timeline = new Timeline();
    private final History history = new History();
    private final ReportBuilder reports;
    private final Advisor advisor;
    private final AlertMonitor alerts;
    private final AutoTuner tuner;
    private final Exporter exporter;
    private volatile OptimizerBean optimizer;
    private volatile Discovery discovery;
    private volatile FleetControl fleet;

    public ManagementPlane(Engine engine, SystemSampler sampler) {
        this.engine = engine;
        this.sampler = sampler;
        this.reports = new ReportBuilder(engine, timeline, sampler);
        this.advisor = new Advisor(engine.settings());
        this.alerts = new AlertMonitor(engine.settings(), alert -> {
            OptimizerBean bean = optimizer;
            if (bean != null) {
                bean.alert(alert);
            }
        });
        this.tuner = new AutoTuner(engine.settings(), advisor, this::figures);
        this.exporter = new Exporter(engine.settings().exportDirectory());
    }

    /** Sends a verification mismatch as a notification of the {@code type=Optimizer} bean. */
    public final io.autobot.optimizer.agent.cache.CachingPolicy.MismatchListener mismatches = (method, description) -> {
        OptimizerBean bean = optimizer;
        if (bean != null) {
            bean.mismatch(method.qualifiedName(), description);
        }
    };

    /** The agent's discovery windows, offered by the Optimizer bean. */
    public void discovery(Discovery windows) {
        this.discovery = windows;
    }

    @Override
    public Discovery discovery() {
        return discovery;
    }

    /** The fleet this JVM belongs to (its Redis URL is set). */
    public void fleet(FleetControl control) {
        this.fleet = control;
    }

    @Override
    public FleetControl fleet() {
        return fleet;
    }

    /** The bean that receives alerts to send. */
    public void optimizer(OptimizerBean bean) {
        this.optimizer = bean;
    }

    @Override
    public Engine engine() {
        return engine;
    }

    @Override
    public RuntimeSettings settings() {
        return engine.settings();
    }

    @Override
    public SystemSampler sampler() {
        return sampler;
    }

    @Override
    public ReportBuilder reports() {
        return reports;
    }

    @Override
    public AlertMonitor alerts() {
        return alerts;
    }

    @Override
    public Exporter exporter() {
        return exporter;
    }

    @Override
    public PerformanceReport report() {
        sampler.awaitFirstSample(FIRST_SAMPLE_WAIT);
        return reports.build();
    }

    /** The recommendations over everything measured since start (or the last reset). */
    @Override
    public List<String> recommendations() {
        sampler.ensureStarted();
        List<String> texts = new ArrayList<>();
        Figures figures = figures();
        for (Recommendation recommendation : advisor.advise(figures)) {
            texts.add(recommendation.text());
        }
        for (Recommendation recommendation : advisor.workers(engine.registry().all(), figures.system().systemCpu())) {
            texts.add(recommendation.text());
        }
        texts.addAll(Advisor.valueSemantics(engine.registry().all()));
        return texts;
    }

    /** The figures the rules read, since start: counters, system averages, memory tier. */
    public Figures figures() {
        Map<String, Counters> operations = new LinkedHashMap<>();
        Counters total = Counters.ZERO;
        for (Map.Entry<String, List<MethodMeta>> entry : reports.operations().byName().entrySet()) {
            Counters counters = Operations.counters(entry.getValue());
            operations.put(entry.getKey(), counters);
            total = total.plus(counters);
        }
        TierStatistics memory = memoryTier();
        return new Figures(total, operations, sampler.started() ? sampler.average() : sampler.latest(),
                memory.utilization(), memory.evictions());
    }

    private TierStatistics memoryTier() {
        for (TierStatistics statistics : engine.cache().statistics()) {
            if (statistics.tier().equals("memory")) {
                return statistics;
            }
        }
        return new TierStatistics("memory", 0, 0, 0, 0, 0, -1, 0);
    }

    /** The counters of every operation added up, since start (or the last reset). */
    public Counters total() {
        Counters total = Counters.ZERO;
        for (List<MethodMeta> methods : reports.operations().byName().values()) {
            total = total.plus(Operations.counters(methods));
        }
        return total;
    }

    /** Once a second: the throughput window, the alerts, the tuner. */
    public void tick() {
        long now = System.nanoTime();
        Map<String, Long> calls = new LinkedHashMap<>();
        Counters total = Counters.ZERO;
        for (Map.Entry<String, List<MethodMeta>> entry : reports.operations().byName().entrySet()) {
            Counters counters = Operations.counters(entry.getValue());
            calls.put(entry.getKey(), counters.calls());
            total = total.plus(counters);
        }
        Counters window = timeline.window(total);
        timeline.record(now, total, calls);
        history.record(System.currentTimeMillis(), total, sampler.started() ? sampler.latest() : null);
        SystemSample system = sampler.started() ? sampler.average() : null;
        alerts.check(window, system, memoryTier().utilization());
        tuner.tick(now);
    }

    /** Writes the JSON export and returns where. */
    @Override
    public Path export(String fileName) throws IOException {
        return export(fileName, ExportFormat.JSON);
    }

    /** Writes the export document as JSON or as the HTML page of the same document, and returns where. */
    @Override
    public Path export(String fileName, ExportFormat format) throws IOException {
        exporter.resolve(fileName, format); // a refused name is refused before the report is built
        Map<String, Object> document = exportDocument();
        String content = format == ExportFormat.HTML ? HtmlReport.render(document) : Json.write(document);
        return exporter.write(fileName, format, content);
    }

    /** Everything the export holds: settings, report, cache statistics, system, advice, alerts. */
    public Map<String, Object> exportDocument() {
        sampler.awaitFirstSample(FIRST_SAMPLE_WAIT);
        PerformanceReport report = reports.build();
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("agent", "AutoBot Optimizer");
        document.put("version", Version.get());
        document.put("generated_at", Instant.now().toString());
        Map<String, Object> settingsMap = new LinkedHashMap<>();
        for (Setting<?> setting : Setting.all()) {
            settingsMap.put(setting.environmentVariable(), format(setting));
        }
        document.put("settings", settingsMap);
        Map<String, Object> figures = Composites.toMap(report); // the keys the beans show as items
        document.put("summary", figures.get("summary"));
        document.put("operations", figures.get("operations"));
        document.put("cache_statistics", Composites.toMap(reports.cacheStatistics()));
        SystemSample system = sampler.latest();
        Map<String, Object> systemMap = new LinkedHashMap<>();
        systemMap.put("source", sampler.status());
        systemMap.put("system_cpu_usage", system.systemCpu() * 100);
        systemMap.put("process_cpu_usage", system.processCpu() * 100);
        systemMap.put("memory_total", system.memoryTotal());
        systemMap.put("memory_usage", system.memoryUsagePercent());
        systemMap.put("heap_usage", system.heapUsagePercent());
        document.put("system", systemMap);
        document.put("recommendations", recommendations());
        document.put("active_alerts", alerts.active());
        document.put("last_hour", history.readings());
        return document;
    }

    private <T> String format(Setting<T> setting) {
        return setting.format(engine.settings().get(setting));
    }
}
