package io.autobot.optimizer.agent.cache.disk;

import io.autobot.optimizer.agent.cache.ArgumentResult;
import io.autobot.optimizer.agent.host.HostCpu;
import io.autobot.optimizer.agent.cache.CacheTier;
import io.autobot.optimizer.agent.cache.CallKey;
import io.autobot.optimizer.agent.cache.LastHitExpiry;
import io.autobot.optimizer.agent.cache.TierStatistics;
import io.autobot.optimizer.agent.call.MethodMeta;
import io.autobot.optimizer.bootstrap.Dispatcher;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The disk tier: results persisted with MapDB under {@code DISK_CACHE_PATH}, surviving restarts.
 *
 * <ul>
 *   <li>Never stale: keys start with the method's stable id, which holds a fingerprint of the
 *       declaring class's bytes; a method whose class bytes cannot be read stays in memory.</li>
 *   <li>Under {@code disk} writes are serialized on the caller's thread (so a caller that later
 *       mutates its result cannot change what is stored); under {@code hybrid}, where memory
 *       serves this JVM and holds the same value, they are weighed and serialized on the tier's
 *       daemon thread ({@link #offerBehind}), queued also while the store opens. The daemon thread
 *       writes them with batched commits, and drains its queue before the store closes (at most
 *       {@link #CLOSE_WAIT_MILLIS} at exit); a full queue drops the write (counted) and the value
 *       stays in memory.</li>
 *   <li>Keys hold the call's serialized receiver part and arguments, but equal bytes are not
 *       equal calls: a call is written only when its bytes read back as equal to itself, and an
 *       entry is served only to a call its key's bytes read back as equal to (see {@link CallCodec}),
 *       or to a call whose bytes are all there is to it ({@link SelfDescribing}).</li>
 *   <li>Reads decode a fresh copy each time, admitting only classes the cache wrote for that
 *       method; a record whose checksum fails, or that is expired, is never served.</li>
 *   <li>Opening runs on the daemon thread: MapDB loads there, never on the host's threads.</li>
 * </ul>
 */
public final class DiskTier implements CacheTier {

    private static final Logger LOG = LoggerFactory.getLogger("io.autobot.optimizer");
    private static final long OPEN_WAIT_MILLIS = 30_000;
    private static final long CLEAR_WAIT_MILLIS = 30_000;
    private static final long CLOSE_WAIT_MILLIS = 5_000;
    static final int MAX_QUEUED = 10_000;
    private static final String NAME = "disk";
    static final long MAX_QUEUED_BYTES = 64L << 20;

    private final CacheDirectory directory;
    private final Supplier<? extends Collection<MethodMeta>> methods;
    private final WriteBehind writer;
    private final ConcurrentHashMap<KeyBytes, byte[]> pending = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<MethodMeta, DiskMethod> diskMethods = new ConcurrentHashMap<>();
    private final AtomicLong queuedBytes = new AtomicLong();
    private final AtomicBoolean receiverNoticeGiven = new AtomicBoolean();
    private final AtomicLong queued = new AtomicLong();
    /** Results handed to the tier's thread to be weighed and encoded there ({@link #offerBehind}). */
    private final AtomicLong behind = new AtomicLong();
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private final LongAdder evictions = new LongAdder();
    private final LongAdder loadNanos = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private final AtomicBoolean warnedDamagedEntry = new AtomicBoolean();
    private final AtomicBoolean warnedRejected = new AtomicBoolean();
    private final AtomicBoolean warnedFull = new AtomicBoolean();
    private final LastHitExpiry lastHit = new LastHitExpiry();
    private final Thread shutdownHook;
    /**
     * Whether the directory held a store when the tier was made: only then may a lookup find
     * something, so only then does one wait for the store to open. A lookup in a new directory
     * finds what is queued and does not wait for MapDB to load.
     */
    private final boolean storedBefore;

    private DiskTier(CacheDirectory directory, Supplier<? extends Collection<MethodMeta>> methods) {
        this.directory = directory;
        this.methods = methods;
        this.storedBefore = directory.holdsStore();
        this.writer = new WriteBehind(directory, this::written, evictions, HostCpu::ofThisJvm);
        this.shutdownHook = new Thread(this::stopAtExit, "autobot-disk-cache-shutdown");
    }

    /**
     * Starts opening the tier at {@code directory} and returns at once; the store opens on the
     * tier's daemon thread. Faults are reported there, once, and leave the tier empty.
     *
     * @param methods the instrumented methods, for clearing the entries of some of them
     * @return the tier, or null when its directory cannot be used (one warning) or the JVM is
     *     already shutting down (a first miss in one of the host's shutdown hooks): nothing written
     *     then would be flushed before the JVM ends, so the results stay in memory, and that is not
     *     a fault worth a warning
     */
    public static DiskTier open(Path directory, Supplier<? extends Collection<MethodMeta>> methods) {
        CacheDirectory checked = new CacheDirectory(directory);
        try {
            // a few file-system calls, here rather than on the tier's thread: a directory that cannot
            // be used leaves the results in memory from the first one, not only once the store fails
            checked.prepare();
        } catch (IOException e) {
            StoreOpener.unusable(checked, e);
            return null;
        }
        DiskTier tier = new DiskTier(checked, methods);
        try {
            Runtime.getRuntime().addShutdownHook(tier.shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            LOG.debug("the JVM is shutting down; the disk cache at {} is not opened", directory);
            return null;
        }
        tier.writer.start();
        return tier;
    }

    /**
     * What the JVM's exit does: writes what is queued, results handed over behind the caller
     * included (at most {@link #CLOSE_WAIT_MILLIS}), if the store is open or opening; else leaves
     * without loading MapDB.
     */
    void stopAtExit() {
        writer.stop(CLOSE_WAIT_MILLIS, false);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean mayHoldWhatMemoryNeverHeld() {
        return storedBefore || writer.callersWrote();
    }

    /**
     * A store left by an earlier run starts opening now, without the tier's start delay: under
     * {@code disk} lookups wait for it, under {@code hybrid} memory misses are computed until it
     * has opened, so a warm restart that waited for the delay would compute again what the store
     * holds. Callers that decode (a store from an earlier run) or encode (under {@code disk})
     * themselves get serialization's one-time work done now, on a thread of its own, rather than
     * in their first calls.
     */
    @Override
    public void expectLookups(boolean only) {
        if (storedBefore) {
            writer.openNow();
        } else if (!only) {
            return; // hybrid in a new directory: this JVM encodes on the tier's thread and never decodes
        }
        Thread warmUp = new Thread(DiskTier::warmUpSerialization, "autobot-disk-warmup");
        warmUp.setDaemon(true);
        warmUp.start();
    }

    /** Whether the store was asked to open without its start delay. */
    boolean openAsked() {
        return writer.openAsked();
    }

    private static void warmUpSerialization() {
        try {
            ValueCodec.warmUp();
        } catch (IOException | ClassNotFoundException | RuntimeException | LinkageError e) {
            LOG.debug("serialization's warm-up failed; the first calls do its work", e);
        }
    }

    @Override
    public boolean ready() {
        return writer.settled();
    }

    @Override
    public Object get(CallKey key) {
        return get(key, true);
    }

    @Override
    public Object peek(CallKey key) {
        return get(key, false);
    }

    private Object get(CallKey key, boolean counted) {
        long start = System.nanoTime();
        DiskMethod method = diskMethod(key.method());
        if (method.refusal() != null || !method.worth().looksUp() || !awaitStore()) {
            return null;
        }
        if (writer.store() == null && pending.isEmpty()) {
            if (counted && !writer.settled()) {
                misses.increment(); // a new store still opening, nothing queued: nothing to find
            }
            return null;
        }
        byte[] storeKey = keyOf(method, key);
        if (storeKey == null) {
            return null;
        }
        byte[] record = pending.get(new KeyBytes(storeKey));
        Store store = writer.store();
        if (record == null && store != null) {
            record = read(store, storeKey);
        }
        Object value = record == null ? null : decode(method, key, storeKey, record, store);
        if (value == null) {
            if (counted) {
                misses.increment();
            }
        } else {
            if (counted) {
                hits.increment();
            }
            long readNanos = System.nanoTime() - start;
            method.worth().read(readNanos);
            long computeNanos = method.worth().computeEstimate();
            if (computeNanos > 0) {
                key.method().stats().policies().saved(NAME, computeNanos - readNanos);
            }
            lastHit.hit(key, EntryFormat.expiresAt(record));
        }
        return value;
    }

    /** Whether a lookup may go on: the store has settled, or need not be waited for, or it was in time. */
    private boolean awaitStore() {
        return writer.settled() || !storedBefore || writer.awaitSettled(OPEN_WAIT_MILLIS);
    }

    @Override
    public Duration remainingTtl(CallKey key) {
        return lastHit.remaining(key);
    }

    private byte[] read(Store store, byte[] storeKey) {
        try {
            return store.get(storeKey);
        } catch (RuntimeException | StackOverflowError failure) {
            writer.damaged(store, failure);
            return null;
        }
    }

    /**
     * The value of an intact, live record written by a call equal to this one, or null (and the
     * record is removed when it is bad). A record of another call whose bytes are the same (a
     * transient field told them apart) stays: it is a miss for this call only.
     */
    private Object decode(DiskMethod method, CallKey key, byte[] storeKey, byte[] record, Store store) {
        if (!EntryFormat.intact(storeKey, record)) {
            if (warnedDamagedEntry.compareAndSet(false, true)) {
                LOG.warn("the disk cache at {} holds a damaged entry of {}; it is ignored and removed", directory,
                        key.method().displayName());
            }
            writer.submit(new WriteBehind.Remove(storeKey, false));
            return null;
        }
        if (EntryFormat.expiresAt(record) <= System.currentTimeMillis()) {
            writer.submit(new WriteBehind.Remove(storeKey, true));
            return null;
        }
        Set<String> allowed = method.allowedClasses(store);
        ClassLoader loader = key.method().classLoader();
        CallCodec.Decoded call;
        Object value;
        try {
            // equal bytes of a self-describing call make an equal call: nothing to read back and compare
            call = CallCodec.selfDescribing(key) ? null
                    : CallCodec.decode(storeKey, method.callOffset(), key, allowed, loader);
            int argument = EntryFormat.argumentIndex(record);
            value = EntryFormat.isNull(record) ? Dispatcher.NULL
                    : argument >= 0 ? ArgumentResult.of(argument)
                    : ValueCodec.decode(record, EntryFormat.HEADER, record.length - EntryFormat.HEADER, allowed,
                            loader);
        } catch (ValueCodec.RejectedClassException e) {
            if (warnedRejected.compareAndSet(false, true)) {
                LOG.warn("the disk cache at {} holds an entry of {} naming class {}, which the cache never wrote"
                        + " for it; the entry is ignored and removed (was the file modified?)", directory,
                        key.method().displayName(), e.classname);
            }
            writer.submit(new WriteBehind.Remove(storeKey, false));
            return null;
        } catch (IOException | ClassNotFoundException | RuntimeException | StackOverflowError e) {
            // a class of the call or of the result changed incompatibly since it was written: recompute it
            LOG.debug("a disk cache entry of {} cannot be read back ({}); it is removed",
                    key.method().displayName(), e.toString());
            writer.submit(new WriteBehind.Remove(storeKey, false));
            return null;
        }
        // compared outside the decoding: an equals of the caller's that throws is no fault of the entry
        if (call != null && !key.matches(call.receiver(), call.args())) {
            return null;
        }
        return value == null ? Dispatcher.NULL : value;
    }

    @Override
    public void put(CallKey key, Object value, Duration ttl) {
        offer(key, value, ttl);
    }

    /**
     * Stores the result only while that pays for the method ({@link DiskWorth}): a result that
     * costs less to compute than to read back stays in memory. The verdict is in the report; its
     * changes are in the debug log (at INFO they would be a line per method in the host's log).
     */
    @Override
    public boolean offer(CallKey key, Object value, Duration ttl, long computeNanos) {
        return weighAndOffer(key, value, ttl, computeNanos, writer::submit, true);
    }

    /**
     * Under {@code hybrid} the memory tier serves this JVM and the disk only a later one, so the
     * caller does not wait for the disk: the weighing, the encoding and the write run on the tier's
     * own thread, after the store has opened. On a cold JVM that is most of the disk tier's cost
     * (the serialization's and MapDB's first runs), which the host's first calls then do not pay.
     */
    @Override
    public void offerBehind(CallKey key, Object value, Duration ttl, long computeNanos) {
        DiskMethod method = diskMethod(key.method());
        if (method.refusal() != null || !writer.writable()) {
            return;
        }
        if (behind.incrementAndGet() > MAX_QUEUED) {
            behind.decrementAndGet();
            queueFull();
            return;
        }
        writer.submit(new WriteBehind.Deferred(() -> {
            behind.decrementAndGet();
            WriteBehind.Put[] put = new WriteBehind.Put[1];
            if (weighAndOffer(key, value, ttl, computeNanos, ready -> put[0] = ready, false)) {
                loadNanos.add(computeNanos);
            }
            return put[0];
        }, behind::decrementAndGet));
    }

    /**
     * {@link #offer(CallKey, Object, Duration, long)} with the put handed to {@code sink}; {@code
     * callerWaits} says whether this runs on the caller's thread, whose time the report counts.
     */
    private boolean weighAndOffer(CallKey key, Object value, Duration ttl, long computeNanos,
            Consumer<WriteBehind.Put> sink, boolean callerWaits) {
        DiskMethod method = diskMethod(key.method());
        if (method.refusal() != null) {
            return false; // never on disk: nothing to weigh
        }
        DiskWorth worth = method.worth();
        boolean wasStoring = worth.storing();
        boolean stored = worth.computed(computeNanos);
        if (worth.storing() != wasStoring) {
            LOG.debug("{}: {}{}", key.method().qualifiedName(), worth.verdict(),
                    wasStoring ? "; its results stay in memory" : "; its results are stored again");
        }
        return stored && offer(key, value, ttl, sink, callerWaits);
    }

    @Override
    public boolean offer(CallKey key, Object value, Duration ttl) {
        return offer(key, value, ttl, writer::submit, true);
    }

    private boolean offer(CallKey key, Object value, Duration ttl, Consumer<WriteBehind.Put> sink,
            boolean callerWaits) {
        long start = System.nanoTime();
        DiskMethod method = diskMethod(key.method());
        // on the tier's own thread (callerWaits false) the writer has checked the store itself: it
        // also writes what was queued before a stop
        if (method.refusal() != null || (callerWaits && !writer.writable())) {
            return false;
        }
        CallCodec.Written call = writtenKeyOf(method, key);
        if (call == null) {
            return false;
        }
        byte[] storeKey = call.bytes();
        byte[] payload = null;
        Set<String> classes = call.classes();
        if (value != Dispatcher.NULL && !(value instanceof ArgumentResult)) {
            try {
                ValueCodec.Encoded encoded = ValueCodec.encode(value, key.method().classLoader());
                payload = encoded.bytes();
                classes = new HashSet<>(classes);
                classes.addAll(encoded.classes());
            } catch (IOException | RuntimeException | StackOverflowError e) {
                refuse(method, key.method(), "its result cannot be serialized (" + reason(e) + ")");
                return false;
            }
        }
        KeyBytes pendingKey = new KeyBytes(storeKey);
        if (pending.containsKey(pendingKey)) {
            return true; // the same call's result is on its way to the store already
        }
        byte[] record = value instanceof ArgumentResult argument
                ? EntryFormat.argumentRecord(storeKey, argument.index(), expiresAt(ttl))
                : EntryFormat.record(storeKey, payload, expiresAt(ttl));
        if (!reserve(record.length)) {
            queueFull();
            return false;
        }
        method.allow(classes);
        long writeNanos = System.nanoTime() - start;
        method.worth().wrote(writeNanos);
        if (callerWaits) {
            key.method().stats().policies().saved(NAME, -writeNanos); // off the caller's thread it costs the call nothing
        }
        pending.put(pendingKey, record);
        sink.accept(new WriteBehind.Put(storeKey, record, method.stableId(), classes));
        return true;
    }

    private void queueFull() {
        dropped.increment();
        if (warnedFull.compareAndSet(false, true)) {
            LOG.info("the disk cache at {} is writing slower than results arrive; results that do not fit its"
                    + " write queue ({} results or {} MB) are kept in memory only", directory, MAX_QUEUED,
                    MAX_QUEUED_BYTES >> 20);
        }
    }

    private boolean reserve(int bytes) {
        if (queued.incrementAndGet() > MAX_QUEUED || queuedBytes.addAndGet(bytes) > MAX_QUEUED_BYTES) {
            queued.decrementAndGet();
            queuedBytes.addAndGet(-bytes);
            return false;
        }
        return true;
    }

    /** A queued put reached the store, or was given up: its pending copy is no longer needed. */
    private void written(WriteBehind.Put put) {
        pending.remove(new KeyBytes(put.key()), put.record());
        queued.decrementAndGet();
        queuedBytes.addAndGet(-put.record().length);
    }

    private static long expiresAt(Duration ttl) {
        long now = System.currentTimeMillis();
        long millis = Math.max(1, ttl.toMillis());
        return millis > Long.MAX_VALUE - now ? Long.MAX_VALUE : now + millis;
    }

    /** The key of a call for a lookup, or null when the call cannot be on disk (said once per method). */
    private byte[] keyOf(DiskMethod method, CallKey key) {
        return encoded(method, key, method::key);
    }

    /** How a call is encoded: for a lookup or for a write. */
    private interface Encoding<T> {
        T encode(CallKey key) throws IOException;
    }

    /** The call encoded, or null when it cannot be (an unserializable receiver or argument; said once). */
    private <T> T encoded(DiskMethod method, CallKey key, Encoding<T> encoding) {
        try {
            return encoding.encode(key);
        } catch (CallCodec.UnserializableReceiver e) {
            unserializableReceiver(method, key.method(), e);
            return null;
        } catch (IOException | RuntimeException | StackOverflowError e) {
            refuse(method, key.method(), "an argument cannot be serialized (" + reason(e) + ")");
            return null;
        }
    }

    /**
     * The key of a call for a write, with the classes it names; null when the call cannot be on disk:
     * its receiver or arguments cannot be serialized, or they do not read back as this call (a
     * transient field, a custom {@code writeObject}, no {@code equals}), so no later call could be
     * confirmed to be the one that wrote the entry.
     */
    private CallCodec.Written writtenKeyOf(DiskMethod method, CallKey key) {
        CallCodec.Written written = encoded(method, key, method::writtenKey);
        if (written == null) {
            return null;
        }
        // compared outside the encoding: an equals of the caller's that throws is no serialization fault
        if (!key.matches(written.readBack().receiver(), written.readBack().args())) {
            if (method.firstMismatch()) {
                LOG.info("{}: a call whose arguments{} do not read back from their serialized form as equal to"
                        + " themselves (a transient field, a custom writeObject, no equals) is cached in memory only",
                        key.method().qualifiedName(), key.receiver() == null ? "" : " or receiver");
            }
            return null;
        }
        return written;
    }

    /**
     * A receiver is part of the key: one that cannot be serialized keeps its calls in memory. It is
     * common (service objects) and no fault, so the log says so once for every method, and names
     * each method at debug level.
     */
    private void unserializableReceiver(DiskMethod method, MethodMeta meta, CallCodec.UnserializableReceiver e) {
        if (!method.firstUnserializableReceiver()) {
            return;
        }
        if (receiverNoticeGiven.compareAndSet(false, true)) {
            LOG.info("methods called on a receiver that cannot be serialized keep their results in memory only (the"
                    + " receiver is part of the key, so they cannot be on disk); the debug log names each");
        }
        LOG.debug("{}: a call on a receiver {} is cached in memory only (the receiver is part of the key)",
                meta.qualifiedName(), e.getMessage());
    }

    private DiskMethod diskMethod(MethodMeta method) {
        DiskMethod known = diskMethods.get(method);
        if (known != null) {
            return known;
        }
        return diskMethods.computeIfAbsent(method, meta -> {
            DiskMethod created = new DiskMethod(meta);
            if (created.refusal() != null) {
                LOG.warn("{}: {}; it is cached in memory only", meta.qualifiedName(), created.refusal());
            } else {
                meta.stats().policies().verdict(NAME, created.worth()::verdict); // read when asked
            }
            return created;
        });
    }

    private void refuse(DiskMethod method, MethodMeta meta, String reason) {
        if (method.refuse(reason)) {
            LOG.warn("{}: {}; it is cached in memory only", meta.qualifiedName(), reason);
        }
    }

    /** The type of what failed, never a value: messages of custom serialization may hold data. */
    private static String reason(Throwable e) {
        return e instanceof java.io.NotSerializableException ? "not serializable: " + e.getMessage()
                : e.getClass().getName();
    }

    @Override
    public void recordLoad(long nanos) {
        loadNanos.add(nanos);
    }

    @Override
    public void invalidateAll() {
        pending.clear();
        awaitClear(List.of());
    }

    @Override
    public void invalidate(Predicate<MethodMeta> matching) {
        Set<MethodMeta> candidates = new LinkedHashSet<>(diskMethods.keySet());
        Collection<MethodMeta> registered = methods == null ? null : methods.get();
        if (registered != null) {
            candidates.addAll(registered);
        }
        List<byte[]> prefixes = new ArrayList<>();
        for (MethodMeta method : candidates) {
            if (matching.test(method)) {
                prefixes.add(DiskMethod.methodPrefix(method.stableId()));
            }
        }
        if (prefixes.isEmpty()) {
            return;
        }
        pending.keySet().removeIf(key -> WriteBehind.startsWithAny(key.bytes(), prefixes));
        awaitClear(prefixes);
    }

    /** Clears on the writer's thread, after the writes queued before, and waits for it. */
    private void awaitClear(List<byte[]> prefixes) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        writer.submit(new WriteBehind.Clear(prefixes, done));
        try {
            done.get(CLEAR_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("clearing the disk cache at {} did not finish in time; it goes on in the background", directory);
        }
    }

    @Override
    public TierStatistics statistics() {
        return new TierStatistics(name(), writer.entries(pending::size), -1, hits.sum(), misses.sum(), evictions.sum(),
                directory.bytesOnDisk(), loadNanos.sum());
    }

    /** Results given up because the write queue was full. */
    public long droppedWrites() {
        return dropped.sum();
    }

    /** The directory of the store. */
    public Path directory() {
        return directory.path();
    }

    /** Writes what is queued (opening the store first if needed) and closes it; the files stay. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs (or ran) anyway
        }
        writer.stop(CLOSE_WAIT_MILLIS, true);
    }
}
