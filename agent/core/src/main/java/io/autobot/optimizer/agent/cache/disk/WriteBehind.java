package io.autobot.optimizer.agent.cache.disk;

import io.autobot.optimizer.agent.host.HostCpu;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The disk tier's own daemon thread: it has the store opened ({@link StoreOpener}, so MapDB loads
 * off the caller's thread), applies queued writes and commits them in batches (the only disk
 * syncs), sweeps expired and damaged entries, and deals with faults. Each fault is reported once; the tier then serves what
 * it still can and the host goes on with the memory tier.
 */
final class WriteBehind {

    private static final Logger LOG = LoggerFactory.getLogger("io.autobot.optimizer");
    private static final long SWEEP_INTERVAL_MILLIS = TimeUnit.MINUTES.toMillis(10);
    /** Commands applied between two looks at the host's CPU (see {@link #yieldToHost}). */
    private static final int BATCH = 32;
    /**
     * The least time between two commits of puts and removes. A commit syncs the disk and holds the
     * store's lock meanwhile, so readers wait for it: batching a busy stretch's writes into a few
     * commits keeps the host's lookups from queueing behind one commit per result. A JVM killed
     * meanwhile loses the results of at most this long, which the next one computes again.
     */
    static final long COMMIT_INTERVAL_MILLIS = 250;
    /**
     * The longest the thread holds its work back while the host is busy ({@link HostCpu}), and
     * how often it looks again: results wait in memory meanwhile, where lookups find them.
     */
    static final long MAX_YIELD_MILLIS = 5_000;
    /**
     * How long the thread lets the host start before it loads MapDB (about a second of class
     * loading) unless a reader needs the store now: a short-lived JVM does not pay for it.
     */
    private static final long OPEN_DELAY_MILLIS = 1000;

    /** What the thread is asked to do, in order. */
    sealed interface Command {
    }

    /** Writes one record; {@code classes} are the classes its payload names. */
    record Put(byte[] key, byte[] record, String stableId, Set<String> classes) implements Command {
    }

    /**
     * A result to weigh and encode on this thread ({@code prepare} gives the put, or null when the
     * result is not stored); {@code abandon} when it is never prepared.
     */
    record Deferred(Supplier<Put> prepare, Runnable abandon) implements Command {
    }

    /** Removes one entry; an expired one counts as an eviction once it is really gone. */
    record Remove(byte[] key, boolean expired) implements Command {
    }

    /** Removes every entry whose key starts with one of the prefixes, or all with none given. */
    record Clear(List<byte[]> prefixes, CompletableFuture<Void> done) implements Command {
    }

    /** Sets the store aside and starts a new one (a read found it damaged). */
    record Recover(String reason) implements Command {
    }

    record Stop() implements Command {
    }

    /** Told when a put has reached the store or was given up, so the tier can drop its copy. */
    interface Listener {
        void finished(Put put);
    }

    private final CacheDirectory directory;
    private final Supplier<HostCpu> hostCpuSource;
    /**
     * Made on this thread at its first wait: the JDK's measure (its management beans, the control
     * groups' files) costs some milliseconds to set up, which the host's thread that created the
     * tier, often its main thread starting, does not pay.
     */
    private HostCpu hostCpu;
    private final StoreOpener opener;
    private final Listener listener;
    private final LongAdder evictions;
    private final LinkedBlockingQueue<Command> queue = new LinkedBlockingQueue<>();
    private final CountDownLatch settled = new CountDownLatch(1);
    private final CountDownLatch needed = new CountDownLatch(1);
    private final AtomicBoolean recovering = new AtomicBoolean();
    private final AtomicBoolean writeFailureReported = new AtomicBoolean();
    /** Whether a write failure has had the store rebuilt in this run (see {@link #storeFailed}). */
    private final AtomicBoolean rebuiltAfterWriteFailure = new AtomicBoolean();
    /** Held while a put moves from the tier's pending copies into the store. */
    private final Object moving = new Object();
    private final Thread thread;
    private volatile Store store;
    private volatile boolean writable = true;
    private volatile boolean stopped;
    /** Set once the thread starts opening the store: a stop then waits for it and writes the queue. */
    private volatile boolean opening;
    /**
     * Set by the first put a caller encoded (the {@code disk} strategy, where the disk is the only
     * tier): once the store is open, writes no longer yield to the host, and a stop writes what is
     * queued, as a lookup that needed the store would have had it.
     */
    private volatile boolean callersWrote;
    /** Set when a clear is queued: the thread then does not hold its work back for the host. */
    private volatile boolean clearQueued;
    private long lastSweep;
    private long lastCommitNanos = System.nanoTime() - TimeUnit.MILLISECONDS.toNanos(COMMIT_INTERVAL_MILLIS);
    /** Whether writes applied to the store wait for a commit (only this thread touches it). */
    private boolean uncommitted;
    /** Until when ({@link System#nanoTime}) the thread does not hold its work back (see {@link #yieldToHost}). */
    private long noYieldUntil = System.nanoTime();

