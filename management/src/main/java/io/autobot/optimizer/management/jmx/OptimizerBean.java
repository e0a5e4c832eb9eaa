package io.autobot.optimizer.management.jmx;

import io.autobot.optimizer.agent.Version;
import io.autobot.optimizer.agent.discovery.Discovery;
import io.autobot.optimizer.agent.discovery.DiscoveryOptions;
import io.autobot.optimizer.agent.config.RuntimeSettings;
import io.autobot.optimizer.agent.config.Setting;
import io.autobot.optimizer.management.alert.Alert;
import io.autobot.optimizer.management.fleet.FleetControl;
import io.autobot.optimizer.management.fleet.LocalChanges;
import io.autobot.optimizer.protocol.settings.Catalogue;
import io.autobot.optimizer.protocol.settings.SettingDef;
import io.autobot.optimizer.management.report.CacheStatistics;
import io.autobot.optimizer.management.report.ExportFormat;
import io.autobot.optimizer.management.report.PerformanceReport;
import io.autobot.optimizer.management.scenario.Scenarios;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.AttributeChangeNotification;
import javax.management.MBeanNotificationInfo;
import javax.management.Notification;
import javax.management.NotificationBroadcasterSupport;
import javax.management.NotificationFilter;
import javax.management.NotificationListener;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeDataSupport;
import javax.management.openmbean.CompositeType;
import javax.management.openmbean.OpenDataException;
import javax.management.openmbean.OpenType;
import javax.management.openmbean.SimpleType;

/**
 * The {@code type=Optimizer} bean. Writes go through {@link RuntimeSettings#set(String, String)},
 * which validates and tells every listener; this bean is one of them and turns each change, from
 * whatever source, into an {@link AttributeChangeNotification}.
 */
