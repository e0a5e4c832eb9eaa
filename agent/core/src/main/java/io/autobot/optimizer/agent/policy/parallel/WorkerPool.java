package io.autobot.optimizer.agent.policy.parallel;

import io.autobot.optimizer.agent.config.RuntimeSettings;
import io.autobot.optimizer.agent.config.Setting;
import io.autobot.optimizer.agent.policy.AgentThreads;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
    private static final Logger LOG = LoggerFactory.getLogger("io.autobot.optimizer");

    private final RuntimeSettings settings;
    private final ThreadPoolExecutor executor;
    private final AtomicBoolean warmUpStarted = new AtomicBoolean();

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

    /**
     * Prepares the first split now, once, on a thread of its own: loads the splitter's classes and
     * has the JDK set up its stack walker ({@link ClassInitialization}). Called when the first
     * {@code @Parallel} method is registered, as its class loads: its first call then does not pay
     * for them on the host's thread (docs/benchmarks.md, "The first split of a fresh JVM"). The
     * workers are not started ahead: a worker still starting takes no chunk, so the first split
     * would get fewer of them.
     */
    void warmUp() {
        if (!warmUpStarted.compareAndSet(false, true)) {
            return;
        }
        new AgentThreads("autobot-parallel-warmup", null).newThread(WorkerPool::prepareFirstSplit).start();
    }

    private static void prepareFirstSplit() {
        try {
            // the classes a first split loads beyond a registration's: named here, not in a static
            // field, so that they load on this thread, and only in a host with a @Parallel method
            for (Class<?> type : new Class<?>[] {Split.class, Cut.class, WriteBack.class, Merge.class}) {
                Class.forName(type.getName(), true, type.getClassLoader());
            }
            ClassInitialization.inProgress();
        } catch (ClassNotFoundException | RuntimeException | LinkageError e) {
            LOG.debug("the splitter's warm-up failed; the first split does its work", e);
        }
    }

    /** Whether {@link #warmUp} was asked for. */
    boolean warmUpStarted() {
        return warmUpStarted.get();
    }

    /** How many worker threads are alive now, busy or idle. */
    int liveWorkers() {
        return executor.getPoolSize();
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
