package io.autobot.optimizer.management;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The one daemon thread the management plane runs on: the once-a-second tick (new operations,
 * throughput, alerts, auto-tuning) and system sampling. It measures its own CPU time, so the
 * agent's idle cost can be read from {@code type=System}.
 */
public final class ManagementThread extends ScheduledThreadPoolExecutor {

    private volatile Thread thread;

    public ManagementThread() {
        super(1);
        setThreadFactory(task -> {
            Thread created = new Thread(task, "autobot-management");
            created.setDaemon(true);
            thread = created;
            return created;
        });
        setRemoveOnCancelPolicy(true);
        setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    /** CPU time the thread used so far, in nanoseconds; -1 when the JVM cannot tell. */
    public long cpuNanos() {
        Thread current = thread;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        if (current == null || !threads.isThreadCpuTimeSupported()) {
            return current == null ? 0 : -1;
        }
        long nanos = threads.getThreadCpuTime(current.getId());
        return Math.max(nanos, -1);
    }

    /** Stops the thread, waiting briefly for a running task. */
    public void stop() {
        shutdownNow();
        try {
            awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
