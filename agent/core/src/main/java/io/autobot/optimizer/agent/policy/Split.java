package io.autobot.optimizer.agent.policy;

import io.autobot.optimizer.agent.engine.CallerFailure;
import io.autobot.optimizer.agent.engine.Chain;
import io.autobot.optimizer.agent.engine.Invocation;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * One split call: its chunks run on free workers and on the caller's thread, which claims chunks
 * like any worker. A thread only waits for chunks that are already running, never for one that
 * waits for a thread, so nested splits cannot deadlock and a saturated pool just means the
 * caller does more of the work.
 *
 * <p>The caller gets the failure of the lowest-index failing chunk, what a sequential run would
 * have thrown first, exactly as thrown. When a chunk fails, the chunks after it that have not
 * started are skipped (a sequential run would not have reached them), the ones before it run to
 * their end (one of them may fail earlier in the order), and running chunks are never interrupted:
 * an interrupt is not what a sequential run would see when an element fails, and it has effects of
 * its own (an interruptible channel the host shares closes on it). No chunk of the call runs after
 * the call returned. The caller's own interrupt is passed on to every chunk, running or still to
 * start, as it would reach a sequential body: when it comes while the caller waits (it is set again
 * on the caller when the call ends), and when it stops the chunk the caller runs itself (the body
 * that caught it decides, as in a sequential run, whether it stays set).
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
    private final Throwable[] failures;
    private final AtomicInteger claimed = new AtomicInteger();
    private final AtomicInteger firstFailed = new AtomicInteger(Integer.MAX_VALUE);
    private final CountDownLatch ended;
    private final AtomicReferenceArray<InterruptGuard> running;
    private final Thread caller = Thread.currentThread();
    private final ClassLoader contextLoader = caller.getContextClassLoader();
    private volatile boolean interruptPassedOn;

    Split(Invocation invocation, Chain next, int parameter, Object[] chunks) {
        this.invocation = invocation;
        this.next = next;
        this.parameter = parameter;
        this.chunks = chunks;
        this.results = new Object[chunks.length];
        this.failures = new Throwable[chunks.length];
        this.ended = new CountDownLatch(chunks.length);
        this.running = new AtomicReferenceArray<>(chunks.length);
    }

    /** Whether the current thread runs a chunk of a split call (so a call it makes is not split). */
    static boolean inChunk() {
        return IN_CHUNK.get() != null;
    }

    /** Runs every chunk and returns their results in order, or throws the lowest-index chunk's failure. */
    Object[] run(WorkerPool pool) throws Throwable {
        for (int helpers = 1; helpers < chunks.length && pool.tryExecute(this::help); helpers++) {
            // each helper claims chunks until none is left; the caller does the same below
        }
        work();
        awaitAll();
        int failed = firstFailed.get();
        if (failed < chunks.length) {
            throw failures[failed];
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
                if (index < firstFailed.get()) { // a sequential run would not reach a chunk after a failure
                    runChunk(index);
                }
            } catch (Throwable internal) { // the splitter itself failed: the call falls back to the plain method
                fail(index, internal);
            } finally {
                ended.countDown();
            }
        }
    }

    private void runChunk(int index) {
        InterruptGuard guard = InterruptGuard.ofCurrentThread();
        running.set(index, guard);
        try {
            if (interruptPassedOn) { // read after publishing the guard: the caller passing it on sees one or the other
                guard.interrupt();
            }
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
        } catch (Throwable thrown) {
            fail(index, thrown);
            if (Thread.currentThread() == caller && stoppedByInterrupt(thrown)) {
                passInterruptOn(); // the caller's interrupt reached its own chunk: the others get it too
            }
        } finally {
            running.set(index, null);
            guard.finish();
        }
    }

    /** Whether a body failed because its thread was interrupted (it threw, or was stopped by, an InterruptedException). */
    private static boolean stoppedByInterrupt(Throwable thrown) {
        Throwable cause = thrown instanceof CallerFailure ? ((CallerFailure) thrown).failure() : thrown;
        for (int depth = 0; cause != null && depth < 8; depth++, cause = cause.getCause()) {
            if (cause instanceof InterruptedException) {
                return true;
            }
        }
        return false;
    }

    /** Records a chunk's failure; published to the caller by the count-down that follows it. */
    private void fail(int index, Throwable failure) {
        if (failures[index] == null) {
            failures[index] = failure;
            firstFailed.accumulateAndGet(index, Math::min);
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
                passInterruptOn();
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Passes the caller's own interrupt on; the agent never interrupts a chunk for reasons of its own. */
    private void passInterruptOn() {
        interruptPassedOn = true;
        for (int i = 0; i < chunks.length; i++) {
            InterruptGuard guard = running.get(i);
            if (guard != null) {
                guard.interrupt();
            }
        }
    }
}