    WriteBehind(CacheDirectory directory, Listener listener, LongAdder evictions, Supplier<HostCpu> hostCpu) {
        this.directory = directory;
        this.hostCpuSource = hostCpu;
        this.opener = new StoreOpener(directory);
        this.listener = listener;
        this.evictions = evictions;
        this.thread = new Thread(this::run, "autobot-disk-cache");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** The open store, or null while opening and after a fault that closed it. */
    Store store() {
        return store;
    }

    /**
     * The entries of the store plus {@code pending}, read while no put moves from one to the
     * other, so no result is counted twice or missed.
     */
    long entries(LongSupplier pending) {
        synchronized (moving) {
            Store current = store;
            long stored = 0;
            if (current != null) {
                try {
                    stored = current.size();
                } catch (RuntimeException e) {
                    stored = 0; // closing or failing: the writer reports it
                }
            }
            return stored + pending.getAsLong();
        }
    }

    /** Whether new results may be queued: false once the store cannot be written. */
    boolean writable() {
        return writable && !stopped;
    }

    /** Whether the store has been opened, or has failed to open. */
    boolean settled() {
        return settled.getCount() == 0;
    }

    /** Whether a caller has written a result itself (the {@code disk} strategy): one no other tier has. */
    boolean callersWrote() {
        return callersWrote;
    }

    /** Whether the store was asked to open without its start delay (by a lookup or {@link #openNow}). */
    boolean openAsked() {
        return needed.getCount() == 0;
    }

    /** Has the store opened now, without its start delay and without waiting for it. */
    void openNow() {
        needed.countDown();
    }

    /** Waits until the store is open or has failed to open (opening it now if it was not yet). */
    boolean awaitSettled(long millis) {
        needed.countDown();
        try {
            return settled.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    void submit(Command command) {
        if (command instanceof Put && !callersWrote) {
            callersWrote = true;
        } else if (command instanceof Clear) {
            clearQueued = true;
        }
        if (thread.isAlive() || !settled()) {
            queue.add(command);
        } else if (command instanceof Put put) {
            listener.finished(put);
        } else if (command instanceof Clear clear) {
            clear.done().complete(null);
        } else if (command instanceof Deferred deferred) {
            deferred.abandon().run();
        }
    }

    /**
     * Reports a failure of the store met by a reader: the store is set aside and rebuilt, once.
     * A failure of a store that was replaced or closed meanwhile is no news.
     */
    void damaged(Store used, Throwable failure) {
        if (used == store && recovering.compareAndSet(false, true)) {
            submit(new Recover(CacheDirectory.describe(failure)));
        }
    }

    /**
     * Writes what is queued, then closes the store; waits a bounded time.
     *
     * @param waitForOpen whether to open a store that is not open yet, to write the queue; at JVM
     *     exit it is not: a JVM that exits soon after its first cached call leaves without delay
     *     (and without writing to disk), unless a lookup has had the store opened already or a
     *     caller wrote to it (the {@code disk} strategy)
     */
    void stop(long millis, boolean waitForOpen) {
        if (stopped) {
            return;
        }
        stopped = true;
        queue.add(new Stop());
        if (waitForOpen || callersWrote) {
            needed.countDown();
        } else if (!settled() && needed.getCount() != 0 && !opening) {
            return; // nobody needed the store and it has not started to load: leave without loading it
        }
        try {
            thread.join(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            // a cache, not a database: what is not written is computed again next time
            LOG.info("the disk cache at {} stopped with {} results not yet written", directory, queue.size());
        }
    }

    private void run() {
        Store opened = null;
        try {
            awaitNeeded();
            yieldToHost(() -> needed.getCount() == 0);
            opening = true;
            opened = opener.open();
        } finally {
            store = opened;
            writable = opened != null; // before settling: whoever waited sees the outcome
            settled.countDown();
        }
        if (opened == null) {
            drainAndDiscard();
            return;
        }
        restoreSalvaged(opened);
        readThroughIfCutShort(opened);
        sweep();
        List<Command> batch = new ArrayList<>();
        while (true) {
            Command first;
            try {
                first = queue.poll(uncommitted ? untilCommitDue() : SWEEP_INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                continue; // only Stop ends this thread
            }
            if (first == null) {
                if (uncommitted) {
                    commitNow();
                } else {
                    sweep();
                }
                continue;
            }
            if (!callersWrote) { // under disk, what callers wrote is the only copy: it is written at once
                yieldToHost(() -> clearQueued);
            }
            clearQueued = false; // a clear queued before this is in the batch drained next
            batch.add(first);
            queue.drainTo(batch, BATCH);
            boolean stop = apply(batch);
            batch.clear();
            if (stop) {
                closeStore();
                drainAndDiscard();
                return;
            }
            if (System.currentTimeMillis() - lastSweep > SWEEP_INTERVAL_MILLIS) {
                sweep();
            }
        }
    }

    /**
     * Waits while the host is busy ({@link HostCpu}), at most {@link #MAX_YIELD_MILLIS}: not when
     * the tier stops or {@code urgent} says something waits for this thread. A wait that ran out
     * is not repeated for as long again, so a host that is always busy still gets its results
     * written, at half the pace at worst.
     */
    private void yieldToHost(BooleanSupplier urgent) {
        long now = System.nanoTime();
        if (now - noYieldUntil < 0) {
            return;
        }
        if (hostCpu == null) {
            hostCpu = hostCpuSource.get();
        }
        long yieldNanos = TimeUnit.MILLISECONDS.toNanos(MAX_YIELD_MILLIS);
        boolean quiet = hostCpu.awaitQuiet(yieldNanos, () -> stopped || urgent.getAsBoolean());
        if (!quiet && System.nanoTime() - (now + yieldNanos) >= 0) {
            noYieldUntil = now + 2 * yieldNanos;
        }
    }

    private long untilCommitDue() {
        long since = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastCommitNanos);
        return Math.max(0, COMMIT_INTERVAL_MILLIS - since);
    }

    /** Commits what was applied; a failed commit closes the store like a failed write. */
    private void commitNow() {
        Store current = store;
        try {
            commit(current);
        } catch (RuntimeException | StackOverflowError failure) {
            storeFailed(current, failure);
        }
    }

    private void commit(Store current) {
        uncommitted = false;
        lastCommitNanos = System.nanoTime();
        if (current != null && writable) {
            current.commit();
        }
    }

    private void awaitNeeded() {
        try {
            needed.await(OPEN_DELAY_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Applies a batch; returns whether it asked to stop. Its writes are committed now when the
     * last commit is {@link #COMMIT_INTERVAL_MILLIS} old, or a clear, a recovery or a stop is in
     * it, else once that interval has passed. A put is finished once the store holds it (readers see it there
     * before the commit); a failed commit loses what was not committed, which is computed again.
     */
    private boolean apply(List<Command> batch) {
        boolean stop = false;
        boolean dirty = false;
        boolean commitNow = false;
        int done = 0;
        List<CompletableFuture<Void>> clears = new ArrayList<>();
        Store current = store;
        try {
            for (; done < batch.size(); done++) {
                Command command = batch.get(done);
                if (command instanceof Deferred deferred) {
                    command = current != null && writable ? prepare(deferred) : abandoned(deferred);
                    if (command == null) {
                        continue;
                    }
                }
                if (command instanceof Put put) {
                    if (current != null && writable) {
                        current.allowClasses(put.stableId(), put.classes());
                    }
                    synchronized (moving) {
                        try {
                            if (current != null && writable) {
                                current.put(put.key(), put.record());
                                dirty = true;
                            }
                        } finally {
                            listener.finished(put);
                        }
                    }
                } else if (command instanceof Remove remove) {
                    if (current != null && writable && current.remove(remove.key())) {
                        dirty = true;
                        if (remove.expired()) {
                            evictions.increment();
                        }
                    }
                } else if (command instanceof Clear clear) {
                    commitNow = true;
                    clears.add(clear.done());
                    if (current != null && writable) {
                        clear(current, clear.prefixes());
                        dirty = true;
                    } else if (current != null) {
                        current = closeForGood(current); // cannot clear what it would serve: serve nothing
                    }
                } else if (command instanceof Recover recover) {
                    commitNow = true;
                    current = recover(current, "a read failed (" + recover.reason() + ")");
                } else {
                    stop = true;
                    commitNow = true;
                }
            }
            uncommitted |= dirty;
            if (uncommitted && (commitNow || untilCommitDue() == 0)) {
                commit(current);
            }
        } catch (RuntimeException | StackOverflowError failure) {
            storeFailed(current, failure);
        } finally {
            giveUp(batch.subList(Math.min(done + 1, batch.size()), batch.size())); // the failed one is finished
            clears.forEach(future -> future.complete(null));
        }
        return stop;
    }

    /**
     * The put of a deferred result, or null when it is not stored. Its faults are the result's (a
     * host's {@code equals} or {@code writeObject} that throws), not the store's: they drop that
     * result only.
     */
    private static Put prepare(Deferred deferred) {
        try {
            return deferred.prepare().get();
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            LOG.debug("a result was not written to the disk cache", e);
            return null;
        }
    }

    private static Put abandoned(Deferred deferred) {
        deferred.abandon().run();
        return null;
    }

    /** Finishes the puts and clears a failure kept from being applied. */
    private void giveUp(List<Command> rest) {
        for (Command command : rest) {
            if (command instanceof Put put) {
                listener.finished(put);
            } else if (command instanceof Clear clear) {
                clear.done().complete(null);
            } else if (command instanceof Deferred deferred) {
                deferred.abandon().run();
            }
        }
    }

    private Store closeForGood(Store current) {
        store = null;
        closeQuietly(current);
        return null;
    }

    private void clear(Store current, List<byte[]> prefixes) {
        if (prefixes.isEmpty()) {
            current.clear();
        } else {
            current.removeIf((key, record) -> startsWithAny(key, prefixes));
        }
    }

    /**
     * Sets a store that failed while running aside and starts a new one with what could still be
     * read of it: entries whose checksum holds and whose classes were recorded.
     */
    private Store recover(Store current, String reason) {
        store = null;
        Store.Salvage salvage = StoreOpener.salvage(current);
        closeQuietly(current);
        Store fresh = opener.rebuild(reason, salvage);
        store = fresh;
        writable = fresh != null;
        recovering.set(false);
        restoreSalvaged(fresh);
        return store;
    }

    /**
     * Reads a store whose last commit was cut short through before anything is written to it (a
     * commit would remove its marker): whole, it is kept; damaged, it is set aside and rebuilt.
     * Callers read from it meanwhile: a record that a half-written commit left wrong fails its
     * checksum and is never served.
     */
    private void readThroughIfCutShort(Store opened) {
        if (!opened.lastCommitCutShort()) {
            return;
        }
        try {
            opened.readThrough();
            LOG.info("the disk cache at {} was closed in the middle of a commit (the JVM stopped); it reads through"
                    + " and is kept", directory);
        } catch (RuntimeException | StackOverflowError | AssertionError damaged) {
            recover(opened, "its last commit did not finish (the JVM stopped while writing it) and a read failed ("
                    + CacheDirectory.describe(MapDbStore.rootCause(damaged)) + ")");
        }
    }

    /** Writes what a rebuild read out of the old store into the new one, after callers stopped waiting. */
    private void restoreSalvaged(Store fresh) {
        Store.Salvage salvaged = opener.takeSalvaged();
        if (fresh == null || salvaged == null) {
            return;
        }
        try {
            StoreOpener.restore(fresh, salvaged, () -> stopped, () -> yieldToHost(() -> stopped));
        } catch (RuntimeException | StackOverflowError failure) {
            storeFailed(fresh, failure);
        }
    }

    /**
     * A write or commit failed. A failure of the files (a full disk, an I/O error) closes the store
     * for this run ({@link #writeFailed}). Any other failure is the store's own structure (a pointer
     * that leads MapDB out of its file included), which a JVM killed during a commit can leave
     * broken (MapDB 3.1 applies a commit in place and does not replay its log): the store is set
     * aside and rebuilt with what can still be read, once per run; a rebuilt store that fails again
     * is closed for the run.
     */
    private void storeFailed(Store current, Throwable failure) {
        if (MapDbStore.isIoFailure(failure) || !rebuiltAfterWriteFailure.compareAndSet(false, true)) {
            writeFailed(current, failure);
        } else {
            recover(current, "a write failed (" + CacheDirectory.describe(MapDbStore.rootCause(failure)) + ")");
        }
    }

    /**
     * A write or commit failed (a full disk, an I/O error): the tier closes the store and serves
     * nothing more in this run, with one warning. MapDB's state after a failed write is not to be
     * trusted, even after a rollback; the next start opens the store at its last commit.
     */
    private void writeFailed(Store current, Throwable failure) {
        writable = false;
        try {
            if (current != null) {
                current.rollback();
            }
        } catch (RuntimeException rollbackFailed) {
            // closing below is all that is left to do
        }
        closeForGood(current);
        if (writeFailureReported.compareAndSet(false, true)) {
            LOG.warn("the disk cache at {} cannot be written ({}); results are cached in memory only until the next"
                    + " start", directory, CacheDirectory.describe(MapDbStore.rootCause(failure)));
        }
        LOG.debug("disk cache write failure", failure);
    }

    /** Removes expired and damaged entries. */
    private void sweep() {
        lastSweep = System.currentTimeMillis();
        Store current = store;
        if (current == null || !writable) {
            return;
        }
        try {
            long now = System.currentTimeMillis();
            long removed = current.removeIf((key, record) -> !EntryFormat.intact(key, record)
                    || EntryFormat.expiresAt(record) <= now);
            if (removed > 0) {
                current.commit();
                evictions.add(removed);
            }
        } catch (RuntimeException | StackOverflowError failure) {
            if (MapDbStore.isIoFailure(failure)) {
                writeFailed(current, failure);
            } else {
                recover(current, "a read failed (" + CacheDirectory.describe(failure) + ")");
            }
        }
    }

    private void drainAndDiscard() {
        List<Command> rest = new ArrayList<>();
        queue.drainTo(rest);
        giveUp(rest);
    }

    private void closeStore() {
        Store current = store;
        store = null;
        closeQuietly(current);
    }

    private void closeQuietly(Store current) {
        if (current == null) {
            return;
        }
        try {
            current.close();
        } catch (RuntimeException | LinkageError e) {
            LOG.debug("closing the disk cache failed", e);
        }
    }

    static boolean startsWithAny(byte[] key, List<byte[]> prefixes) {
        for (byte[] prefix : prefixes) {
            if (startsWith(key, prefix)) {
                return true;
            }
        }
        return false;
    }

    static boolean startsWith(byte[] key, byte[] prefix) {
        if (key.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (key[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
