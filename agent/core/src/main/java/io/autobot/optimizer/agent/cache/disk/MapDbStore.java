package io.autobot.optimizer.agent.cache.disk;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiPredicate;
import java.util.function.Supplier;
import org.mapdb.Atomic;
import org.mapdb.DB;
import org.mapdb.DBException;
import org.mapdb.DBMaker;
import org.mapdb.HTreeMap;
import org.mapdb.Serializer;

/**
 * The store on MapDB: one file with a write-ahead log (transactions). It holds the entries, the
 * classes written per method, and a format marker that tells a store of another version apart.
 * The only class that touches MapDB, so MapDB (and Kotlin, Eclipse Collections, Guava) load only
 * when a store is opened.
 *
 * <p>A JVM killed between commits reopens at its last commit. One killed during a commit may
 * leave the file half-written, which {@link CommitMarker} tells: such a store opens, and is
 * trusted once it reads through ({@link #readThrough}). A store that fails to open is read out
 * (entries whose checksum holds) for the caller to rebuild it.
 *
 * <p>MapDB 3's write-ahead store fails under concurrent reads, writes and commits (its issues
 * 897, 963, 1001, 1043 show the same {@code IndexOutOfBounds} and {@code GetVoid} failures), so
 * every call here holds one lock. A commit holds it while it syncs the disk (10 to 170 ms on a
 * busy 2-core machine), so the records written or read most recently (up to
 * {@value #RECENT_BYTES} bytes) are also kept in memory, where a read finds them without the lock;
 * every change of the store goes through this class and updates them in the same step. A store
 * created in this JVM also knows the hashes of all its keys (up to {@value #MAX_KNOWN_KEYS}), so a
 * key it never held is a miss without the lock. A reader of any other record waits at most
 * {@value #READ_WAIT_MILLIS} ms for the lock and otherwise takes a miss rather than hold up the host.
 */
final class MapDbStore implements Store {

    /** Written into every store; a store with another marker is incompatible. */
    static final String FORMAT = "autobot-disk-cache/" + EntryFormat.VERSION;

    static final long READ_WAIT_MILLIS = 100;
    static final long RECENT_BYTES = 8L << 20;
    static final int MAX_KNOWN_KEYS = 200_000;

    private final ReentrantLock lock = new ReentrantLock();
    private final DB db;
    private final CommitMarker commitMarker;
    /** Whether the marker was found at opening and the store has not been read through since. */
    private volatile boolean cutShort;
    private final HTreeMap<byte[], byte[]> entries;
    private final HTreeMap<String, byte[]> classes;
    /** Records as the store holds them, by key: what was written or read lately (see above). */
    private final Cache<KeyBytes, byte[]> recent = Caffeine.newBuilder()
            .maximumWeight(RECENT_BYTES)
            .weigher((KeyBytes key, byte[] record) -> key.bytes().length + record.length)
            .executor(Runnable::run)
            .build();
    /**
     * The hashes of every key put since the store was created empty, or null when it was not (or
     * outgrew the bound): a key whose hash is not here is not in the store. Removals leave their
     * hashes, which only costs a read.
     */
    private volatile Set<Integer> knownKeys;
    /** Entries now, kept up to date by the writes (all under the lock); rolled back with them. */
    private long size;
    private long committedSize;

    private MapDbStore(DB db, CommitMarker commitMarker, HTreeMap<byte[], byte[]> entries, HTreeMap<String, byte[]> classes,
            long size, boolean cutShort) {
        this.knownKeys = size == 0 ? ConcurrentHashMap.newKeySet() : null;
        this.cutShort = cutShort;
        this.db = db;
        this.commitMarker = commitMarker;
        this.entries = entries;
        this.classes = classes;
        this.size = size;
        this.committedSize = size;
    }

