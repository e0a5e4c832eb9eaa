package io.autobot.optimizer.management.jmx;

import io.autobot.optimizer.management.opendata.Composites;
import io.autobot.optimizer.protocol.settings.Catalogue;
import io.autobot.optimizer.protocol.settings.SettingDef;
import java.lang.reflect.Method;
import javax.management.Descriptor;
import javax.management.ImmutableDescriptor;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanConstructorInfo;
import javax.management.MBeanInfo;
import javax.management.MBeanOperationInfo;
import javax.management.MBeanParameterInfo;
import javax.management.NotificationBroadcasterSupport;
import javax.management.NotificationEmitter;
import javax.management.StandardEmitterMBean;
import javax.management.openmbean.OpenType;

/**
 * An agent bean as JMX clients should see it: every attribute and operation with the description
 * and unit of its {@link Described} (or, for a setting, of its catalogue entry), operation
 * parameters under their names in the interface, and no constructor (the beans are made by the
 * agent, from classes a client has no use for). Notifications are the bean's own; a bean that
 * sends none gets an emitter with nothing to send.
 */
final class DescribedMXBean<T> extends StandardEmitterMBean {

    private final Class<T> type;
    private volatile MBeanInfo complete;

    private DescribedMXBean(T bean, Class<T> type, NotificationEmitter emitter) {
        super(bean, type, true, emitter);
        this.type = type;
    }

    /** Wraps a bean that implements the MXBean interface {@code type}. */
    static <T> DescribedMXBean<T> of(T bean, Class<T> type) {
        NotificationEmitter emitter = bean instanceof NotificationEmitter ? (NotificationEmitter) bean
                : new NotificationBroadcasterSupport();
        return new DescribedMXBean<>(bean, type, emitter);
    }

    @Override
    public MBeanInfo getMBeanInfo() {
        MBeanInfo info = complete;
        if (info == null) {
            info = withUnits(super.getMBeanInfo());
            cacheMBeanInfo(info);
            complete = info;
        }
        return info;
    }

    @Override
    protected String getDescription(MBeanInfo info) {
        Described described = type.getAnnotation(Described.class);
        return described == null ? info.getDescription() : described.value();
    }

    @Override
    protected String getDescription(MBeanAttributeInfo info) {
        Described described = described(getter(info.getName()));
        if (described != null && !described.value().isEmpty()) {
            return described.value();
        }
        SettingDef setting = setting(info.getName());
        return setting == null ? info.getDescription() : capitalized(setting.doc()) + ": " + setting.accepted()
                + " (setting " + setting.key() + ", " + setting.environmentVariable() + ")";
    }

    @Override
    protected String getDescription(MBeanOperationInfo info) {
        Described described = described(operation(info));
        return described == null ? info.getDescription() : described.value();
    }

    @Override
    protected String getParameterName(MBeanOperationInfo operation, MBeanParameterInfo parameter, int sequence) {
        Method method = operation(operation);
        return method == null || sequence >= method.getParameterCount() ? parameter.getName()
                : method.getParameters()[sequence].getName();
    }

    @Override
    protected String getDescription(MBeanOperationInfo operation, MBeanParameterInfo parameter, int sequence) {
        return getParameterName(operation, parameter, sequence);
    }

    @Override
    protected MBeanConstructorInfo[] getConstructors(MBeanConstructorInfo[] constructors, Object implementation) {
        return null;
    }

    /**
     * The info with the {@code units} descriptor field of every attribute and operation that has
     * one, and each attribute's {@code openType} with the descriptions of the figures it is made of.
     */
    private MBeanInfo withUnits(MBeanInfo info) {
        MBeanAttributeInfo[] attributes = info.getAttributes().clone();
        for (int i = 0; i < attributes.length; i++) {
            MBeanAttributeInfo a = attributes[i];
            String units = units(described(getter(a.getName())), setting(a.getName()));
            Descriptor descriptor = described(a.getDescriptor());
            if (units != null) {
                descriptor = withUnits(descriptor, units);
            }
            attributes[i] = new MBeanAttributeInfo(a.getName(), a.getType(), a.getDescription(), a.isReadable(),
                    a.isWritable(), a.isIs(), descriptor);
        }
        MBeanOperationInfo[] operations = info.getOperations().clone();
        for (int i = 0; i < operations.length; i++) {
            MBeanOperationInfo o = operations[i];
            String units = units(described(operation(o)), null);
            if (units != null) {
                operations[i] = new MBeanOperationInfo(o.getName(), o.getDescription(), o.getSignature(),
                        o.getReturnType(), o.getImpact(), withUnits(o.getDescriptor(), units));
            }
        }
        return new MBeanInfo(info.getClassName(), info.getDescription(), attributes, info.getConstructors(),
                operations, info.getNotifications(), info.getDescriptor());
    }

    /** The descriptor with its {@code openType} described item by item ({@link Composites}). */
    private Descriptor described(Descriptor descriptor) {
        Object openType = descriptor.getFieldValue("openType");
        if (!(openType instanceof OpenType)) {
            return descriptor;
        }
        String[] names = descriptor.getFieldNames();
        Object[] values = descriptor.getFieldValues(names);
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals("openType")) {
                values[i] = Composites.describe((OpenType<?>) openType, type.getClassLoader());
            }
        }
        return new ImmutableDescriptor(names, values);
    }

    private static Descriptor withUnits(Descriptor descriptor, String units) {
        return ImmutableDescriptor.union(descriptor, new ImmutableDescriptor(new String[] {"units"},
                new Object[] {units}));
    }

    /** The annotation's unit; for a duration setting without one, seconds (the attributes' unit). */
    private static String units(Described described, SettingDef setting) {
        if (described != null && !described.units().isEmpty()) {
            return described.units();
        }
        return setting != null && setting.type() == SettingDef.Type.DURATION ? "seconds" : null;
    }

    private static Described described(Method method) {
        return method == null ? null : method.getAnnotation(Described.class);
    }

    private Method getter(String attribute) {
        for (Method method : type.getMethods()) {
            String name = method.getName();
            if (method.getParameterCount() == 0 && (name.equals("get" + attribute) || name.equals("is" + attribute))) {
                return method;
            }
        }
        return null;
    }

    /**
     * The interface method of an operation: by name and number of parameters, which tells apart the
     * overloads the interfaces have ({@code exportPerformanceData(fileName)} and
     * {@code (fileName, format)}).
     */
    private Method operation(MBeanOperationInfo info) {
        for (Method method : type.getMethods()) {
            if (method.getName().equals(info.getName()) && method.getParameterCount() == info.getSignature().length) {
                return method;
            }
        }
        return null;
    }

    private SettingDef setting(String attribute) {
        if (type != OptimizerMXBean.class) {
            return null;
        }
        for (SettingDef setting : Catalogue.all()) {
            if (attribute.equals(setting.attribute())) {
                return setting;
            }
        }
        return null;
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
