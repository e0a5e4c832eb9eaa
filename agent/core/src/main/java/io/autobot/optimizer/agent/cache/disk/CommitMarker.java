package io.autobot.optimizer.agent.cache.disk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Tells a store file whose last commit did not finish from one that is whole. MapDB 3.1 applies
 * a commit to its file in place after writing its log, and never replays that log when it opens:
 * a JVM killed while the commit is applied leaves a file that is half old, half new. A marker file
 * ({@code <store>.committing}) exists exactly while the commit writes the file, so a marker found
 * at the next opening says the file may be half-written, and the store is read through before it
 * is trusted ({@link Store#lastCommitCutShort}). MapDB's own sync of the file is turned
 * off and done here, after the marker is gone: a kill during that sync loses nothing (the written
 * pages are the system's already), and the marker covers the writes only.
 */
final class CommitMarker implements AutoCloseable {

    private final Path marker;
    private final FileChannel file;

    /** @param storeFile the store's file, which exists */
    CommitMarker(Path storeFile) throws IOException {
        this.marker = of(storeFile);
        this.file = FileChannel.open(storeFile, StandardOpenOption.WRITE);
    }

    /** The marker of {@code storeFile}. */
    static Path of(Path storeFile) {
        return storeFile.resolveSibling(storeFile.getFileName() + ".committing");
    }

    /** Whether the last commit of {@code storeFile} did not finish (or failed). */
    static boolean leftBehind(Path storeFile) {
        return Files.exists(of(storeFile));
    }

    /**
     * Runs {@code commit} with the marker present, then syncs the file; a commit that throws
     * leaves the marker, rightly: the file may be half-written.
     *
     * @throws UncheckedIOException when the marker cannot be written or the file cannot be synced
     */
    void commit(Runnable commit) {
        try {
            Files.newOutputStream(marker).close();
            commit.run();
            Files.delete(marker);
            file.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("the disk cache's commit marker " + marker + " or its sync failed", e);
        }
    }

    /** Removes a marker found at opening, once the file proved readable; one that stays is looked at again. */
    void clear() {
        try {
            Files.deleteIfExists(marker);
        } catch (IOException e) {
            // the next start reads the store through once more
        }
    }

    @Override
    public void close() {
        try {
            file.close();
        } catch (IOException ignored) {
            // nothing was pending: every commit synced
        }
    }
}
