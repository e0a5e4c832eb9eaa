package io.autobot.optimizer.cli.shell;

import io.autobot.optimizer.api.AgentNotAttachedException;
import io.autobot.optimizer.api.AutoBot;
import io.autobot.optimizer.api.OpenData;
import io.autobot.optimizer.protocol.settings.Catalogue;
import io.autobot.optimizer.protocol.settings.SettingDef;
import io.autobot.optimizer.protocol.settings.Values;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.management.Attribute;
import javax.management.AttributeList;
import javax.management.AttributeNotFoundException;
import javax.management.InstanceNotFoundException;
import javax.management.InvalidAttributeValueException;
import javax.management.JMException;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanException;
import javax.management.MBeanServerConnection;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import javax.management.RuntimeErrorException;
import javax.management.RuntimeMBeanException;

/**
 * The agent's {@code io.autobot.optimizer:type=Optimizer} MXBean as an {@link OptimizerBackend},
 * over any MBean server connection: the platform server for the agent in this JVM, a JMX
 * connector for the agent in another JVM. Values are converted to the types the bean declares,
 * so the back end needs none of the agent's classes.
 */
public final class MBeanBackend implements OptimizerBackend {

    /** The writable attributes {@code status} shows, in the contract's order (from the settings catalogue). */
    public static final List<String> SETTINGS = Catalogue.statusAttributes();

    private static final ObjectName OPTIMIZER = optimizerName();
    private static final String VERSION = "Version";
    private static final String CACHE_STATISTICS = "CacheStatistics";

    private final MBeanServerConnection connection;
    private final String target;
    private final String notAttached;
    private volatile Map<String, String> attributeTypes;

    /**
     * @param connection the MBean server of the target JVM
     * @param target the target for messages, such as {@code process 1234}
     * @param notAttached the message when the agent does not run there (says how to attach it)
     */
    public MBeanBackend(MBeanServerConnection connection, String target, String notAttached) {
        this.connection = connection;
        this.target = target;
        this.notAttached = notAttached;
    }

    /** The agent of this JVM, through the platform MBean server (what {@link AutoBot} uses). */
    public static MBeanBackend inProcess() {
        return new MBeanBackend(ManagementFactory.getPlatformMBeanServer(), "this JVM",
                new AgentNotAttachedException().getMessage());
    }

    @Override
    public String target() {
        return target;
    }

    /** Whether the agent's bean is registered in the target. */
    public boolean attached() {
        return call(() -> connection.isRegistered(OPTIMIZER));
    }

    @Override
    public Map<String, Object> settings() {
        return ordered(attributes(SETTINGS));
    }

    /**
     * The version, the settings and the cache statistics in one {@code getAttributes} call; an
     * attribute that call leaves out (an agent of another version, a getter that failed) is asked
     * for alone, which says why.
     */
    @Override
    public Map<String, Object> status() {
        List<String> names = new ArrayList<>(SETTINGS);
        names.add(VERSION);
        names.add(CACHE_STATISTICS);
        Map<String, Object> values = attributes(names);
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("version", values.containsKey(VERSION) ? stringOrNull(values.get(VERSION)) : agentVersion());
        status.put("settings", ordered(values));
        status.put("cacheStatistics", values.containsKey(CACHE_STATISTICS) ? asMap(values.get(CACHE_STATISTICS))
                : cacheStatistics());
        return status;
    }

    /** The values the bean gives for these attributes, by name (converted to JDK types). */
    private Map<String, Object> attributes(List<String> names) {
        AttributeList values = call(() -> connection.getAttributes(OPTIMIZER, names.toArray(new String[0])));
        Map<String, Object> byName = new LinkedHashMap<>();
        for (Attribute attribute : values.asList()) {
            byName.put(attribute.getName(), OpenData.toJava(attribute.getValue()));
        }
        return byName;
    }

    /** The settings among these values, in the contract's order. */
    private static Map<String, Object> ordered(Map<String, Object> byName) {
        Map<String, Object> ordered = new LinkedHashMap<>();
        for (String name : SETTINGS) {
            if (byName.containsKey(name)) {
                ordered.put(name, byName.get(name));
            }
        }
        return ordered;
    }

    @Override
    public String agentVersion() {
        try {
            return stringOrNull(attribute(VERSION));
        } catch (UnsupportedOperationException missing) {
            return null;
        }
    }

    /**
     * Checks the text with the setting's catalogue entry (the message names the setting and what
     * it accepts) and sends the value in the attribute's type; an attribute the catalogue does not
     * know (an agent of another version) is converted by the type the bean declares.
     */
    @Override
    public void set(String attribute, String value) {
        String type = attributeTypes().get(attribute);
        if (type == null) {
            throw new IllegalArgumentException("the agent in " + target + " has no writable attribute " + attribute
                    + ": expected one of " + String.join(", ", attributeTypes().keySet()));
        }
        SettingDef setting = Catalogue.byAttribute(attribute);
        Object converted = setting != null && setting.type().openType().equals(type)
                ? setting.parseAttribute(value) : convert(attribute, value.trim(), type);
        call(() -> {
            connection.setAttribute(OPTIMIZER, new Attribute(attribute, converted));
            return null;
        });
    }

    @Override
    public Map<String, Object> performanceReport() {
        return asMap(attribute("PerformanceReport"));
    }

    /** Empty when the agent has no cache statistics (an agent of another version). */
    @Override
    public Map<String, Object> cacheStatistics() {
        try {
            return asMap(attribute(CACHE_STATISTICS));
        } catch (UnsupportedOperationException missing) {
            return new LinkedHashMap<>();
        }
    }

