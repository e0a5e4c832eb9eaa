package io.autobot.optimizer.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import javax.management.openmbean.CompositeDataSupport;
import javax.management.openmbean.CompositeType;
import javax.management.openmbean.OpenType;
import javax.management.openmbean.SimpleType;
import javax.management.openmbean.TabularDataSupport;
import javax.management.openmbean.TabularType;
import org.junit.jupiter.api.Test;

class OpenDataTest {

    private static final CompositeType FIGURES = type("figures", new String[] {"calls", "time_saved", "time_saved_by_disk"},
            SimpleType.LONG, SimpleType.DOUBLE, SimpleType.DOUBLE);

    @Test
    void aCompositeIsAMapOfItsNamedItemsWithCountsAsLongsAndNoEmptyFigures() throws Exception {
        CompositeDataSupport figures = new CompositeDataSupport(FIGURES, new String[] {"calls", "time_saved",
                "time_saved_by_disk"}, new Object[] {4L, 0.5, null});
        assertThat(OpenData.toJava(figures)).isEqualTo(Map.of("calls", 4L, "time_saved", 0.5));
    }

    @Test
    void aTableKeyedByNameIsAMapOfItsRows() throws Exception {
        CompositeType row = type("row", new String[] {"key", "value"}, SimpleType.STRING, FIGURES);
        TabularDataSupport table = new TabularDataSupport(new TabularType("table", "table", row, new String[] {"key"}));
        table.put(new CompositeDataSupport(row, new String[] {"key", "value"}, new Object[] {"Svc.op",
                new CompositeDataSupport(FIGURES, new String[] {"calls", "time_saved", "time_saved_by_disk"},
                        new Object[] {6_320_816_128L, 1.0, 2.0})}));
        assertThat(OpenData.toJava(table)).isEqualTo(Map.of("Svc.op",
                Map.of("calls", 6_320_816_128L, "time_saved", 1.0, "time_saved_by_disk", 2.0)));
    }

    private static CompositeType type(String name, String[] items, OpenType<?>... types) {
        try {
            return new CompositeType(name, name, items, items, types);
        } catch (javax.management.openmbean.OpenDataException e) {
            throw new AssertionError(e);
        }
    }
}
