package io.autobot.optimizer.agent.policy;

import java.security.AccessControlContext;
import java.security.AccessController;
import java.security.PrivilegedAction;
import java.security.ProtectionDomain;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Creates the agent's own threads so that they hold nothing of the host thread that happened to
 * need them first: no inherited thread-locals, the system class loader as context loader, the
 * thread group of the agent's start, and an access-control context without the creator's
 * protection domains (which would otherwise keep the creating class's loader reachable for as
 * long as the thread lives). Daemon threads, named {@code prefix} plus a number when numbered.
 */
public final class AgentThreads implements ThreadFactory {

    @SuppressWarnings("removal")
    private static final AccessControlContext NEUTRAL = new AccessControlContext(new ProtectionDomain[0]);

    private final String prefix;
    private final boolean numbered;
    private final ThreadGroup group = Thread.currentThread().getThreadGroup();
    private final AtomicInteger count;

    /**
     * @param counter the numbering shared by factories of the same name, or null for one thread name
     */
    public AgentThreads(String prefix, AtomicInteger counter) {
        this.prefix = prefix;
        this.numbered = counter != null;
        this.count = counter;
    }

    @Override
    @SuppressWarnings("removal")
    public Thread newThread(Runnable task) {
        // not +: the JDK spins the method handles of a concatenation's first use, on the thread that
        // needs the first worker, in a split call
        String name = numbered ? prefix.concat(Integer.toString(count.incrementAndGet())) : prefix;
        return AccessController.doPrivileged((PrivilegedAction<Thread>) () -> {
            Thread thread = new Thread(group, task, name, 0, false);
            thread.setDaemon(true);
            thread.setContextClassLoader(ClassLoader.getSystemClassLoader());
            return thread;
        }, NEUTRAL);
    }
}
