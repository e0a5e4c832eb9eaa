package io.autobot.optimizer.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchException;

import io.autobot.optimizer.it.hosts.ManagementHost;
import io.autobot.optimizer.it.support.ChildJvm;
import io.autobot.optimizer.it.support.HostLog;
import io.autobot.optimizer.it.support.JmxClient;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.management.AttributeChangeNotification;
import javax.management.MBeanAttributeInfo;
import javax.management.Notification;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.CompositeType;
import javax.management.openmbean.TabularData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The management plane seen from a JMX client with none of the agent's classes, as JConsole sees
 * it: one child JVM with the agent, driven through its own bean, checked step by step.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ManagementIT {

    private static final String OPTIMIZER = "io.autobot.optimizer:type=Optimizer";
    private static final String HOST = "it.autobot:type=Host";
    private static final String DISK = "io.autobot.optimizer:type=Cache,tier=disk";

    @TempDir
    static Path workDir;

    private static Process host;
    private static JmxClient jmx;
    private static List<Notification> notifications;
    private static Path exportDir;

    @BeforeAll
    static void startHost() throws Exception {
        exportDir = workDir.resolve("exports");
        host = ChildJvm.of(ManagementHost.class)
                .withAgent("level=basic,cache=hybrid,export.dir=" + exportDir)
                .workDir(workDir).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(host.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        if (line == null || !line.startsWith("ready=")) {
            host.destroyForcibly();
            throw new AssertionError("the host did not start: " + line + "\n"
                    + new String(host.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
        }
        drain(host.getErrorStream()); // the agent's log must never fill the pipe and block the host
        jmx = JmxClient.attach(host.pid());
        notifications = jmx.listen(OPTIMIZER);
        // a first workload, so that every kind of bean exists
        jmx.invoke(HOST, "cached", 3);
        jmx.invoke(HOST, "cached", 3);
        jmx.invoke(HOST, "slow", 2, 5L);
        jmx.invoke(HOST, "parallelThreads", 4);
    }

    @AfterAll
    static void stopHost() throws Exception {
        if (jmx != null) {
            jmx.close();
        }
        if (host != null) {
            host.getOutputStream().close();
            if (!host.waitFor(10, TimeUnit.SECONDS)) {
                host.destroyForcibly();
            }
        }
    }

    private static final StringBuffer STDERR = new StringBuffer();

    private static void drain(java.io.InputStream stream) {
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    STDERR.append(line).append('\n');
                }
            } catch (java.io.IOException closed) {
                // the host ended
            }
        });
        reader.setDaemon(true);
        reader.start();
    }

    private static Object optimizer(String attribute) throws Exception {
        return jmx.get(OPTIMIZER, attribute);
    }

    private static Notification changeOf(String attribute, Object newValue) throws InterruptedException {
        return JmxClient.await(notifications, n -> n instanceof AttributeChangeNotification
                && ((AttributeChangeNotification) n).getAttributeName().equals(attribute)
                && newValue.equals(((AttributeChangeNotification) n).getNewValue()), 5);
    }

    @Test
    @Order(1)
    void theClientHasNoneOfTheAgentsClasses() {
        for (String agentClass : List.of("io.autobot.optimizer.agent.AgentRuntime",
                "io.autobot.optimizer.management.ManagementExtension",
                "io.autobot.optimizer.management.report.PerformanceReport")) {
            assertThatThrownBy(() -> Class.forName(agentClass)).isInstanceOf(ClassNotFoundException.class);
        }
    }

    @Test
    @Order(2)
    void readsEveryAttributeOfEveryBean() throws Exception {
        List<ObjectName> expected = List.of(JmxClient.name(OPTIMIZER), JmxClient.name("io.autobot.optimizer:type=System"),
                JmxClient.name("io.autobot.optimizer:type=Cache,tier=memory"),
                JmxClient.name("io.autobot.optimizer:type=Operation,name=slow_lookup"),
                JmxClient.name("io.autobot.optimizer:type=Operation,name=ManagementHost.square"),
                JmxClient.name("io.autobot.optimizer:type=Operation,name=ManagementHost.doubled"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        Set<ObjectName> names;
        do { // operation beans come with the next tick after their method's first call
            names = jmx.connection().queryNames(JmxClient.name("io.autobot.optimizer:*"), null);
            Thread.sleep(100);
        } while (!names.containsAll(expected) && System.nanoTime() < deadline);
        assertThat(names).containsAll(expected);
        int read = 0;
        for (ObjectName name : names) {
            for (MBeanAttributeInfo attribute : jmx.connection().getMBeanInfo(name).getAttributes()) {
                Object value = jmx.connection().getAttribute(name, attribute.getName());
                assertThat(value).as("%s %s", name, attribute.getName()).isNotNull();
                read++;
            }
        }
        assertThat(read).isGreaterThan(80);

        // the report is composites of named figures: counts arrive as Long, times as Double
        CompositeData report = (CompositeData) optimizer("PerformanceReport");
        CompositeData summary = (CompositeData) report.get("summary");
        assertThat(summary.getCompositeType().keySet()).contains("avg_execution_time", "overall_cache_hit_rate",
                "avg_memory_usage", "avg_cpu_usage", "throughput", "optimization_effectiveness", "total_calls");
        assertThat(summary.get("total_calls")).isInstanceOf(Long.class);
        assertThat((Long) summary.get("total_calls")).isGreaterThanOrEqualTo(4L); // cached x2, slow x2
        assertThat(summary.get("avg_execution_time")).isInstanceOf(Double.class);
        assertThat(summary.getCompositeType().getDescription("total_calls")).contains("(calls)");
        Map<String, Object> operations = rows((TabularData) report.get("operations"));
        CompositeData square = (CompositeData) operations.get("ManagementHost.square");
        assertThat(square.get("cache_hits")).isEqualTo(1L);
        assertThat(square.get("cache_misses")).isEqualTo(1L);
        assertThat(square.get("calls")).isEqualTo(2L);

        CompositeData cache = (CompositeData) optimizer("CacheStatistics");
        CompositeData memory = (CompositeData) cache.get("memory_cache");
        assertThat(memory.getCompositeType().keySet()).contains("entries", "capacity", "utilization", "hits",
                "bytes_on_disk");
        assertThat(memory.get("entries")).isInstanceOf(Long.class);
        assertThat(memory.get("bytes_on_disk")).isEqualTo(-1L); // a byte count, none for memory
        assertThat(memory.getCompositeType().getDescription("bytes_on_disk")).endsWith("(bytes)");
        assertThat(((CompositeData) cache.get("single_flight")).get("waits")).isInstanceOf(Long.class);
        // the MBeanInfo declares the type the value has, its items described
        CompositeType declared = (CompositeType) java.util.Arrays.stream(jmx.connection().getMBeanInfo(
                JmxClient.name(OPTIMIZER)).getAttributes()).filter(a -> a.getName().equals("PerformanceReport"))
                .findFirst().orElseThrow().getDescriptor().getFieldValue("openType");
        assertThat(declared.isValue(report)).isTrue();
        assertThat(((CompositeType) declared.getType("summary")).getDescription("cache_hits"))
                .isEqualTo("Calls answered from the cache (calls)");
        assertThat((Long) jmx.get("io.autobot.optimizer:type=Operation,name=slow_lookup", "Calls")).isEqualTo(2);
        assertThat((Double) jmx.get("io.autobot.optimizer:type=Operation,name=slow_lookup", "P95ExecutionTime"))
                .isGreaterThan(0.004);

        Set<ObjectName> metrics = jmx.connection().queryNames(JmxClient.name("io.autobot.optimizer.metrics:*"), null);
        assertThat(metrics).extracting(ObjectName::toString).anyMatch(n -> n.contains("cacheGets") && n.contains("hit"))
                .anyMatch(n -> n.contains("cacheSize")).anyMatch(n -> n.contains("cacheEvictions"))
                .anyMatch(n -> n.contains("autobotCalls") && n.contains("slow_lookup"));
    }

    @Test
    @Order(2)
    void oshiSamplesBesideTheHostsOwnJna() throws Exception {
        String system = "io.autobot.optimizer:type=System";
        assertThat(jmx.invoke(HOST, "hostJna")).isEqualTo("5.12.1:" + host.pid()); // the host's JNA works before
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while ((Long) jmx.get(system, "SampleCount") < 2 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(jmx.get(system, "Source")).as(STDERR.toString()).isEqualTo("oshi");
        assertThat((Double) jmx.get(system, "SystemCpuLoad")).isBetween(0.0, 100.0);
        assertThat((Double) jmx.get(system, "MemoryUsage")).isBetween(0.0, 100.0);
        assertThat((Long) jmx.get(system, "ProcessResidentMemory")).isPositive();
        assertThat(jmx.invoke(HOST, "hostJna")).isEqualTo("5.12.1:" + host.pid()); // ... and after
    }

    private static long disk(String attribute) throws Exception {
        return ((Number) jmx.get(DISK, attribute)).longValue();
    }

    /**
     * The disk tier's entries once results written behind earlier calls have landed: the count
     * read twice, 300 ms apart, the same (at most 10 s).
     */
    private static long settledDiskEntries() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        long entries = disk("Entries");
        while (System.nanoTime() < deadline) {
            Thread.sleep(300);
            long again = disk("Entries");
            if (again == entries) {
                return entries;
            }
            entries = again;
        }
        return entries;
    }

    /** Waits (at most 10 s) until the disk tier holds {@code count} entries: hybrid writes behind the call. */
    private static void awaitDiskEntries(long count) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (disk("Entries") < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    /**
     * The JMX (RMI) threads that run the host's calls have no context class loader: the disk tier
     * they start must open all the same, and then take every memory miss and every new result.
     */
    @Test
    @Order(2)
    void theHybridStrategyReallyUsesTheDiskTier() throws Exception {
        ObjectName disk = JmxClient.name(DISK);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        int key = 1000;
        // the tier's thread writes what memory got once the store has opened: an entry says it is open
        while (!(jmx.connection().isRegistered(disk) && disk("Entries") > 0) && System.nanoTime() < deadline) {
            jmx.invoke(HOST, "cached", key++);
            Thread.sleep(50);
        }
        assertThat(jmx.connection().isRegistered(disk)).as(STDERR.toString()).isTrue();
        assertThat(disk("Entries")).as(STDERR.toString()).isPositive();
        awaitDiskEntries(key - 1000);

        long misses = disk("Misses");
        long entries = settledDiskEntries();
        int runs = (Integer) jmx.invoke(HOST, "cachedRuns");
        assertThat(jmx.invoke(HOST, "cached", 77)).isEqualTo(77L * 77);
        // (a store made in this JVM, written only through memory, is asked only once memory has evicted)
        misses = disk("Misses");
        awaitDiskEntries(entries + 1);
        assertThat(disk("Entries")).as("the new result is written to disk behind the call").isEqualTo(entries + 1);
        assertThat(jmx.invoke(HOST, "cachedRuns")).isEqualTo(runs + 1);
        assertThat(jmx.invoke(HOST, "cached", 77)).isEqualTo(77L * 77);
        assertThat(disk("Misses")).as("a memory hit does not reach the disk").isEqualTo(misses);
        assertThat(jmx.invoke(HOST, "cachedRuns")).isEqualTo(runs + 1);
        // the disk tier's figures in CacheStatistics: its byte count a Long, as the tier bean's
        CompositeData diskFigures = (CompositeData) ((CompositeData) optimizer("CacheStatistics")).get("disk_cache");
        assertThat(diskFigures).as("disk_cache once the tier is open").isNotNull();
        assertThat(diskFigures.get("bytes_on_disk")).isInstanceOf(Long.class);
        assertThat((Long) diskFigures.get("bytes_on_disk")).isNotNegative();
        assertThat((Long) diskFigures.get("misses")).isGreaterThanOrEqualTo(misses);
        HostLog.assertNoUnexpectedWarnings(STDERR.toString());
    }

    @Test
    @Order(3)
    void raisingTheLevelFromBasicToAggressiveTurnsParallelExecutionOn() throws Exception {
        assertThat(optimizer("OptimizationLevel")).isEqualTo("basic");
        assertThat(optimizer("ParallelActive")).isEqualTo(false);
        jmx.set(OPTIMIZER, "OptimizationLevel", "aggressive");
        assertThat(optimizer("OptimizationLevel")).isEqualTo("aggressive");
        assertThat(optimizer("ParallelActive")).isEqualTo(true);
        assertThat(optimizer("EffectiveWorkers")).isEqualTo(2 * (Integer) optimizer("MaxWorkers"));
        Notification change = changeOf("OptimizationLevel", "aggressive");
        assertThat(change).isNotNull();
        assertThat(((AttributeChangeNotification) change).getOldValue()).isEqualTo("basic");
    }

    @Test
    @Order(4)
    void parallelExecutionStartsOnceTheLevelAllowsIt() throws Exception {
        String[] policies = (String[]) jmx.get("io.autobot.optimizer:type=Operation,name=ManagementHost.doubled",
                "Policies");
        assertThat(policies).as(Arrays.toString(policies)).anyMatch(p -> p.contains("parallel"));
        jmx.set(OPTIMIZER, "OptimizationLevel", "basic");
        assertThat(jmx.invoke(HOST, "parallelThreads", 8)).isEqualTo(1);
        jmx.set(OPTIMIZER, "OptimizationLevel", "aggressive");
        // the first call that could be split runs whole, to learn its result's class (docs/policies.md)
        assertThat(jmx.invoke(HOST, "parallelThreads", 8)).isEqualTo(1);
        assertThat((Integer) jmx.invoke(HOST, "parallelThreads", 8)).isGreaterThan(1);
    }

    @Test
    @Order(5)
    void changesTheCacheStrategy() throws Exception {
        jmx.set(OPTIMIZER, "CacheStrategy", "memory");
        assertThat(optimizer("CacheStrategy")).isEqualTo("memory");
        assertThat(changeOf("CacheStrategy", "memory").getMessage())
                .isEqualTo("CacheStrategy changed from hybrid to memory");
        jmx.set(OPTIMIZER, "CacheStrategy", "hybrid");
        assertThat(optimizer("CacheStrategy")).isEqualTo("hybrid");
    }

    @Test
    @Order(6)
    void clearingTheCacheMakesTheNextCallMiss() throws Exception {
        jmx.invoke(HOST, "cached", 11);
        int runs = (Integer) jmx.invoke(HOST, "cachedRuns");
        jmx.invoke(HOST, "cached", 11);
        assertThat(jmx.invoke(HOST, "cachedRuns")).isEqualTo(runs);
        assertThat(disk("Entries")).as("the disk tier holds results before the clear").isPositive();
        jmx.invoke(OPTIMIZER, "clearCache");
        assertThat(disk("Entries")).as("the disk tier is emptied too").isZero();
        assertThat((Long) jmx.get("io.autobot.optimizer:type=Cache,tier=memory", "Entries")).isZero();
        assertThat(jmx.invoke(HOST, "cached", 11)).isEqualTo(121L);
        assertThat(jmx.invoke(HOST, "cachedRuns")).isEqualTo(runs + 1);
        awaitDiskEntries(1);
        assertThat(disk("Entries")).isEqualTo(1);
    }

    @Test
    @Order(7)
    void appliesEachScenarioWithTheGuidesSettings() throws Exception {
        jmx.invoke(OPTIMIZER, "applyScenario", "large_repository_analysis");
        assertSettings("aggressive", "hybrid", true, null, true);
        jmx.invoke(OPTIMIZER, "applyScenario", "real_time_validation");
        assertSettings("moderate", "memory", null, true, null);
        jmx.invoke(OPTIMIZER, "applyScenario", "batch_processing");
        assertSettings("basic", "disk", null, null, true);
        jmx.set(OPTIMIZER, "RequestThrottling", false);
        jmx.set(OPTIMIZER, "BatchProcessing", false);
        String applied = (String) jmx.invoke(OPTIMIZER, "applyScenario", "api_heavy_workload");
        assertSettings(null, null, null, true, true);
        assertThat(applied).contains("connection pooling is the host's concern");
        assertThat((String[]) optimizer("Scenarios")).containsExactly("large_repository_analysis",
                "real_time_validation", "batch_processing", "api_heavy_workload");
        jmx.set(OPTIMIZER, "CacheStrategy", "hybrid");
        jmx.set(OPTIMIZER, "OptimizationLevel", "moderate");
    }

    private static void assertSettings(String level, String strategy, Boolean parallel, Boolean throttling,
            Boolean batching) throws Exception {
        if (level != null) {
            assertThat(optimizer("OptimizationLevel")).isEqualTo(level);
        }
        if (strategy != null) {
            assertThat(optimizer("CacheStrategy")).isEqualTo(strategy);
        }
        if (parallel != null) {
            assertThat(optimizer("ParallelEnabled")).isEqualTo(parallel);
        }
        if (throttling != null) {
            assertThat(optimizer("RequestThrottling")).isEqualTo(throttling);
        }
        if (batching != null) {
            assertThat(optimizer("BatchProcessing")).isEqualTo(batching);
        }
    }

    @Test
    @Order(8)
    void everyBeanDescribesItsAttributesAndOperationsWithUnitsAndParameterNames() throws Exception {
        javax.management.MBeanServerConnection server = jmx.connection();
        java.util.Set<javax.management.ObjectName> beans = server.queryNames(JmxClient.name("io.autobot.optimizer:*"),
                null);
        assertThat(beans).extracting(name -> name.getKeyProperty("type")).contains("Optimizer", "System", "Cache",
                "Operation");
        for (javax.management.ObjectName bean : beans) {
            javax.management.MBeanInfo info = server.getMBeanInfo(bean);
            assertThat(info.getConstructors()).as(bean.toString()).isEmpty();
            assertThat(info.getDescription()).as(bean.toString()).isNotBlank();
            for (javax.management.MBeanAttributeInfo attribute : info.getAttributes()) {
                assertThat(attribute.getDescription()).as(bean + " " + attribute.getName()).isNotBlank()
                        .isNotEqualTo(attribute.getName());
            }
            for (javax.management.MBeanOperationInfo operation : info.getOperations()) {
                assertThat(operation.getDescription()).as(bean + " " + operation.getName()).isNotBlank();
                for (javax.management.MBeanParameterInfo parameter : operation.getSignature()) {
                    assertThat(parameter.getName()).as(bean + " " + operation.getName()).doesNotMatch("p\\d+");
                }
            }
        }
        javax.management.MBeanInfo optimizer = server.getMBeanInfo(JmxClient.name(OPTIMIZER));
        assertThat(units(optimizer, "MaxBatchWaitTime")).isEqualTo("seconds");
        assertThat(units(optimizer, "MaxRequestsPerSecond")).isEqualTo("calls/second");
        assertThat(java.util.Arrays.stream(optimizer.getOperations()).filter(op -> op.getName().equals("discover"))
                .findFirst().orElseThrow().getSignature()).extracting(javax.management.MBeanParameterInfo::getName)
                .containsExactly("includes", "duration", "top");
        javax.management.MBeanInfo system = server.getMBeanInfo(JmxClient.name("io.autobot.optimizer:type=System"));
        assertThat(units(system, "ProbeStartTime")).isEqualTo("milliseconds");
        assertThat(units(system, "AverageSampleCost")).isEqualTo("microseconds");
        assertThat(units(system, "HeapUsed")).isEqualTo("bytes");
        assertThat(java.util.Arrays.stream(system.getAttributes()).filter(a -> a.getName().equals("HeapUsed"))
                .findFirst().orElseThrow().getType()).isEqualTo("long");
    }

    private static String units(javax.management.MBeanInfo info, String attribute) {
        return java.util.Arrays.stream(info.getAttributes()).filter(a -> a.getName().equals(attribute)).findFirst()
                .map(a -> (String) a.getDescriptor().getFieldValue("units")).orElse(null);
    }

    @Test
    @Order(8)
    void rejectsABadWriteAndChangesNothing() throws Exception {
        Object workers = optimizer("MaxWorkers");
        Exception negative = catchException(() -> jmx.set(OPTIMIZER, "MaxWorkers", -1));
        assertThat(JmxClient.thrown(negative)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("MaxWorkers=-1 is not accepted: expected a whole number from 1 to 1024");
        assertThat(optimizer("MaxWorkers")).isEqualTo(workers);

        Exception level = catchException(() -> jmx.set(OPTIMIZER, "OptimizationLevel", "turbo"));
        assertThat(JmxClient.thrown(level)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("basic, moderate, aggressive");
        assertThat(optimizer("OptimizationLevel")).isEqualTo("moderate");

        Exception scenario = catchException(() -> jmx.invoke(OPTIMIZER, "applyScenario", "warp_speed"));
        assertThat(JmxClient.thrown(scenario)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("large_repository_analysis, real_time_validation, batch_processing,"
                        + " api_heavy_workload");

        Exception profile = catchException(() -> jmx.set("io.autobot.optimizer:type=Operation,name=slow_lookup",
                "ParallelThreshold", 0));
        assertThat(JmxClient.thrown(profile)).hasMessageContaining("parallel_threshold");
        assertThat(notifications).noneMatch(n -> n instanceof AttributeChangeNotification
                && ((AttributeChangeNotification) n).getNewValue().equals(-1));
    }

    @Test
    @Order(9)
    void writesAnOperationsProfile() throws Exception {
        String bean = "io.autobot.optimizer:type=Operation,name=slow_lookup";
        List<Notification> changes = jmx.listen(bean);
        jmx.set(bean, "CacheTtl", 7200.0);
        assertThat(jmx.get(bean, "CacheTtl")).isEqualTo(7200.0);
        assertThat(JmxClient.await(changes, n -> n instanceof AttributeChangeNotification, 5)).isNotNull();
    }

    @Test
    @Order(10)
    void sendsAnAlertWhenTheExecutionTimeThresholdIsCrossed() throws Exception {
        jmx.set(OPTIMIZER, "AlertExecutionTime", 0.002);
        jmx.invoke(HOST, "slow", 3, 20L);
        Notification alert = JmxClient.await(notifications,
                n -> n.getType().equals("io.autobot.optimizer.alert.execution_time"), 10);
        assertThat(alert).as("alert notification; got %s", notifications).isNotNull();
        assertThat(alert.getMessage()).contains("High average execution time");
        CompositeData data = (CompositeData) alert.getUserData();
        assertThat(data.get("figure")).isEqualTo("avg_execution_time");
        assertThat((Double) data.get("value")).isGreaterThan(0.002);
        assertThat((String[]) optimizer("ActiveAlerts")).anyMatch(a -> a.contains("execution time"));
    }

    @Test
    @Order(11)
    void recommendsForALowHitRateAndForHighLatency() throws Exception {
        jmx.invoke(HOST, "distinctKeys", 400);
        assertThat((String[]) optimizer("Recommendations")).as("low hit rate")
                .anyMatch(r -> r.contains("cache hit rate is"));
        jmx.set(OPTIMIZER, "AlertExecutionTime", 0.01);
        jmx.invoke(HOST, "slow", 3, 30L);
        assertThat((String[]) optimizer("Recommendations")).as("high latency")
                .anyMatch(r -> r.contains(" takes ") && r.contains("per call on average"));
        jmx.invoke(HOST, "rateLimited", 3);
        assertThat((String[]) optimizer("Recommendations")).as("rate limits")
                .anyMatch(r -> r.contains("rate-limit errors"));
    }

    @Test
    @Order(12)
    void exportsJsonOnlyInsideTheExportDirectory() throws Exception {
        String written = (String) jmx.invoke(OPTIMIZER, "exportPerformanceData", "performance_debug.json");
        Path file = Path.of(written);
        assertThat(file.getParent()).isEqualTo(exportDir.toAbsolutePath());
        String json = Files.readString(file);
        assertThat(json).contains("\"avg_execution_time\"").contains("\"slow_lookup\"").contains("\"recommendations\"");
        for (String outside : List.of("../escape.json", workDir.resolve("elsewhere.json").toString(), "report.txt")) {
            Exception refused = catchException(() -> jmx.invoke(OPTIMIZER, "exportPerformanceData", outside));
            assertThat(JmxClient.thrown(refused)).as(outside).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("AUTOBOT_EXPORT_DIR");
        }
        assertThat(workDir.resolve("escape.json")).doesNotExist();
        assertThat(workDir.resolve("elsewhere.json")).doesNotExist();
    }

    @Test
    @Order(13)
    void theHostsStderrHasNoUnexpectedWarning() {
        HostLog.assertNoUnexpectedWarnings(STDERR.toString(), "ALERT");
    }

    private static Map<String, Object> rows(TabularData table) {
        Map<String, Object> map = new java.util.LinkedHashMap<>();
        for (Object row : table.values()) {
            CompositeData data = (CompositeData) row;
            map.put((String) data.get("key"), data.get("value"));
        }
        return map;
    }
}