    /**
     * Opens the store at {@code file}, creating it when absent.
     *
     * @throws StoreException saying whether the store is locked, damaged or unavailable; a damaged
     *     store's exception holds what could still be read of it
     */
    static MapDbStore open(Path file) throws StoreException {
        boolean existed = CacheDirectory.hasContent(file);
        boolean cutShort = existed && CommitMarker.leftBehind(file);
        DB db = null;
        CommitMarker commitMarker = null;
        HTreeMap<byte[], byte[]> entries = null;
        HTreeMap<String, byte[]> classes = null;
        // MapDB keeps the opening thread's context loader and requires one: a host's RMI, JMX or
        // pool thread often has none, so the store is opened with the agent's own loader
        Thread thread = Thread.currentThread();
        ClassLoader callerLoader = thread.getContextClassLoader();
        thread.setContextClassLoader(MapDbStore.class.getClassLoader());
        try {
            db = DBMaker.fileDB(file.toFile()).transactionEnable().fileSyncDisable().make(); // synced by the marker
            Atomic.String format = db.atomicString("format").createOrOpen();
            if (existed && !FORMAT.equals(format.get())) {
                throw new StoreException(StoreException.Kind.DAMAGED, "it was written by another version ("
                        + (format.get() == null ? "no format marker" : format.get()) + ")", null);
            }
            // no counterEnable(): its counter records break MapDB's crash recovery (a store killed
            // mid-write then fails on reads in about one reopening of four); the size is counted here
            entries = db.hashMap("entries", KeySerializer.INSTANCE, Serializer.BYTE_ARRAY).createOrOpen();
            classes = db.hashMap("classes", Serializer.STRING, Serializer.BYTE_ARRAY).createOrOpen();
            long size = entries.sizeLong(); // reads the whole index: a damaged one fails here rather than later
            commitMarker = new CommitMarker(file);
            if (!cutShort) { // a commit now would remove the marker before the store is read through
                format.set(FORMAT);
                commitMarker.commit(db::commit);
            }
            return new MapDbStore(db, commitMarker, entries, classes, size, cutShort);
        } catch (StoreException e) {
            closeQuietly(db, commitMarker);
            throw e;
        } catch (IOException | UncheckedIOException e) { // the commit marker: the directory, not the store, fails
            closeQuietly(db, commitMarker);
            throw new StoreException(StoreException.Kind.UNAVAILABLE, CacheDirectory.describe(rootCause(e)), e);
        } catch (DBException.FileLocked | OverlappingFileLockException e) {
            closeQuietly(db, commitMarker);
            throw new StoreException(StoreException.Kind.LOCKED, "another JVM uses it", e);
        } catch (DBException.VolumeIOError e) {
            closeQuietly(db, commitMarker);
            // the directory passed a write probe: an I/O failure is a full disk or a damaged file
            Throwable cause = rootCause(e);
            throw new StoreException(isNoSpaceOrAccess(cause) ? StoreException.Kind.UNAVAILABLE
                    : StoreException.Kind.DAMAGED, CacheDirectory.describe(cause), e);
        } catch (LinkageError e) {
            closeQuietly(db, commitMarker);
            throw new StoreException(StoreException.Kind.UNAVAILABLE, "MapDB cannot load: " + e, e);
        } catch (RuntimeException | AssertionError e) {
            Salvage salvage = entries == null ? null : salvage(entries, classes);
            closeQuietly(db, commitMarker);
            throw new StoreException((cutShort ? "its last commit did not finish (the JVM stopped while writing it): "
                    : "") + CacheDirectory.describe(e), salvage);
        } finally {
            thread.setContextClassLoader(callerLoader);
        }
    }

