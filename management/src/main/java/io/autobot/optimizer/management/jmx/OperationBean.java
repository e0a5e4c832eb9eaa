package io.autobot.optimizer.management.jmx;

import io.autobot.optimizer.agent.call.MethodMeta;
import io.autobot.optimizer.agent.config.OperationProfile;
import io.autobot.optimizer.agent.config.OperationProfiles;
import io.autobot.optimizer.agent.engine.Engine;
import io.autobot.optimizer.management.report.OperationFigures;
import io.autobot.optimizer.management.report.ReportBuilder;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.AttributeChangeNotification;
import javax.management.MBeanNotificationInfo;
import javax.management.NotificationBroadcasterSupport;
import javax.management.ObjectName;

/**
 * A {@code type=Operation} bean: the figures are read from the methods' counters at each call;
 * the profile writes go through {@link OperationProfiles#set}, which validates, and are
 * announced with an {@link AttributeChangeNotification}.
 */
public final class OperationBean extends NotificationBroadcasterSupport implements OperationMXBean {

    private final String operation;
    private final Engine engine;
    private final ReportBuilder reports;
    private final ObjectName name;
    private final AtomicLong sequence = new AtomicLong();

    public OperationBean(String operation, Engine engine, ReportBuilder reports) {
        super(new MBeanNotificationInfo(new String[] {AttributeChangeNotification.ATTRIBUTE_CHANGE},
                AttributeChangeNotification.class.getName(), "A profile setting of the operation changed"));
        this.operation = operation;
        this.engine = engine;
        this.reports = reports;
        this.name = Beans.name("Operation", "name", operation);
    }

    public ObjectName objectName() {
        return name;
    }

    private OperationFigures figures() {
        return reports.figures(operation);
    }

    private OperationProfile profile() {
        return engine.settings().profiles().get(operation);
    }

    private void setProfile(String key, String attribute, String type, Object oldValue, String text,
            java.util.function.Supplier<Object> newValue) {
        engine.settings().profiles().set(operation, key, text);
        sendNotification(new AttributeChangeNotification(name, sequence.incrementAndGet(), System.currentTimeMillis(),
                "profile " + operation + "." + key + " changed to " + text, attribute, type, oldValue, newValue.get()));
    }

    @Override
    public String getName() {
        return operation;
    }

    @Override
    public String[] getMethods() {
        return reports.operations().methodsOf(operation).stream().map(MethodMeta::qualifiedName).toArray(String[]::new);
    }

    @Override
    public String[] getPolicies() {
        List<MethodMeta> methods = reports.operations().methodsOf(operation);
        return methods.isEmpty() ? new String[0] : engine.policiesOf(methods.get(0)).toArray(new String[0]);
    }

    @Override
    public long getCalls() {
        return figures().counters().calls();
    }

    @Override
    public long getCacheHits() {
        return figures().counters().hits();
    }

    @Override
    public long getCacheMisses() {
        return figures().counters().misses();
    }

    @Override
    public double getCacheHitRate() {
        return figures().counters().hitRate();
    }

    @Override
    public long getErrors() {
        return figures().counters().errors();
    }

    @Override
    public long getRateLimitErrors() {
        return figures().counters().rateLimitErrors();
    }

    @Override
    public long getInternalFailures() {
        long failures = 0;
        for (MethodMeta method : reports.operations().methodsOf(operation)) {
            failures += method.stats().internalFailures();
        }
        return failures;
    }

    @Override
    public double getAverageExecutionTime() {
        return figures().counters().averageSeconds();
    }

    @Override
    public double getP50ExecutionTime() {
        return figures().p50();
    }

    @Override
    public double getP95ExecutionTime() {
        return figures().p95();
    }

    @Override
    public double getP99ExecutionTime() {
        return figures().p99();
    }

    @Override
    public double getThroughput() {
        return figures().throughput();
    }

    @Override
    public double getTimeSaved() {
        return figures().counters().savedSeconds();
    }

    @Override
    public double getOptimizationEffectiveness() {
        return figures().counters().effectivenessPercent();
    }

    @Override
    public double getCacheTtl() {
        return SettingAttributes.toSeconds(profile().cacheTtl());
    }

    @Override
    public void setCacheTtl(double seconds) {
        double old = getCacheTtl();
        setProfile("cache_ttl", "CacheTtl", "double", old, SettingAttributes.seconds(seconds), this::getCacheTtl);
    }

    @Override
    public int getParallelThreshold() {
        return profile().parallelThreshold();
    }

    @Override
    public void setParallelThreshold(int threshold) {
        int old = getParallelThreshold();
        setProfile("parallel_threshold", "ParallelThreshold", "int", old, String.valueOf(threshold),
                this::getParallelThreshold);
    }

    @Override
    public long getMaxFileSize() {
        return profile().maxResultSize();
    }

    @Override
    public void setMaxFileSize(long bytes) {
        long old = getMaxFileSize();
        setProfile("max_file_size", "MaxFileSize", "long", old, String.valueOf(bytes), this::getMaxFileSize);
    }

    @Override
    public int getBatchSize() {
        Integer size = profile().batchSize();
        return size == null ? 0 : size;
    }

    @Override
    public void setBatchSize(int size) {
        int old = getBatchSize();
        setProfile("batch_size", "BatchSize", "int", old, String.valueOf(size), this::getBatchSize);
    }

    @Override
    public double getTimeout() {
        return SettingAttributes.toSeconds(profile().timeout());
    }

    @Override
    public void setTimeout(double seconds) {
        double old = getTimeout();
        setProfile("timeout", "Timeout", "double", old, SettingAttributes.seconds(seconds), this::getTimeout);
    }

    @Override
    public boolean isThrottled() {
        return profile().throttled();
    }

    @Override
    public void setThrottled(boolean throttled) {
        boolean old = isThrottled();
        setProfile("throttled", "Throttled", "boolean", old, String.valueOf(throttled), this::isThrottled);
    }

    @Override
    public void clearCache() {
        engine.clearCache(operation);
    }
}
