package io.autobot.optimizer.management.jmx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autobot.optimizer.agent.engine.Engine;
import io.autobot.optimizer.management.ManagementPlane;
import io.autobot.optimizer.management.TestEngines;
import io.autobot.optimizer.management.system.SystemSampler;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javax.management.Attribute;
import javax.management.AttributeChangeNotification;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanParameterInfo;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.Notification;
import javax.management.ObjectName;
import javax.management.RuntimeMBeanException;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.OpenType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OptimizerBeanTest {

    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor();
    private final MBeanServer server = MBeanServerFactory.newMBeanServer();
    private final List<Notification> received = new CopyOnWriteArrayList<>();
    private Engine engine;
    private ObjectName name;

    @BeforeEach
    void register() throws Exception {
        engine = TestEngines.engine();
        ManagementPlane plane = new ManagementPlane(engine, new SystemSampler(thread, () -> java.time.Duration.ofSeconds(1),
                () -> { throw new IllegalStateException("no probe in this test"); }));
        OptimizerBean bean = new OptimizerBean(plane);
        plane.optimizer(bean);
        engine.settings().addListener(bean);
        name = bean.objectName();
        server.registerMBean(DescribedMXBean.of(bean, OptimizerMXBean.class), name);
        server.addNotificationListener(name, (notification, handback) -> received.add(notification), null, null);
    }

    @AfterEach
    void stop() {
        thread.shutdownNow();
    }

    @Test
    void everyAttributeIsAnOpenTypeAndReadable() throws Exception {
        for (MBeanAttributeInfo attribute : server.getMBeanInfo(name).getAttributes()) {
            assertThat(attribute.getDescriptor().getFieldValue("openType")).as(attribute.getName())
                    .isInstanceOf(OpenType.class);
            assertThat(server.getAttribute(name, attribute.getName())).as(attribute.getName()).isNotNull();
        }
        CompositeData report = (CompositeData) server.getAttribute(name, "PerformanceReport");
        assertThat(report.getCompositeType().keySet()).containsExactlyInAnyOrder("summary", "operations",
                "generatedAt");
    }

    @Test
    void theReportAndTheStatisticsAreCompositesOfNamedFiguresCountsAsLongs() throws Exception {
        CompositeData report = (CompositeData) server.getAttribute(name, "PerformanceReport");
        CompositeData summary = (CompositeData) report.get("summary");
        assertThat(summary.getCompositeType().keySet()).contains("avg_execution_time", "overall_cache_hit_rate",
                "total_calls", "cache_hits", "throughput", "period");
        assertThat(summary.get("total_calls")).isInstanceOf(Long.class);
        assertThat(summary.get("operations")).isInstanceOf(Long.class);
        assertThat(summary.get("avg_execution_time")).isInstanceOf(Double.class);
        assertThat(summary.getCompositeType().getDescription("total_calls"))
                .isEqualTo("Every call, cache hits included (calls)");
        assertThat(report.get("operations")).isInstanceOf(javax.management.openmbean.TabularData.class);

        CompositeData statistics = (CompositeData) server.getAttribute(name, "CacheStatistics");
        CompositeData memory = (CompositeData) statistics.get("memory_cache");
        assertThat(memory.get("bytes_on_disk")).isEqualTo(-1L);
        assertThat(memory.get("entries")).isInstanceOf(Long.class);
        assertThat(memory.getCompositeType().getDescription("bytes_on_disk")).endsWith("(bytes)");
        assertThat(statistics.get("disk_cache")).isNull(); // not open
        assertThat(((CompositeData) statistics.get("single_flight")).get("waits")).isEqualTo(0L);

        javax.management.openmbean.CompositeType declared = (javax.management.openmbean.CompositeType)
                attribute(server.getMBeanInfo(name), "PerformanceReport").getDescriptor().getFieldValue("openType");
        assertThat(declared.isValue(report)).isTrue();
        assertThat(((javax.management.openmbean.CompositeType) declared.getType("summary"))
                .getDescription("cache_hits")).isEqualTo("Calls answered from the cache (calls)");
    }

    @Test
    void aWriteTakesEffectAndIsAnnounced() throws Exception {
        server.setAttribute(name, new Attribute("OptimizationLevel", "aggressive"));
        server.setAttribute(name, new Attribute("MaxBatchWaitTime", 2.5));
        assertThat(engine.settings().level().id()).isEqualTo("aggressive");
        assertThat(engine.settings().maxBatchWaitTime()).hasMillis(2500);
        assertThat(received).hasSize(2).allMatch(n -> n instanceof AttributeChangeNotification);
        AttributeChangeNotification level = (AttributeChangeNotification) received.get(0);
        assertThat(level.getAttributeName()).isEqualTo("OptimizationLevel");
        assertThat(level.getOldValue()).isEqualTo("moderate");
        assertThat(level.getNewValue()).isEqualTo("aggressive");
        assertThat(((AttributeChangeNotification) received.get(1)).getNewValue()).isEqualTo(2.5);
        assertThat(level.getMessage()).isEqualTo("OptimizationLevel changed from moderate to aggressive");
    }

    @Test
    void everyAttributeAndOperationIsDescribedWithItsUnitAndParameterNames() throws Exception {
        javax.management.MBeanInfo info = server.getMBeanInfo(name);
        assertThat(info.getConstructors()).isEmpty();
        assertThat(info.getDescription()).contains("settings");
        for (MBeanAttributeInfo attribute : info.getAttributes()) {
            assertThat(attribute.getDescription()).as(attribute.getName()).isNotBlank()
                    .isNotEqualTo(attribute.getName());
        }
        for (javax.management.MBeanOperationInfo operation : info.getOperations()) {
            assertThat(operation.getDescription()).as(operation.getName()).isNotBlank()
                    .isNotEqualTo(operation.getName());
            for (javax.management.MBeanParameterInfo parameter : operation.getSignature()) {
                assertThat(parameter.getName()).as(operation.getName()).doesNotMatch("p\\d+");
            }
        }
        assertThat(attribute(info, "MaxBatchWaitTime").getDescriptor().getFieldValue("units")).isEqualTo("seconds");
        assertThat(attribute(info, "CacheSize").getDescriptor().getFieldValue("units")).isEqualTo("entries");
        assertThat(attribute(info, "CacheSize").getDescription()).contains("CACHE_SIZE");
        assertThat(attribute(info, "OptimizationLevel").getDescriptor().getFieldValue("units")).isNull();
        assertThat(info.getOperations()).filteredOn(op -> op.getName().equals("exportPerformanceData"))
                .hasSize(2).anySatisfy(op -> {
                    assertThat(op.getSignature()).extracting(MBeanParameterInfo::getName).containsExactly("fileName");
                    assertThat(op.getDescription()).contains("JSON (HTML for a .html file name)");
                }).anySatisfy(op -> {
                    assertThat(op.getSignature()).extracting(MBeanParameterInfo::getName)
                            .containsExactly("fileName", "format");
                    assertThat(op.getDescription()).contains("as json, or as html");
                });
    }

    private static MBeanAttributeInfo attribute(javax.management.MBeanInfo info, String name) {
        for (MBeanAttributeInfo attribute : info.getAttributes()) {
            if (attribute.getName().equals(name)) {
                return attribute;
            }
        }
        throw new AssertionError("no attribute " + name);
    }

    @Test
    void changesFromOtherSourcesAreAnnouncedToo() {
        engine.settings().set("workers", "8");
        assertThat(received).singleElement().satisfies(n ->
                assertThat(((AttributeChangeNotification) n).getAttributeName()).isEqualTo("MaxWorkers"));
    }

    @Test
    void aBadWriteNamesWhatIsAcceptedAndChangesNothing() {
        assertThatThrownBy(() -> server.setAttribute(name, new Attribute("MaxWorkers", -1)))
                .isInstanceOf(RuntimeMBeanException.class).cause()
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("MaxWorkers=-1 is not accepted: expected a whole number from 1 to 1024");
        assertThatThrownBy(() -> server.setAttribute(name, new Attribute("CacheStrategy", "cloud")))
                .cause().hasMessageContaining("one of memory, disk, hybrid");
        assertThatThrownBy(() -> server.setAttribute(name, new Attribute("MaxBatchWaitTime", Double.NaN)))
                .cause().hasMessageStartingWith("MaxBatchWaitTime=NaN is not accepted");
        assertThat(engine.settings().maxWorkers()).isEqualTo(4);
        assertThat(received).isEmpty();
    }

    @Test
    void withoutAProbeTheSystemFiguresAreUnavailableAndTheReportStillWorks() throws Exception {
        CompositeData report = (CompositeData) server.getAttribute(name, "PerformanceReport");
        assertThat(report).isNotNull();
        String[] recommendations = (String[]) server.getAttribute(name, "Recommendations");
        assertThat(recommendations).isEmpty();
    }
}