public final class OptimizerBean extends NotificationBroadcasterSupport implements OptimizerMXBean,
        RuntimeSettings.Listener, LocalChanges {

    public static final String NAME = "io.autobot.optimizer:type=Optimizer";
    private static final CompositeType ALERT_DATA = alertType();

    private final PlaneView plane;
    private final RuntimeSettings settings;
    private final ObjectName name;
    private final AtomicLong sequence = new AtomicLong();

    public OptimizerBean(PlaneView plane) {
        super(notificationInfo());
        this.plane = plane;
        this.settings = plane.settings();
        this.name = Beans.name(NAME);
    }

    public ObjectName objectName() {
        return name;
    }

    /** Sets a setting from its attribute; a value it does not accept is refused naming the attribute. */
    private void set(Setting<?> setting, String text) {
        try {
            settings.set(setting.key(), text);
        } catch (IllegalArgumentException e) {
            SettingAttributes.Attribute attribute = SettingAttributes.of(setting);
            if (attribute == null) {
                throw e;
            }
            throw new IllegalArgumentException(attribute.name() + "=" + text + " is not accepted: expected "
                    + setting.definition().accepted(), e);
        }
    }

    @Override
    public String getOptimizationLevel() {
        return settings.level().id();
    }

    @Override
    public void setOptimizationLevel(String level) {
        set(Setting.LEVEL, level);
    }

    @Override
    public String getCacheStrategy() {
        return settings.cacheStrategy().id();
    }

    @Override
    public void setCacheStrategy(String strategy) {
        set(Setting.CACHE_STRATEGY, strategy);
    }

    @Override
    public int getMaxWorkers() {
        return settings.maxWorkers();
    }

    @Override
    public void setMaxWorkers(int workers) {
        set(Setting.MAX_WORKERS, String.valueOf(workers));
    }

    @Override
    public boolean isParallelEnabled() {
        return settings.parallelEnabled();
    }

    @Override
    public void setParallelEnabled(boolean enabled) {
        set(Setting.PARALLEL, String.valueOf(enabled));
    }

    @Override
    public int getCacheSize() {
        return settings.cacheSize();
    }

    @Override
    public void setCacheSize(int entries) {
        set(Setting.CACHE_SIZE, String.valueOf(entries));
    }

    @Override
    public boolean isRequestThrottling() {
        return settings.requestThrottling();
    }

    @Override
    public void setRequestThrottling(boolean enabled) {
        set(Setting.REQUEST_THROTTLING, String.valueOf(enabled));
    }

    @Override
    public double getMaxRequestsPerSecond() {
        return settings.maxRequestsPerSecond();
    }

    @Override
    public void setMaxRequestsPerSecond(double rate) {
        set(Setting.MAX_REQUESTS_PER_SECOND, SettingAttributes.seconds(rate));
    }

    @Override
    public boolean isBatchProcessing() {
        return settings.batchProcessing();
    }

    @Override
    public void setBatchProcessing(boolean enabled) {
        set(Setting.BATCH_PROCESSING, String.valueOf(enabled));
    }

    @Override
    public int getBatchSize() {
        return settings.batchSize();
    }

    @Override
    public void setBatchSize(int size) {
        set(Setting.BATCH_SIZE, String.valueOf(size));
    }

    @Override
    public double getMaxBatchWaitTime() {
        return SettingAttributes.toSeconds(settings.maxBatchWaitTime());
    }

    @Override
    public void setMaxBatchWaitTime(double seconds) {
        set(Setting.MAX_BATCH_WAIT_TIME, SettingAttributes.seconds(seconds));
    }

    @Override
    public double getVerifyFraction() {
        return settings.get(Setting.VERIFY);
    }

    @Override
    public void setVerifyFraction(double fraction) {
        set(Setting.VERIFY, SettingAttributes.seconds(fraction)); // plain decimal text, never exponent notation
    }

    /**
     * Verification found a cached method whose body now returns something else: one notification
     * ({@value #MISMATCH}), naming the method and the classes of the call, never its values.
     */
    public void mismatch(String method, String description) {
        Notification notification = new Notification(MISMATCH, name, sequence.incrementAndGet(),
                System.currentTimeMillis(), method + ": verification found a cached result that differs from what"
                        + " the method returns now (" + description + "); the method is no longer cached");
        notification.setUserData(method);
        sendNotification(notification);
    }

    /** The type of the notification of a verification mismatch. */
    public static final String MISMATCH = "io.autobot.optimizer.verification.mismatch";

    @Override
    public boolean isAutoTuning() {
        return settings.get(Setting.AUTOTUNE);
    }

    @Override
    public void setAutoTuning(boolean enabled) {
        set(Setting.AUTOTUNE, String.valueOf(enabled));
    }

    @Override
    public double getAutoTuningInterval() {
        return SettingAttributes.toSeconds(settings.get(Setting.AUTOTUNE_INTERVAL));
    }

    @Override
    public void setAutoTuningInterval(double seconds) {
        set(Setting.AUTOTUNE_INTERVAL, SettingAttributes.seconds(seconds));
    }

    @Override
    public double getAlertExecutionTime() {
        return SettingAttributes.toSeconds(settings.get(Setting.ALERT_EXECUTION_TIME));
    }

    @Override
    public void setAlertExecutionTime(double seconds) {
        set(Setting.ALERT_EXECUTION_TIME, SettingAttributes.seconds(seconds));
    }

    @Override
    public double getAlertHitRate() {
        return settings.get(Setting.ALERT_HIT_RATE);
    }

    @Override
    public void setAlertHitRate(double rate) {
        set(Setting.ALERT_HIT_RATE, SettingAttributes.seconds(rate));
    }

    @Override
    public double getAlertMemoryUsage() {
        return settings.get(Setting.ALERT_MEMORY);
    }

    @Override
    public void setAlertMemoryUsage(double percent) {
        set(Setting.ALERT_MEMORY, SettingAttributes.seconds(percent));
    }

    @Override
    public int getEffectiveWorkers() {
        return settings.effectiveWorkers();
    }

    @Override
    public long getEffectiveCacheSize() {
        return settings.effectiveCacheSize();
    }

    @Override
    public boolean isParallelActive() {
        return settings.parallelActive();
    }

    @Override
    public boolean isBatchingActive() {
        return settings.batchingActive();
    }

    @Override
    public PerformanceReport getPerformanceReport() {
        return plane.report();
    }

    @Override
    public CacheStatistics getCacheStatistics() {
        return plane.reports().cacheStatistics();
    }

    @Override
    public String[] getRecommendations() {
        return plane.recommendations().toArray(new String[0]);
    }

    @Override
    public String[] getActiveAlerts() {
        return plane.alerts().active().toArray(new String[0]);
    }

    @Override
    public String[] getScenarios() {
        return Scenarios.PRESETS.keySet().toArray(new String[0]);
    }

    @Override
    public String[] getOperations() {
        return plane.reports().operations().byName().keySet().toArray(new String[0]);
    }

    @Override
    public String getExportDirectory() {
        return plane.exporter().directory().toString();
    }

    @Override
    public long getInternalFailures() {
        return plane.engine().failOpen().count();
    }

    @Override
    public String getVersion() {
        return Version.get();
    }

    @Override
    public void clearCache() {
        plane.engine().clearCache();
    }

    @Override
    public String applyScenario(String scenario) {
        return Scenarios.apply(scenario, settings);
    }

    /** A writable attribute from its text: the catalogue's parsing and validation, as every setter. */
    @Override
    public void setAttribute(String attribute, String value) {
        SettingDef definition = attribute == null ? null : Catalogue.byAttribute(attribute);
        if (definition == null || definition.attribute() == null) {
            throw new IllegalArgumentException("the Optimizer bean has no writable attribute " + attribute
                    + ": expected one of " + String.join(", ", Catalogue.statusAttributes()));
        }
        if (value == null) {
            throw new IllegalArgumentException(definition.attribute() + " needs a value: " + definition.accepted());
        }
        settings.set(definition.key(), value);
    }

    @Override
    public List<Map<String, String>> getFleet() {
        FleetControl fleet = plane.fleet();
        return fleet == null ? List.of() : fleet.members();
    }

    @Override
    public String applyToFleet(String attribute, String value) {
        FleetControl fleet = fleet();
        setAttribute(attribute, value);
        String name = Catalogue.byAttribute(attribute).attribute();
        fleet.publish(fleet.set(name, value.trim()));
        return name + " = " + value.trim() + " here and published to the fleet on " + fleet.redis();
    }

    @Override
    public String applyScenarioToFleet(String scenario) {
        FleetControl fleet = fleet();
        String applied = applyScenario(scenario);
        fleet.publish(fleet.scenario(scenario.trim()));
        return applied;
    }

    @Override
    public String clearFleetCache() {
        FleetControl fleet = fleet();
        clearCache();
        fleet.publish(fleet.clear());
        return "every cache tier emptied here and the clearing published to the fleet on " + fleet.redis();
    }

    private FleetControl fleet() {
        FleetControl fleet = plane.fleet();
        if (fleet == null) {
            throw new UnsupportedOperationException("this JVM is not in a fleet: AUTOBOT_REDIS_URL is not set"
                    + " (docs/fleet.md)");
        }
        return fleet;
    }

    @Override
    public String exportPerformanceData(String fileName) {
        return exportPerformanceData(fileName, null); // the format follows the name: .html or else JSON
    }

    @Override
    public String exportPerformanceData(String fileName, String format) {
        try {
            return plane.export(fileName, ExportFormat.of(fileName, format)).toString();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the export: " + e.getMessage(), e);
        }
    }

    @Override
    public void resetStatistics() {
        plane.reports().reset();
    }

    @Override
    public DiscoveryData discover(String[] includes, String duration, int top) {
        try {
            return DiscoveryData.of(discovery().run(discoveryOptions(includes, duration, top, null)), "this JVM");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("discovery interrupted");
        }
    }

    @Override
    public String startDiscovery(String[] includes, String duration, int top) {
        return discovery().start(discoveryOptions(includes, duration, top, DISCOVERY_LEASE));
    }

    @Override
    public DiscoveryData pollDiscovery(String id) {
        return DiscoveryData.of(discovery().poll(id), "process " + ProcessHandle.current().pid());
    }

    @Override
    public void cancelDiscovery(String id) {
        discovery().cancel(id);
    }

    private static final java.time.Duration DISCOVERY_LEASE = java.time.Duration.ofSeconds(10);

    private Discovery discovery() {
        Discovery discovery = plane.discovery();
        if (discovery == null) {
            throw new UnsupportedOperationException("this agent offers no discovery");
        }
        return discovery;
    }

    private static DiscoveryOptions discoveryOptions(String[] includes, String duration, int top,
            java.time.Duration lease) {
        return new DiscoveryOptions(includes == null ? java.util.List.of() : java.util.List.of(includes),
                duration == null || duration.isBlank() ? DiscoveryOptions.DEFAULT_DURATION
                        : DiscoveryOptions.parseDuration(duration),
                top <= 0 ? DiscoveryOptions.DEFAULT_TOP : top, lease);
    }

    /** A setting changed (from JMX, the CLI, the API, a scenario or auto-tuning). */
    @Override
    public void changed(Setting<?> setting, Object oldValue, Object newValue) {
        SettingAttributes.Attribute attribute = SettingAttributes.of(setting);
        if (attribute == null) {
            return;
        }
        sendNotification(new AttributeChangeNotification(name, sequence.incrementAndGet(), System.currentTimeMillis(),
                attribute.name() + " changed from " + format(setting, oldValue) + " to " + format(setting, newValue),
                attribute.name(), attribute.type(),
                attribute.toJmx(oldValue), attribute.toJmx(newValue)));
    }

    @SuppressWarnings("unchecked")
    private static <T> String format(Setting<T> setting, Object value) {
        return setting.format((T) value);
    }

    /** Sends an alert (or its clearing) to the listeners. */
    public void alert(Alert alert) {
        Notification notification = new Notification(alert.notificationType(), name, sequence.incrementAndGet(),
                System.currentTimeMillis(), alert.message());
        try {
            notification.setUserData(new CompositeDataSupport(ALERT_DATA,
                    new String[] {"alert", "raised", "figure", "value", "threshold"},
                    new Object[] {alert.name(), alert.raised(), alert.figure(), alert.value(), alert.threshold()}));
        } catch (OpenDataException e) {
            throw new IllegalStateException(e);
        }
        sendNotification(notification);
    }

    /** A listener for alerts needs the memory figure: sampling starts when the first one subscribes. */
    @Override
    public void addNotificationListener(NotificationListener listener, NotificationFilter filter, Object handback) {
        super.addNotificationListener(listener, filter, handback);
        plane.sampler().ensureStarted();
    }

    private static MBeanNotificationInfo[] notificationInfo() {
        return new MBeanNotificationInfo[] {
            new MBeanNotificationInfo(new String[] {AttributeChangeNotification.ATTRIBUTE_CHANGE},
                    AttributeChangeNotification.class.getName(), "A setting changed, from any source"),
            new MBeanNotificationInfo(new String[] {
                "io.autobot.optimizer.alert.execution_time", "io.autobot.optimizer.alert.cache_hit_rate",
                "io.autobot.optimizer.alert.memory", "io.autobot.optimizer.alert.execution_time.cleared",
                "io.autobot.optimizer.alert.cache_hit_rate.cleared", "io.autobot.optimizer.alert.memory.cleared",
                "io.autobot.optimizer.alert.cpu", "io.autobot.optimizer.alert.cpu.cleared"},
                    Notification.class.getName(), "A performance threshold was crossed, or is back within bounds"),
            new MBeanNotificationInfo(new String[] {MISMATCH}, Notification.class.getName(),
                    "Verification found a cached method whose body returns another result: it is no longer cached")
        };
    }

    private static CompositeType alertType() {
        try {
            return new CompositeType("io.autobot.optimizer.Alert", "A performance alert",
                    new String[] {"alert", "raised", "figure", "value", "threshold"},
                    new String[] {"alert name", "true when raised, false when cleared", "the report key of the figure",
                        "the figure's value", "the threshold in force"},
                    new OpenType<?>[] {SimpleType.STRING, SimpleType.BOOLEAN, SimpleType.STRING, SimpleType.DOUBLE,
                        SimpleType.DOUBLE});
        } catch (OpenDataException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
