package io.autobot.optimizer.agent.policy;

import io.autobot.optimizer.agent.engine.Chain;
import io.autobot.optimizer.agent.engine.Invocation;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * One split call: its chunks run on free workers and on the caller's thread, which claims chunks
 * like any worker. A thread only waits for chunks that are already running, never for one that
 * waits for a thread, so nested splits cannot deadlock and a saturated pool just means the
 * caller does more of the work.
 *
 * <p>The first chunk that fails wins: chunks not started are skipped, running ones are
 * interrupted, and once they have all ended the caller gets that failure, exactly as thrown. No
 * chunk of the call runs after the call returned. If the caller is interrupted while it waits,
 * the interrupt is passed on to every chunk (as it would reach a sequential body) and set again
 * on the caller when the call ends.
 *
 * <p>A call made while a chunk runs on the same thread is not split again ({@link #inChunk}): the
 * outer split already spreads the work over the workers, and splitting the inner call too would
 * only add chunk overhead, or repeat the inner body's own set-up once per chunk.
 */
final class Split {

    /** Whether the current thread is running a chunk; never holds a host object. */
    private static final ThreadLocal<Boolean> IN_CHUNK = new ThreadLocal<>();

    private final Invocation invocation;
    private final Chain next;
    private final int parameter;
    private final Object[] chunks;
    private final Object[] results;
    private final AtomicInteger claimed = new AtomicInteger();
    private final CountDownLatch ended;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final AtomicReferenceArray<InterruptGuard> running;
    private final ClassLoader contextLoader = Thread.currentThread().getContextClassLoader();
    private volatile boolean interruptPassedOn;

    Split(Invocation invocation, Chain next, int parameter, Object[] chunks) {
        this.invocation = invocation;
        this.next = next;
        this.parameter = parameter;
        this.chunks = chunks;
        this.results = new Object[chunks.length];
        this.ended = new CountDownLatch(chunks.length);
        this.running = new AtomicReferenceArray<>(chunks.length);
    }

    /** Whether the current thread runs a chunk of a split call (so a call it makes is not split). */
    static boolean inChunk() {
        return IN_CHUNK.get() != null;
    }

    /** Runs every chunk and returns their results in order, or throws the first failure. */
    Object[] run(WorkerPool pool) throws Throwable {
        for (int helpers = 1; helpers < chunks.length && pool.tryExecute(this::help); helpers++) {
            // each helper claims chunks until none is left; the caller does the same below
        }
        work();
        awaitAll();
        Throwable first = failure.get();
        if (first != null) {
            throw first;
        }
        return results;
    }

    /** What a worker runs: the chunks it can claim, with the caller's context class loader. */
    private void help() {
        Thread thread = Thread.currentThread();
        ClassLoader own = thread.getContextClassLoader();
        thread.setContextClassLoader(contextLoader);
        try {
            work();
        } finally {
            thread.setContextClassLoader(own);
            Thread.interrupted(); // nothing meant for this call may reach the worker's next task
        }
    }

    private void work() {
        for (int index = claimed.getAndIncrement(); index < chunks.length; index = claimed.getAndIncrement()) {
            try {
                if (failure.get() == null) {
                    runChunk(index);
                }
            } catch (Throwable internal) { // the splitter itself failed: the call falls back to the plain method
                if (failure.compareAndSet(null, internal)) {
                    interruptRunning();
                }
            } finally {
                ended.countDown();
            }
        }
    }

    private void runChunk(int index) {
        InterruptGuard guard = InterruptGuard.ofCurrentThread();
        running.set(index, guard);
        try {
            if (interruptPassedOn) {
                guard.interrupt();
            }
            if (failure.get() == null) { // read after publishing the guard: a canceller sees one or the other
                Object[] arguments = invocation.args().clone();
                arguments[parameter] = chunks[index];
                Boolean outer = IN_CHUNK.get();
                IN_CHUNK.set(Boolean.TRUE);
                try {
                    results[index] = next.call(invocation.withArguments(arguments));
                } finally {
                    if (outer == null) {
                        IN_CHUNK.remove();
                    } else {
                        IN_CHUNK.set(outer);
                    }
                }
            }
        } catch (Throwable thrown) {
            if (failure.compareAndSet(null, thrown)) {
                interruptRunning();
            }
        } finally {
            running.set(index, null);
            guard.finish();
        }
    }

    private void awaitAll() {
        boolean interrupted = false;
        for (;;) {
            try {
                ended.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
                interruptPassedOn = true;
                interruptRunning();
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void interruptRunning() {
        for (int i = 0; i < chunks.length; i++) {
            InterruptGuard guard = running.get(i);
            if (guard != null) {
                guard.interrupt();
            }
        }
    }
}
