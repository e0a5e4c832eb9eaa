package io.autobot.optimizer.management.jmx;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 *
 * <p>Until the platform server exists ({@link PlatformServerWatch}) the beans wait here, and
 * {@link #attach} registers them all on it: the agent never makes the server for itself.
 */
public final class Beans {

    private static final Logger LOG = LoggerFactory.getLogger("io.autobot.optimizer");

    private final Map<ObjectName, Object> waiting = new LinkedHashMap<>();
    private final List<ObjectName> registered = new CopyOnWriteArrayList<>();
    private MBeanServer server;

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
    public synchronized void register(Object bean, ObjectName name) throws JMException {
        if (server == null) {
            waiting.put(name, bean);
            return;
        }
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

    /**
     * Registers every waiting bean on the platform server, which now exists; later beans go there
     * at once. A bean that cannot be registered is logged and left out, the others are registered.
     */
    public synchronized void attach(MBeanServer platform) {
        server = platform;
        for (Map.Entry<ObjectName, Object> entry : waiting.entrySet()) {
            try {
                register(entry.getValue(), entry.getKey());
            } catch (JMException | RuntimeException e) {
                LOG.warn("the bean {} could not be registered: {}", entry.getKey(), e.toString());
            }
        }
        waiting.clear();
    }

    /** The platform server the beans are registered on; null until it exists. */
    public synchronized MBeanServer server() {
        return server;
    }

    public boolean isRegistered(ObjectName name) {
        return registered.contains(name);
    }

    /** Unregisters every bean this registered. */
    public synchronized void unregisterAll() {
        waiting.clear();
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
