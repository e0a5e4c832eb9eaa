package io.autobot.optimizer.agent.policy.parallel;

import io.autobot.optimizer.agent.config.RuntimeSettings;
import io.autobot.optimizer.agent.config.Setting;
import io.autobot.optimizer.agent.policy.AgentThreads;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The agent's worker threads: {@code OPTIMIZATION_MAX_WORKERS} scaled by the level, resized at
 * once when either changes. Daemon threads named {@code autobot-worker-N}, created on demand and
 * ended after 30 idle seconds, so an idle (or detached) agent holds none.
 *
 * <p>Work is only ever handed to a worker that is free: {@link #tryExecute} refuses when all are
 * busy, and the caller does the work itself. Nothing ever waits in a queue for a worker, which is
 * what keeps nested parallel calls from deadlocking or starving the pool.
 */
public final class WorkerPool {

    private static final AtomicInteger THREADS = new AtomicInteger();

    private final RuntimeSettings settings;
    private final ThreadPoolExecutor executor;

    public WorkerPool(RuntimeSettings settings) {
        this.settings = settings;
        int size = settings.effectiveWorkers();
        this.executor = new ThreadPoolExecutor(size, size, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
                new AgentThreads("autobot-worker-", THREADS), (task, pool) -> {
                    throw Saturated.INSTANCE;
                });
        executor.allowCoreThreadTimeOut(true);
        settings.addListener((setting, oldValue, newValue) -> {
            if (setting == Setting.MAX_WORKERS || setting == Setting.LEVEL) {
                resize(settings.effectiveWorkers());
            }
        });
    }

    /** How many threads may work on one call at once, the caller's included. */
    public int parallelism() {
        return settings.effectiveWorkers();
    }

    /** The pool's current size limit. */
    public int maximumSize() {
        return executor.getMaximumPoolSize();
    }

    /**
     * Stops taking work and lets the workers end once their chunks are done; calls that split
     * after this run all their chunks on the caller's thread.
     */
    public void shutdown() {
        executor.shutdown();
    }

    /** Runs the task on a free worker; false, at once, when none is free. */
    boolean tryExecute(Runnable task) {
        try {
            executor.execute(task);
            return true;
        } catch (RejectedExecutionException saturated) {
            return false;
        }
    }

    synchronized void resize(int size) {
        if (size > executor.getMaximumPoolSize()) {
            executor.setMaximumPoolSize(size);
            executor.setCorePoolSize(size);
        } else {
            executor.setCorePoolSize(size);
            executor.setMaximumPoolSize(size);
        }
    }

    /** The refusal of a saturated pool: expected, so without a stack trace. */
    private static final class Saturated extends RejectedExecutionException {
        private static final long serialVersionUID = 1L;
        static final Saturated INSTANCE = new Saturated();

        private Saturated() {
            super("all workers are busy");
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }
}