    @Override
    public List<String> recommendations() {
        Object value = attribute("Recommendations");
        List<String> list = new ArrayList<>();
        if (value instanceof List) {
            for (Object element : (List<?>) value) {
                list.add(String.valueOf(element));
            }
        } else if (value != null) {
            list.add(String.valueOf(value));
        }
        return list;
    }

    @Override
    public void clearCache() {
        invoke("clearCache", new Object[0], new String[0]);
    }

    @Override
    public void applyScenario(String scenario) {
        invoke("applyScenario", new Object[] {scenario}, new String[] {String.class.getName()});
    }

    @Override
    public String exportPerformanceData(String file, String format) {
        return String.valueOf(invoke("exportPerformanceData", new Object[] {file, format},
                new String[] {String.class.getName(), String.class.getName()}));
    }

    @Override
    public String startDiscovery(List<String> includes, String duration, int top) {
        return String.valueOf(invoke("startDiscovery", new Object[] {includes.toArray(new String[0]), duration, top},
                new String[] {String[].class.getName(), String.class.getName(), int.class.getName()}));
    }

    @Override
    public Map<String, Object> pollDiscovery(String id) {
        return asMap(invoke("pollDiscovery", new Object[] {id}, new String[] {String.class.getName()}));
    }

    @Override
    public void cancelDiscovery(String id) {
        invoke("cancelDiscovery", new Object[] {id}, new String[] {String.class.getName()});
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> fleet() {
        Object value = attribute("Fleet");
        List<Map<String, Object>> members = new ArrayList<>();
        if (value instanceof List) {
            for (Object member : (List<?>) value) {
                members.add(asMap(member));
            }
        }
        return members;
    }

    @Override
    public String applyToFleet(String attribute, String value) {
        return String.valueOf(invoke("applyToFleet", new Object[] {attribute, value},
                new String[] {String.class.getName(), String.class.getName()}));
    }

    @Override
    public String applyScenarioToFleet(String scenario) {
        return String.valueOf(invoke("applyScenarioToFleet", new Object[] {scenario},
                new String[] {String.class.getName()}));
    }

    @Override
    public String clearFleetCache() {
        return String.valueOf(invoke("clearFleetCache", new Object[0], new String[0]));
    }

    private static String stringOrNull(Object value) {
        return value == null ? null : String.valueOf(value);
    }

    private Object attribute(String name) {
        return OpenData.toJava(call(() -> connection.getAttribute(OPTIMIZER, name)));
    }

    private Object invoke(String operation, Object[] params, String[] signature) {
        return OpenData.toJava(call(() -> connection.invoke(OPTIMIZER, operation, params, signature)));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        if (value instanceof Map) {
            return (Map<String, Object>) value;
        }
        Map<String, Object> map = new LinkedHashMap<>();
        if (value != null) {
            map.put("value", value);
        }
        return map;
    }

    /** The writable attributes and their open types, read once from the bean's MBeanInfo. */
    private Map<String, String> attributeTypes() {
        Map<String, String> types = attributeTypes;
        if (types == null) {
            types = new LinkedHashMap<>();
            for (MBeanAttributeInfo info : call(() -> connection.getMBeanInfo(OPTIMIZER)).getAttributes()) {
                if (info.isWritable()) {
                    types.put(info.getName(), info.getType());
                }
            }
            attributeTypes = types;
        }
        return types;
    }

    private static Object convert(String attribute, String text, String type) {
        try {
            switch (type) {
                case "int": case "java.lang.Integer":
                    return Integer.valueOf(text);
                case "long": case "java.lang.Long":
                    return Long.valueOf(text);
                case "double": case "java.lang.Double":
                    return Double.valueOf(text);
                case "float": case "java.lang.Float":
                    return Float.valueOf(text);
                case "boolean": case "java.lang.Boolean":
                    return Values.parseBoolean(text);
                default:
                    return text;
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(attribute + "='" + text + "' is not accepted: expected "
                    + describe(type));
        }
    }

    private static String describe(String type) {
        switch (type) {
            case "int": case "java.lang.Integer": case "long": case "java.lang.Long":
                return "a whole number";
            case "boolean": case "java.lang.Boolean":
                return "true or false";
            default:
                return "a number";
        }
    }

    /** One JMX call, with its failures turned into the exceptions {@link OptimizerBackend} documents. */
    private interface JmxCall<T> {
        T run() throws JMException, IOException;
    }

    private <T> T call(JmxCall<T> call) {
        try {
            return call.run();
        } catch (InstanceNotFoundException e) {
            throw new AgentNotAttachedException(notAttached);
        } catch (RuntimeMBeanException e) {
            throw e.getTargetException();
        } catch (RuntimeErrorException e) {
            throw new IllegalStateException("the agent in " + target + " failed: " + e.getTargetError(), e);
        } catch (MBeanException e) {
            Exception cause = e.getTargetException();
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            throw new IllegalStateException("the agent in " + target + " failed: " + cause, cause);
        } catch (InvalidAttributeValueException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        } catch (AttributeNotFoundException e) {
            throw new UnsupportedOperationException("the agent in " + target + " does not have this: "
                    + e.getMessage() + " (is it another version?)", e);
        } catch (JMException e) {
            throw new IllegalStateException("the agent in " + target + " failed: " + e, e);
        } catch (IOException e) {
            throw new TargetUnavailableException(target + " cannot be reached any more (it has exited?): "
                    + TargetUnavailableException.reason(e), e);
        }
    }

    private static ObjectName optimizerName() {
        try {
            return new ObjectName(AutoBot.OPTIMIZER_BEAN);
        } catch (MalformedObjectNameException e) {
            throw new AssertionError(e);
        }
    }
}
