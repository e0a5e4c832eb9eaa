package io.autobot.optimizer.agent.cache.disk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
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

    private final CacheDirectory directory;

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

    Store rebuild(String reason, Store.Salvage salvage) {
        try {
            Path aside = directory.setAside();
            Store fresh = openFile();
            long kept = salvage == null ? 0 : restore(fresh, salvage);
            LOG.warn("the disk cache at {} was set aside in {} because {}; a new one replaces it{}", directory, aside,
                    reason, kept > 0 ? " with the " + kept + " entries that could still be read" : ", empty");
            return fresh;
        } catch (IOException | StoreException e) {
            LOG.warn("the disk cache at {} {} and could not be rebuilt ({}); results are cached in memory only",
                    directory, reason, e.getMessage());
            return null;
        }
    }

    /** Writes salvaged entries into a new store; entries whose classes were lost are dropped. */
    private static long restore(Store fresh, Store.Salvage salvage) {
        long kept = 0;
        for (byte[][] entry : salvage.entries()) {
            String stableId = EntryFormat.stableIdOf(entry[0]);
            Set<String> classes = stableId == null ? null : salvage.classes().get(stableId);
            if (classes != null || (stableId != null && EntryFormat.isNull(entry[1]))) {
                if (classes != null) {
                    fresh.allowClasses(stableId, classes);
                }
                fresh.put(entry[0], entry[1]);
                kept++;
            }
        }
        fresh.commit();
        return kept;
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
