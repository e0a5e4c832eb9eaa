package io.autobot.optimizer.management.opendata;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.management.JMX;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.CompositeDataView;
import javax.management.openmbean.CompositeType;
import javax.management.openmbean.SimpleType;
import javax.management.openmbean.TabularData;
import javax.management.openmbean.TabularType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Records of figures through the real MXBean mapping of an MBean server, as a JMX client reads them. */
class CompositesTest {

    public record Row(
            @Figure(value = "Calls answered from the cache", units = "calls") long cache_hits,
            @Figure(value = "Time per call", units = "seconds") double avg_execution_time,
            @Figure(value = "Time the disk saved", units = "seconds") Double time_saved_by_disk)
            implements CompositeDataView {

        @Override
        public CompositeData toCompositeData(CompositeType type) {
            return Composites.of(this, type);
        }
    }

    public record Sheet(
            @Figure("The whole") Row total,
            @Figure("By name") Map<String, Row> rows,
            @Figure("Not open") Row absent,
            String plain) implements CompositeDataView {

        @Override
        public CompositeData toCompositeData(CompositeType type) {
            return Composites.of(this, type);
        }
    }

    public interface SheetMXBean {
        Sheet getSheet();
    }

    public static final class SheetBean implements SheetMXBean {
        @Override
        public Sheet getSheet() {
            Map<String, Row> rows = new LinkedHashMap<>();
            rows.put("a", new Row(3, 0.25, 1.5));
            rows.put("b", new Row(6_320_816_128L, 0.5, null));
            return new Sheet(new Row(9, 0.375, null), rows, null, "text");
        }
    }

    private final MBeanServer server = MBeanServerFactory.newMBeanServer();
    private ObjectName name;

    @BeforeEach
    void register() throws Exception {
        name = new ObjectName("test:type=Sheet");
        server.registerMBean(new SheetBean(), name);
    }

    @Test
    void aRecordIsACompositeWithNamedTypedItems() throws Exception {
        CompositeData sheet = (CompositeData) server.getAttribute(name, "Sheet");
        CompositeData total = (CompositeData) sheet.get("total");
        assertThat(total.getCompositeType().keySet()).containsExactly("avg_execution_time", "cache_hits",
                "time_saved_by_disk");
        assertThat(total.getCompositeType().getType("cache_hits")).isEqualTo(SimpleType.LONG);
        assertThat(total.get("cache_hits")).isEqualTo(9L).isInstanceOf(Long.class);
        assertThat(total.get("avg_execution_time")).isEqualTo(0.375);
        assertThat(total.get("time_saved_by_disk")).isNull();
        assertThat(sheet.get("absent")).isNull();
        assertThat(sheet.get("plain")).isEqualTo("text");
    }

    @Test
    void eachItemIsDescribedWithItsUnit() throws Exception {
        CompositeData sheet = (CompositeData) server.getAttribute(name, "Sheet");
        CompositeType row = ((CompositeData) sheet.get("total")).getCompositeType();
        assertThat(row.getDescription("cache_hits")).isEqualTo("Calls answered from the cache (calls)");
        assertThat(row.getDescription("avg_execution_time")).isEqualTo("Time per call (seconds)");
        assertThat(sheet.getCompositeType().getDescription("rows")).isEqualTo("By name");
        assertThat(sheet.getCompositeType().getDescription("plain")).isEqualTo("plain"); // no Figure: the mapping's
    }

    @Test
    void aMapOfRecordsIsATableKeyedByNameWhoseValuesAreComposites() throws Exception {
        TabularData rows = (TabularData) ((CompositeData) server.getAttribute(name, "Sheet")).get("rows");
        assertThat(rows.getTabularType().getIndexNames()).containsExactly("key");
        CompositeData b = (CompositeData) rows.get(new Object[] {"b"}).get("value");
        assertThat(b.get("cache_hits")).isEqualTo(6_320_816_128L);
        assertThat(b.getCompositeType().getDescription("cache_hits")).isEqualTo("Calls answered from the cache (calls)");
    }

    @Test
    void theMBeanInfoTypeIsTheValuesType() throws Exception {
        CompositeType declared = (CompositeType) server.getMBeanInfo(name).getAttributes()[0].getDescriptor()
                .getFieldValue("openType");
        CompositeType described = (CompositeType) Composites.describe(declared, getClass().getClassLoader());
        CompositeData sheet = (CompositeData) server.getAttribute(name, "Sheet");
        assertThat(described).isEqualTo(declared); // same names, items and types: only descriptions differ
        assertThat(declared.isValue(sheet)).isTrue();
        CompositeType rowType = ((TabularType) described.getType("rows")).getRowType();
        assertThat(((CompositeType) rowType.getType("value")).getDescription("avg_execution_time"))
                .isEqualTo("Time per call (seconds)");
    }

    @Test
    void aProxyReadsTheRecordBack() {
        Sheet sheet = JMX.newMXBeanProxy(server, name, SheetMXBean.class).getSheet();
        assertThat(sheet).isEqualTo(new SheetBean().getSheet());
    }

    @Test
    void asAMapTheNamesAreTheItemsAndAFigureWithoutValueIsLeftOut() {
        Map<String, Object> map = Composites.toMap(new SheetBean().getSheet());
        assertThat(map).containsOnlyKeys("total", "rows", "plain");
        assertThat(map.get("total")).isEqualTo(Map.of("cache_hits", 9L, "avg_execution_time", 0.375));
        assertThat(List.copyOf(((Map<?, ?>) map.get("rows")).keySet())).isEqualTo(List.of("a", "b"));
        assertThat(List.copyOf(((Map<?, ?>) ((Map<?, ?>) map.get("rows")).get("a")).keySet()))
                .isEqualTo(List.of("cache_hits", "avg_execution_time", "time_saved_by_disk"));
    }
}
