package io.autobot.optimizer.management.opendata;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.CompositeDataSupport;
import javax.management.openmbean.CompositeType;
import javax.management.openmbean.OpenDataException;
import javax.management.openmbean.OpenType;
import javax.management.openmbean.TabularDataSupport;
import javax.management.openmbean.TabularType;

/**
 * Records of figures as open data. The MXBean mapping already turns a record into a
 * {@code CompositeData} whose items are its components, but describes each item by its name
 * only; a record that implements {@code CompositeDataView} hands its value to {@link #of}, which
 * builds the same type (same name, items and item types, so the mapping and a proxy accept it)
 * with each item described by its {@link Figure}. {@link #describe} does the same for the type in
 * the {@code MBeanInfo}, and {@link #toMap} gives the export the record under the same names.
 */
public final class Composites {

    /** Described types by the type the mapping derived: the mapping hands out the same few types. */
    private static final Map<OpenType<?>, OpenType<?>> DESCRIBED = new ConcurrentHashMap<>();

    private Composites() {
    }

    /**
     * The record as a value of {@code mapped} (the type the MXBean mapping derived for its class),
     * its items described: what {@code CompositeDataView.toCompositeData} returns.
     */
    public static CompositeData of(Record record, CompositeType mapped) {
        return composite(record, (CompositeType) describe(mapped, record.getClass().getClassLoader()));
    }

    /**
     * The type with the descriptions of the records it is made of, found by their class names in
     * {@code loader}; a type without such records is returned as it is.
     */
    public static OpenType<?> describe(OpenType<?> type, ClassLoader loader) {
        OpenType<?> described = DESCRIBED.get(type);
        if (described == null) {
            described = build(type, loader);
            DESCRIBED.put(type, described);
        }
        return described;
    }

    /**
     * The record as a map under its components' names, in their order, nested records and maps
     * likewise; a component without a value (a figure not measured) is left out.
     */
    public static Map<String, Object> toMap(Record record) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            Object value = plain(read(record, component));
            if (value != null) {
                map.put(component.getName(), value);
            }
        }
        return map;
    }

    private static Object plain(Object value) {
        if (value instanceof Record) {
            return toMap((Record) value);
        }
        if (value instanceof Map) {
            Map<Object, Object> map = new LinkedHashMap<>();
            ((Map<?, ?>) value).forEach((key, element) -> map.put(key, plain(element)));
            return map;
        }
        return value;
    }

    private static CompositeData composite(Record record, CompositeType type) {
        String[] names = type.keySet().toArray(new String[0]);
        Object[] values = new Object[names.length];
        for (int i = 0; i < names.length; i++) {
            values[i] = open(read(record, component(record.getClass(), names[i])), type.getType(names[i]));
        }
        try {
            return new CompositeDataSupport(type, names, values);
        } catch (OpenDataException e) {
            throw new IllegalStateException("cannot map " + record.getClass().getName() + ": " + e.getMessage(), e);
        }
    }

    private static Object open(Object value, OpenType<?> type) {
        if (value instanceof Record && type instanceof CompositeType) {
            return composite((Record) value, (CompositeType) type);
        }
        if (value instanceof Map && type instanceof TabularType) {
            TabularType tableType = (TabularType) type;
            CompositeType row = tableType.getRowType();
            TabularDataSupport table = new TabularDataSupport(tableType);
            for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                try {
                    table.put(new CompositeDataSupport(row, new String[] {"key", "value"},
                            new Object[] {open(entry.getKey(), row.getType("key")),
                                    open(entry.getValue(), row.getType("value"))}));
                } catch (OpenDataException e) {
                    throw new IllegalStateException("cannot map the row " + entry.getKey() + ": " + e.getMessage(), e);
                }
            }
            return table;
        }
        return value; // a simple value: the mapping's type is its boxed class
    }

    private static OpenType<?> build(OpenType<?> type, ClassLoader loader) {
        try {
            if (type instanceof CompositeType) {
                return composite((CompositeType) type, loader);
            }
            if (type instanceof TabularType) {
                TabularType table = (TabularType) type;
                return new TabularType(table.getTypeName(), table.getDescription(),
                        (CompositeType) describe(table.getRowType(), loader),
                        table.getIndexNames().toArray(new String[0]));
            }
            return type;
        } catch (OpenDataException e) {
            throw new IllegalStateException("cannot describe " + type.getTypeName() + ": " + e.getMessage(), e);
        }
    }

    private static CompositeType composite(CompositeType type, ClassLoader loader) throws OpenDataException {
        Class<?> record = recordClass(type.getTypeName(), loader);
        String[] names = type.keySet().toArray(new String[0]);
        String[] descriptions = new String[names.length];
        OpenType<?>[] types = new OpenType<?>[names.length];
        for (int i = 0; i < names.length; i++) {
            Figure figure = record == null ? null : component(record, names[i]).getAnnotation(Figure.class);
            descriptions[i] = figure == null ? type.getDescription(names[i])
                    : figure.units().isEmpty() ? figure.value() : figure.value() + " (" + figure.units() + ")";
            types[i] = describe(type.getType(names[i]), loader);
        }
        return new CompositeType(type.getTypeName(), type.getDescription(), names, descriptions, types);
    }

    /** The record class the mapping named the type after; null for a type of another kind (a map's row). */
    private static Class<?> recordClass(String typeName, ClassLoader loader) {
        try {
            Class<?> type = Class.forName(typeName, false, loader);
            return type.isRecord() ? type : null;
        } catch (ClassNotFoundException | LinkageError notAClass) {
            return null;
        }
    }

    private static RecordComponent component(Class<?> record, String name) {
        for (RecordComponent component : record.getRecordComponents()) {
            if (component.getName().equals(name)) {
                return component;
            }
        }
        throw new IllegalStateException(record.getName() + " has no component " + name);
    }

    private static Object read(Record record, RecordComponent component) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + record.getClass().getName() + "." + component.getName(), e);
        }
    }
}
