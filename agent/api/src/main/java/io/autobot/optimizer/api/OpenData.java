package io.autobot.optimizer.api;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;

/**
 * Turns the open-type values of the agent's MXBeans into plain Java: {@code CompositeData} into
 * maps (in the order of its type: by item name), {@code TabularData} of key/value rows into maps,
 * arrays into lists. An item without a value (a figure not measured yet, a cache tier that is not
 * open) is left out of its map, as the JSON export leaves it out. Other values (counts as
 * {@code Long}, rates and times as {@code Double}) are returned as they are.
 */
public final class OpenData {

    private OpenData() {
    }

    public static Object toJava(Object value) {
        if (value instanceof CompositeData) {
            CompositeData data = (CompositeData) value;
            Map<String, Object> map = new LinkedHashMap<>();
            for (String key : data.getCompositeType().keySet()) {
                Object item = data.get(key);
                if (item != null) {
                    map.put(key, toJava(item));
                }
            }
            return map;
        }
        if (value instanceof TabularData) {
            TabularData table = (TabularData) value;
            Map<String, Object> map = new LinkedHashMap<>();
            for (Object row : table.values()) {
                CompositeData entry = (CompositeData) row;
                if (entry.containsKey("key") && entry.containsKey("value")) {
                    map.put(String.valueOf(entry.get("key")), toJava(entry.get("value")));
                } else {
                    map.put(String.valueOf(map.size()), toJava(entry));
                }
            }
            return map;
        }
        if (value != null && value.getClass().isArray()) {
            List<Object> list = new ArrayList<>();
            for (int i = 0; i < Array.getLength(value); i++) {
                list.add(toJava(Array.get(value, i)));
            }
            return Collections.unmodifiableList(list);
        }
        return value;
    }
}
