package io.autobot.optimizer.agent.policy.parallel;

import io.autobot.optimizer.agent.call.CallerFailure;
import io.autobot.optimizer.agent.call.Chain;
import io.autobot.optimizer.agent.call.Invocation;
import io.autobot.optimizer.agent.policy.InterruptGuard;
import io.autobot.optimizer.agent.policy.ThrottledTime;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.IntFunction;

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
 * the call returned, with one exception (below).
 *
 * <p>The caller's own interrupt is passed on to every chunk, running or still to start, as it would
 * reach a sequential body: when it comes while the caller waits (it is set again on the caller when
 * the call ends), and when it stops the chunk the caller runs itself (the body that caught it
 * decides, as in a sequential run, whether it stays set).
 *
 * <p>A caller that holds a lock the body needs (a monitor it entered, a {@code ReentrantLock}), or
 * initializes a class it needs, would wait for ever for chunks that wait on workers for it. So once
 * it has waited a while it looks, and then looks again periodically, whether a worker running one of
 * its chunks waits for it ({@link CallerWaits}); it then takes such a chunk over and runs a fresh
 * copy of it itself (it holds the lock), and the method is no longer split ({@link SplitVerdict}).
 * The worker's run of that chunk goes on once the call has returned and the caller let go of the
 * lock: it is discarded, never merged nor written back. That is the one case in which a chunk's body
 * runs after the call returned.
 *
 * <p>A call made while a chunk runs on the same thread is not split again ({@link #inChunk}): the
 * outer split already spreads the work over the workers, and splitting the inner call too would
 * only add chunk overhead, or repeat the inner body's own set-up once per chunk.
 */
final class Split {

    /** Whether the current thread is running a chunk; never holds a host object. */
    private static final ThreadLocal<Boolean> IN_CHUNK = new ThreadLocal<>();

    /** How long the caller waits before it first looks for chunks waiting for its locks, then between looks. */
    private static final long FIRST_LOCK_CHECK_MILLIS = 100;
    private static final long LOCK_CHECK_MILLIS = 200;

    /** Who ends a chunk: the thread that claimed it, or the caller that took it over; then it has ended. */
    private static final int CLAIMER = 0;
    private static final int TAKEN_OVER = 1;
    private static final int ENDED = 2;

    private final Invocation invocation;
    private final Chain next;
    private final int parameter;
    private final Object[] chunks;
    private final IntFunction<Object> freshChunk;
    private final SplitVerdict verdict;
    private final Object[] results;
    private final Throwable[] failures;
    private final AtomicIntegerArray owners;
    private final AtomicInteger claimed = new AtomicInteger();
    private final AtomicInteger firstFailed = new AtomicInteger(Integer.MAX_VALUE);
    /** The most time one thread spent held back by rate limits in this call's chunks ({@link ThrottledTime}). */
    private final AtomicLong longestThrottled = new AtomicLong();
    private final CountDownLatch ended;
    private final AtomicReferenceArray<InterruptGuard> running;
    private final Thread caller = Thread.currentThread();
    private final ClassLoader contextLoader = caller.getContextClassLoader();
    private volatile boolean interruptPassedOn;
    /** What the caller's looks for chunks waiting for it saw; made at the first look (fast calls never look). */
    private CallerWaits callerWaits;

    /**
     * @param freshChunk a new copy of chunk {@code i}, for a chunk the caller takes over
     * @param verdict turned off when the caller must take chunks over
     */
    Split(Invocation invocation, Chain next, int parameter, Object[] chunks, IntFunction<Object> freshChunk,
            SplitVerdict verdict) {
        this.invocation = invocation;
        this.next = next;
        this.parameter = parameter;
        this.chunks = chunks;
        this.freshChunk = freshChunk;
        this.verdict = verdict;
        this.results = new Object[chunks.length];
        this.failures = new Throwable[chunks.length];
        this.owners = new AtomicIntegerArray(chunks.length);
        this.ended = new CountDownLatch(chunks.length);
        this.running = new AtomicReferenceArray<>(chunks.length);
    }

    /** Whether the current thread runs a chunk of a split call (so a call it makes is not split). */
    static boolean inChunk() {
        return IN_CHUNK.get() != null;
    }

    /**
     * Runs every chunk; when it returns, all have ended. The chunks' array then holds the chunks
     * whose results these are (a chunk taken over is a fresh copy).
     */
    void run(WorkerPool pool) {
        for (int helpers = 1; helpers < chunks.length && pool.tryExecute(this::help); helpers++) {
            // each helper claims chunks until none is left; the caller does the same below
        }
        work();
        awaitAll();
    }

    /** The index of the failing chunk first in order, or -1 when none failed. */
    int failedChunk() {
        int failed = firstFailed.get();
        return failed < chunks.length ? failed : -1;
    }

    /** The failure of {@link #failedChunk()}, exactly as thrown, or null. */
    Throwable failure() {
        int failed = failedChunk();
        return failed < 0 ? null : failures[failed];
    }

    /** The chunks' results, in order. */
    Object[] results() {
        return results;
    }

    /**
     * The most time any one thread running the chunks spent held back by the agent's rate limits:
     * the waiting on the call's longest path, which splitting does not shorten.
     */
    long longestThrottledNanos() {
        return longestThrottled.get();
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
        long throttledFrom = ThrottledTime.ofCurrentThread();
        for (int index = claimed.getAndIncrement(); index < chunks.length; index = claimed.getAndIncrement()) {
            Object chunk = chunks[index]; // read before the chunk can be seen running: a take-over replaces it
            if (index < firstFailed.get()) { // a sequential run would not reach a chunk after a failure
                runGuarded(index, chunk, CLAIMER, throttledFrom);
            } else {
                end(index, CLAIMER, null, null);
            }
        }
    }

    /** @param throttledFrom the thread's {@link ThrottledTime} when it started on this call's chunks */
    private void runGuarded(int index, Object chunk, int owner, long throttledFrom) {
        try {
            runChunk(index, chunk, owner, throttledFrom);
        } catch (Throwable internal) { // the splitter itself failed: the call falls back to the plain method
            end(index, owner, null, internal);
        }
    }

    private void runChunk(int index, Object chunk, int owner, long throttledFrom) {
        Object result = null;
        Throwable failure = null;
        InterruptGuard guard = InterruptGuard.ofCurrentThread();
        running.set(index, guard);
        try {
            if (interruptPassedOn) { // read after publishing the guard: the caller passing it on sees one or the other
                guard.interrupt();
            }
            result = callBody(chunk);
        } catch (Throwable thrown) {
            failure = thrown;
        } finally {
            running.compareAndSet(index, guard, null);
            guard.finish();
        }
        long throttled = ThrottledTime.ofCurrentThread() - throttledFrom; // before the end: the caller reads it then
        longestThrottled.accumulateAndGet(throttled, Math::max);
        end(index, owner, result, failure);
        if (failure != null && Thread.currentThread() == caller && stoppedByInterrupt(failure)) {
            passInterruptOn(); // the caller's interrupt reached its own chunk: the others get it too
        }
    }

    private Object callBody(Object chunk) throws Throwable {
        Object[] arguments = invocation.args().clone();
        arguments[parameter] = chunk;
        Boolean outer = IN_CHUNK.get();
        IN_CHUNK.set(Boolean.TRUE);
        try {
            return next.call(invocation.withArguments(arguments));
        } finally {
            if (outer == null) {
                IN_CHUNK.remove();
            } else {
                IN_CHUNK.set(outer);
            }
        }
    }

    /**
     * Publishes a chunk's outcome, once: the count-down hands it to the caller. A run whose chunk
     * was taken over in the meantime is discarded.
     */
    private void end(int index, int owner, Object result, Throwable failure) {
        if (!owners.compareAndSet(index, owner, ENDED)) {
            return;
        }
        results[index] = result;
        failures[index] = failure;
        if (failure != null) {
            firstFailed.accumulateAndGet(index, Math::min);
        }
        ended.countDown();
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

    private void awaitAll() {
        boolean interrupted = false;
        long wait = FIRST_LOCK_CHECK_MILLIS;
        for (;;) {
            try {
                if (ended.await(wait, TimeUnit.MILLISECONDS)) {
                    break;
                }
                takeOverChunksWaitingForTheCaller();
                wait = LOCK_CHECK_MILLIS;
            } catch (InterruptedException e) {
                interrupted = true;
                passInterruptOn();
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Runs, on the caller's thread, fresh copies of the chunks whose workers wait for the caller ({@link CallerWaits}). */
    private void takeOverChunksWaitingForTheCaller() {
        Thread[] workers = new Thread[chunks.length];
        for (int i = 0; i < chunks.length; i++) {
            InterruptGuard guard = running.get(i);
            workers[i] = guard != null && owners.get(i) == CLAIMER ? guard.thread() : null;
        }
        callerWaits = callerWaits == null ? new CallerWaits(caller, chunks.length) : callerWaits;
        String[] waiting = callerWaits.look(workers);
        for (int i = 0; i < chunks.length; i++) {
            if (waiting[i] != null && owners.compareAndSet(i, CLAIMER, TAKEN_OVER)) {
                verdict.turnOff("its chunks wait for " + waiting[i]);
                try {
                    chunks[i] = freshChunk.apply(i); // the worker's copy may already be changed
                    runGuarded(i, chunks[i], TAKEN_OVER, ThrottledTime.ofCurrentThread());
                } catch (Throwable internal) {
                    end(i, TAKEN_OVER, null, internal);
                }
            }
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
