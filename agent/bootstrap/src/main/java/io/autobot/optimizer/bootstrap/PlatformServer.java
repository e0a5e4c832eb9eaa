package io.autobot.optimizer.bootstrap;

/**
 * What the JDK's {@code ManagementFactory.getPlatformMBeanServer} calls, once the agent has woven
 * it, before it returns: the platform MBean server exists, so the agent's beans can join it. The
 * agent registers its beans only then, on the thread that asked for the server (a JMX client's
 * connection, the CLI, the host's own code), so a JVM that nobody looks at over JMX never pays for
 * the server (about 170 ms of CPU at start-up).
 *
 * <p>The listener runs once, inside the JDK's lock on {@code ManagementFactory}, after the server
 * is built: a call to {@code getPlatformMBeanServer} from it returns that server. Nothing it throws
 * reaches the caller.
 */
public final class PlatformServer {

    private static volatile Runnable listener;

    private PlatformServer() {
    }

    /** Called by the woven {@code getPlatformMBeanServer} on each return: a volatile read after the first. */
    public static void created() {
        Runnable current = listener;
        if (current == null) {
            return;
        }
        listener = null; // once: the JDK's method is synchronized, so no second caller gets here first
        try {
            current.run();
        } catch (Throwable ignored) {
            // the host's server is returned as the JDK built it
        }
    }

    /** Runs this the next time the platform server is asked for; null stops listening. */
    public static void listen(Runnable onCreated) {
        listener = onCreated;
    }
}
