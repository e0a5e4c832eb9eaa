package io.autobot.optimizer.agent.cache.disk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the store in the cache directory: creates it owner-only, sets a damaged store or one of
 * another version aside and rebuilds it with what could still be read, and leaves a store that
 * another JVM holds alone. Each outcome that leaves the tier without a store is one warning.
 */
final class StoreOpener {

    private static final Logger LOG = LoggerFactory.getLogger("io.autobot.optimizer");
    /** At most this much of a damaged store is read out to rebuild it. */
    static final long SALVAGE_BYTES = 64L << 20;
    /** Salvaged entries written into a new store between two commits (about 2 MB of 2 KB results). */
    private static final int RESTORE_BATCH = 1_000;

    private final CacheDirectory directory;
    /** What the last rebuild read out and the tier's thread has not yet written (see {@link #rebuild}). */
    private Store.Salvage salvaged;

    StoreOpener(CacheDirectory directory) {
        this.directory = directory;
    }

    /** Opens the store: one warning and null when it cannot; a damaged store is set aside first. */
    Store open() {
        try {
            directory.prepare();
        } catch (IOException e) {
            unusable(directory, e);
            return null;
        }
        try {
            return openFile();
        } catch (IOException e) {
            LOG.warn("the disk cache at {} cannot be opened ({}); results are cached in memory only", directory,
                    CacheDirectory.describe(e));
            return null;
        } catch (StoreException e) {
            switch (e.kind()) {
                case LOCKED:
                    LOG.warn("the disk cache at {} is in use by another JVM; this JVM leaves it alone and caches"
                            + " results in memory only", directory);
                    return null;
                case DAMAGED:
                    return rebuild("it is damaged or from another version (" + e.getMessage() + ")", e.salvage());
                default:
                    LOG.warn("the disk cache at {} cannot be opened ({}); results are cached in memory only",
                            directory, e.getMessage());
                    return null;
            }
        }
    }

    /** The one warning for a directory that {@link CacheDirectory#prepare} refused. */
    static void unusable(CacheDirectory directory, IOException e) {
        LOG.warn("DISK_CACHE_PATH={} cannot be used: {}; results are cached in memory only", directory,
                e.getMessage());
    }

    /**
     * Sets the store aside and opens a new, empty one. What could still be read of the old one is
     * kept for the tier's thread to write into the new one ({@link #takeSalvaged}, {@link #restore})
     * once callers no longer wait for the store to open: a large salvage takes seconds to write.
     */
    Store rebuild(String reason, Store.Salvage salvage) {
        try {
            Path aside = directory.setAside();
            Store fresh = openFile();
            Store.Salvage kept = restorable(salvage);
            salvaged = kept.entries().isEmpty() ? null : kept;
            LOG.warn("the disk cache at {} was set aside in {} because {}; a new one replaces it{}", directory, aside,
                    reason, salvaged == null ? ", empty"
                            : " with the " + kept.entries().size() + " entries that could still be read");
            return fresh;
        } catch (IOException | StoreException e) {
            LOG.warn("the disk cache at {} {} and could not be rebuilt ({}); results are cached in memory only",
                    directory, reason, e.getMessage());
            return null;
        }
    }

    /** What the last rebuild read out, to be written into the new store; null when nothing (or taken). */
    Store.Salvage takeSalvaged() {
        Store.Salvage taken = salvaged;
        salvaged = null;
        return taken;
    }

    /** The salvaged entries a new store can take: those whose classes were recorded, and null results. */
    private static Store.Salvage restorable(Store.Salvage salvage) {
        List<byte[][]> kept = new ArrayList<>();
        if (salvage != null) {
            for (byte[][] entry : salvage.entries()) {
                String stableId = EntryFormat.stableIdOf(entry[0]);
                if (stableId != null && (salvage.classes().containsKey(stableId) || EntryFormat.isNull(entry[1]))) {
                    kept.add(entry);
                }
            }
        }
        return new Store.Salvage(kept, salvage == null ? Map.of() : salvage.classes());
    }

    /**
     * Writes salvaged entries into a new store, committing every {@value #RESTORE_BATCH} of them
     * so that no commit holds the store long; stops early when {@code stop} says so.
     *
     * @param between run between two batches (the tier yields to the host there)
     */
    static void restore(Store fresh, Store.Salvage salvage, BooleanSupplier stop, Runnable between) {
        int inBatch = 0;
        for (byte[][] entry : salvage.entries()) {
            String stableId = EntryFormat.stableIdOf(entry[0]);
            Set<String> classes = salvage.classes().get(stableId);
            if (classes != null) {
                fresh.allowClasses(stableId, classes);
            }
            fresh.put(entry[0], entry[1]);
            if (++inBatch == RESTORE_BATCH) {
                fresh.commit();
                inBatch = 0;
                if (stop.getAsBoolean()) {
                    return;
                }
                between.run();
            }
        }
        fresh.commit();
    }

    private Store opened(Store opened) {
        directory.restrictFiles();
        return opened;
    }

    /**
     * Opens the store file, creating it when absent. A creation that an earlier JVM did not
     * finish (it exited while the store was opening) is discarded silently: it held nothing yet.
     */
    private Store openFile() throws StoreException, IOException {
        Path marker = directory.creationMarker();
        if (Files.exists(marker)) {
            directory.deleteStoreFiles();
        }
        boolean creating = directory.storeMissing();
        if (creating) {
            Files.write(marker, new byte[0]);
        }
        Store opened;
        try {
            opened = MapDbStore.open(directory.storeFile());
        } catch (StoreException e) {
            if (creating) { // nothing was stored yet: leave no half-made store or marker behind
                directory.deleteStoreFiles();
            }
            throw e;
        } finally {
            directory.restrictFiles();
        }
        if (creating) {
            Files.deleteIfExists(marker);
        }
        return opened(opened);
    }

    /** What can still be read of a store that failed: intact entries whose classes were recorded. */
    static Store.Salvage salvage(Store damaged) {
        if (damaged == null) {
            return null;
        }
        try {
            return damaged.salvage(EntryFormat::intact, SALVAGE_BYTES);
        } catch (RuntimeException | StackOverflowError e) {
            return null;
        }
    }
}
