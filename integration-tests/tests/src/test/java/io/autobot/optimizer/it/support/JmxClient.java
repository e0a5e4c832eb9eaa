package io.autobot.optimizer.it.support;

import com.sun.tools.attach.VirtualMachine;
import io.autobot.optimizer.protocol.attach.AttachProtocol;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javax.management.Attribute;
import javax.management.MBeanServerConnection;
import javax.management.Notification;
import javax.management.ObjectName;
import javax.management.RuntimeMBeanException;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * A JMX client of a child JVM, as JConsole is one: it attaches with the Attach API, starts the
 * JVM's local management agent and talks JMX over it. It has none of the agent's classes: every
 * value it reads must be an open type.
 */
public final class JmxClient implements AutoCloseable {

    private final JMXConnector connector;
    private final MBeanServerConnection connection;

    private JmxClient(JMXConnector connector) throws IOException {
        this.connector = connector;
        this.connection = connector.getMBeanServerConnection();
    }

    public static JmxClient attach(long pid) throws Exception {
        VirtualMachine vm = VirtualMachine.attach(String.valueOf(pid));
        try {
            awaitBeans(vm);
            String address = vm.startLocalManagementAgent();
            return new JmxClient(JMXConnectorFactory.connect(new JMXServiceURL(address)));
        } finally {
            vm.detach();
        }
    }

    /**
     * Waits, as the CLI does, while an agent started with {@code -javaagent} still registers its
     * beans after {@code premain} (its "starting" property is set, its "started" one not yet).
     */
    private static void awaitBeans(VirtualMachine vm) throws Exception {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            java.util.Properties properties = vm.getSystemProperties();
            if (AttachProtocol.isSet(properties.getProperty(AttachProtocol.STARTED_PROPERTY))
                    || !AttachProtocol.isSet(properties.getProperty(AttachProtocol.STARTING_PROPERTY))) {
                return;
            }
            Thread.sleep(20);
        }
    }

    public MBeanServerConnection connection() {
        return connection;
    }

    public static ObjectName name(String text) {
        try {
            return new ObjectName(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    public Object get(String bean, String attribute) throws Exception {
        return connection.getAttribute(name(bean), attribute);
    }

    public void set(String bean, String attribute, Object value) throws Exception {
        connection.setAttribute(name(bean), new Attribute(attribute, value));
    }

    public Object invoke(String bean, String operation, Object... params) throws Exception {
        String[] signature = new String[params.length];
        for (int i = 0; i < params.length; i++) {
            signature[i] = signature(params[i]);
        }
        return connection.invoke(name(bean), operation, params, signature);
    }

    private static String signature(Object param) {
        if (param instanceof Integer) {
            return "int";
        }
        if (param instanceof Long) {
            return "long";
        }
        return param.getClass().getName();
    }

    /** The exception the bean threw, as the client sees it. */
    public static Throwable thrown(Exception e) {
        return e instanceof RuntimeMBeanException ? ((RuntimeMBeanException) e).getTargetException() : e;
    }

    /** Collects every notification of a bean, in arrival order. */
    public List<Notification> listen(String bean) throws Exception {
        List<Notification> received = new CopyOnWriteArrayList<>();
        connection.addNotificationListener(name(bean), (notification, handback) -> received.add(notification), null,
                null);
        return received;
    }

    /** Waits until a collected notification matches, and returns it; null after the time. */
    public static Notification await(List<Notification> received, Predicate<Notification> matching, long seconds)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        do {
            for (Notification notification : received) {
                if (matching.test(notification)) {
                    return notification;
                }
            }
            Thread.sleep(50);
        } while (System.nanoTime() < deadline);
        return null;
    }

    @Override
    public void close() throws IOException {
        connector.close();
    }
}
