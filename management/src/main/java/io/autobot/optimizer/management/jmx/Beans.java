package io.autobot.optimizer.management.jmx;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.management.InstanceNotFoundException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers the agent's beans on the platform MBean server and remembers them, so that stopping
 * the agent (detach) unregisters every one. A bean left behind by an earlier run is replaced.
 */
public final class Beans {

    private static final Logger LOG = LoggerFactory.getLogger("io.autobot.optimizer");

    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    private final List<ObjectName> registered = new CopyOnWriteArrayList<>();

    /** An object name from a literal. */
    public static ObjectName name(String text) {
        try {
            return new ObjectName(text);
        } catch (MalformedObjectNameException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** {@code io.autobot.optimizer:type=<type>,<key>=<value>}, quoting the value when it needs it. */
    public static ObjectName name(String type, String key, String value) {
        boolean plain = value.matches("[A-Za-z0-9_.$\\-]+");
        return name("io.autobot.optimizer:type=" + type + "," + key + "=" + (plain ? value : ObjectName.quote(value)));
    }

    /**
     * Registers a bean under a name, replacing what is there; an MXBean is registered with the
     * descriptions, units and parameter names of its interface ({@link DescribedMXBean}).
     */
    public void register(Object bean, ObjectName name) throws JMException {
        if (server.isRegistered(name)) {
            server.unregisterMBean(name);
        }
        server.registerMBean(described(bean), name);
        registered.add(name);
    }

    private static Object described(Object bean) {
        for (Class<?> type : bean.getClass().getInterfaces()) {
            if (type.getName().endsWith("MXBean")) {
                return wrap(bean, type);
            }
        }
        return bean;
    }

    private static <T> DescribedMXBean<T> wrap(Object bean, Class<T> type) {
        return DescribedMXBean.of(type.cast(bean), type);
    }

    public boolean isRegistered(ObjectName name) {
        return registered.contains(name);
    }

    /** Unregisters every bean this registered. */
    public void unregisterAll() {
        for (ObjectName name : registered) {
            try {
                server.unregisterMBean(name);
            } catch (InstanceNotFoundException gone) {
                // someone unregistered it already
            } catch (JMException e) {
                LOG.debug("could not unregister {}: {}", name, e.toString());
            }
        }
        registered.clear();
    }
}