    @Override
    public byte[] get(byte[] key) {
        KeyBytes recentKey = new KeyBytes(key);
        byte[] known = recent.getIfPresent(recentKey);
        if (known != null) {
            return known;
        }
        Set<Integer> keys = knownKeys;
        if (keys != null && !keys.contains(recentKey.hashCode())) {
            return null;
        }
        try {
            if (!lock.tryLock(READ_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                return null;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
        try {
            byte[] record = entries.get(key);
            if (record != null) {
                recent.put(recentKey, record); // under the lock: no change of the store overtakes it
            }
            return record;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void put(byte[] key, byte[] record) {
        locked(() -> {
            if (entries.put(key, record) == null) {
                size++;
            }
            KeyBytes recentKey = new KeyBytes(key);
            recent.put(recentKey, record);
            know(recentKey.hashCode());
            return null;
        });
    }

    private void know(int keyHash) {
        Set<Integer> keys = knownKeys;
        if (keys != null) {
            keys.add(keyHash);
            if (keys.size() > MAX_KNOWN_KEYS) {
                knownKeys = null; // too many to keep: absence is read from the store again
            }
        }
    }

    @Override
    public boolean remove(byte[] key) {
        return locked(() -> {
            recent.invalidate(new KeyBytes(key));
            boolean removed = entries.remove(key) != null;
            if (removed) {
                size--;
            }
            return removed;
        });
    }

    @Override
    public long removeIf(BiPredicate<byte[], byte[]> test) {
        return locked(() -> removeMatching(test));
    }

    private long removeMatching(BiPredicate<byte[], byte[]> test) {
        List<byte[]> doomed = new ArrayList<>();
        for (Map.Entry<byte[], byte[]> entry : entries.getEntries()) {
            if (test.test(entry.getKey(), entry.getValue())) {
                doomed.add(entry.getKey());
            }
        }
        for (byte[] key : doomed) {
            recent.invalidate(new KeyBytes(key));
            if (entries.remove(key) != null) {
                size--;
            }
        }
        return doomed.size();
    }

    @Override
    public Salvage salvage(BiPredicate<byte[], byte[]> keep, long maxBytes) {
        return locked(() -> salvage(entries, classes, keep, maxBytes));
    }

    /** What a store that failed to open can still give: intact entries, up to the salvage bound. */
    private static Salvage salvage(HTreeMap<byte[], byte[]> entries, HTreeMap<String, byte[]> classes) {
        return salvage(entries, classes, EntryFormat::intact, StoreOpener.SALVAGE_BYTES);
    }

    private static Salvage salvage(HTreeMap<byte[], byte[]> entries, HTreeMap<String, byte[]> classes,
            BiPredicate<byte[], byte[]> keep, long maxBytes) {
        List<byte[][]> kept = new ArrayList<>();
        Map<String, Set<String>> allowed = new java.util.HashMap<>();
        long bytes = 0;
        try {
            for (Map.Entry<byte[], byte[]> entry : entries.getEntries()) {
                if (keep.test(entry.getKey(), entry.getValue())) {
                    kept.add(new byte[][] {entry.getKey(), entry.getValue()});
                    bytes += entry.getKey().length + entry.getValue().length;
                    if (bytes > maxBytes) {
                        break;
                    }
                }
            }
        } catch (RuntimeException | StackOverflowError | AssertionError damaged) {
            // the rest is lost: what was read before the failure is kept
        }
        if (classes != null) {
            try {
                for (Map.Entry<String, byte[]> names : classes.getEntries()) {
                    allowed.put(names.getKey(), classNames(names.getValue()));
                }
            } catch (RuntimeException | StackOverflowError | AssertionError damaged) {
                // entries whose classes are lost cannot be read back: the caller drops them
            }
        }
        return new Salvage(kept, allowed);
    }

    @Override
    public boolean lastCommitCutShort() {
        return cutShort;
    }

    @Override
    public void readThrough() {
        locked(() -> {
            for (Map.Entry<byte[], byte[]> entry : entries.getEntries()) {
                entry.getValue(); // reading the leaf is the check
            }
            for (Map.Entry<String, byte[]> names : classes.getEntries()) {
                names.getValue();
            }
            if (cutShort) {
                commitMarker.clear();
                cutShort = false;
            }
            return null;
        });
    }

    @Override
    public void clear() {
        locked(() -> {
            recent.invalidateAll();
            entries.clear();
            classes.clear();
            size = 0;
            return null;
        });
    }

    @Override
    public long size() {
        return locked(() -> size);
    }

    @Override
    public Set<String> allowedClasses(String stableId) {
        return classNames(locked(() -> classes.get(stableId)));
    }

    private static Set<String> classNames(byte[] names) {
        if (names == null || names.length == 0) {
            return Collections.emptySet();
        }
        return new LinkedHashSet<>(List.of(new String(names, StandardCharsets.UTF_8).split("\n")));
    }

    @Override
    public void allowClasses(String stableId, Set<String> more) {
        Set<String> all = new LinkedHashSet<>(allowedClasses(stableId));
        if (all.addAll(more)) {
            locked(() -> classes.put(stableId, String.join("\n", all).getBytes(StandardCharsets.UTF_8)));
        }
    }

    @Override
    public void commit() {
        locked(() -> {
            commitMarker.commit(db::commit);
            committedSize = size;
            return null;
        });
    }

    @Override
    public void rollback() {
        locked(() -> {
            recent.invalidateAll(); // it may hold records the rollback undoes
            size = committedSize;
            db.rollback();
            return null;
        });
    }

    @Override
    public void close() {
        locked(() -> {
            recent.invalidateAll();
            if (!db.isClosed()) {
                db.close();
            }
            commitMarker.close();
            return null;
        });
    }

    private <T> T locked(Supplier<T> action) {
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Whether a failure of the store came from the file system (no space, I/O error, closed), not
     * from MapDB following a damaged pointer out of its file ({@link #outsideTheFile}).
     */
    static boolean isIoFailure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DBException.VolumeIOError) {
                return !outsideTheFile(cause.getCause());
            }
            if (cause instanceof IOException || cause instanceof DBException.VolumeClosed) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    /**
     * Whether MapDB's file failed at a position no intact store has: past its end (EOF) or past
     * what the file system allows (EINVAL). MapDB checks a pointer with one parity bit, so a
     * damaged pointer passes that check half the time and fails here, as an I/O error, instead.
     */
    private static boolean outsideTheFile(Throwable io) {
        return io instanceof EOFException || io instanceof IOException && "Invalid argument".equals(io.getMessage());
    }

    private static boolean isNoSpaceOrAccess(Throwable cause) {
        String message = String.valueOf(cause.getMessage());
        return cause instanceof java.nio.file.AccessDeniedException || message.contains("No space left")
                || message.contains("Permission denied") || message.contains("Read-only file system");
    }

    static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static void closeQuietly(DB db, CommitMarker commitMarker) {
        if (commitMarker != null) {
            commitMarker.close();
        }
        if (db != null) {
            try {
                db.close();
            } catch (RuntimeException | LinkageError ignored) {
                // the store failed already; the caller reports that
            }
        }
    }
}
