package io.autobot.optimizer.agent.cache.disk;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The directory at {@code DISK_CACHE_PATH}: created owner-only (700), checked before use (a
 * directory, writable, owned by this user, not writable by others), and the place where a damaged
 * store is set aside.
 */
final class CacheDirectory {

    /** The store's file; MapDB adds its write-ahead log files beside it ({@code .wal.N}). */
    static final String STORE_FILE = "autobot-cache.db";
    private static final String SET_ASIDE_PREFIX = "damaged-";
    private static final int SET_ASIDE_KEPT = 2;
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    private final Path directory;

    CacheDirectory(Path directory) {
        this.directory = directory.toAbsolutePath().normalize();
    }

    Path path() {
        return directory;
    }

    Path storeFile() {
        return directory.resolve(STORE_FILE);
    }

    /** Whether a store with content is here (a stat, no MapDB); true when that cannot be told. */
    boolean holdsStore() {
        return hasContent(storeFile());
    }

    /** Whether {@code file} exists and is not empty; true when that cannot be told. */
    static boolean hasContent(Path file) {
        try {
            return Files.exists(file) && Files.size(file) > 0;
        } catch (IOException | SecurityException e) {
            return true;
        }
    }

    /**
     * Creates the directory (owner-only) or checks the one that exists.
     *
     * @throws IOException with a message that says what is wrong with the directory
     */
    void prepare() throws IOException {
        boolean posix = Files.getFileAttributeView(existingAncestor(), PosixFileAttributeView.class) != null;
        if (!Files.exists(directory)) {
            try {
                if (posix) {
                    Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
                } else {
                    Files.createDirectories(directory);
                }
            } catch (FileAlreadyExistsException e) {
                throw new IOException("it cannot be created: " + e.getFile() + " exists and is not a directory");
            } catch (IOException | UnsupportedOperationException e) {
                throw new IOException("it cannot be created (" + describe(e) + ")");
            }
        }
        if (!Files.isDirectory(directory)) {
            throw new IOException("it is not a directory");
        }
        checkWritableAndOwned(posix);
    }

    private void checkWritableAndOwned(boolean posix) throws IOException {
        Path probe;
        try {
            probe = Files.createTempFile(directory, ".probe-", ".tmp");
        } catch (IOException e) {
            boolean full = String.valueOf(e.getMessage()).contains("No space left");
            throw new IOException((full ? "its disk is full (" : "it is read-only (") + describe(e) + ")");
        }
        try {
            if (posix && !Files.getOwner(probe).equals(Files.getOwner(directory))) {
                throw new IOException("it belongs to " + Files.getOwner(directory).getName()
                        + ", not to the user running this JVM");
            }
        } finally {
            Files.deleteIfExists(probe);
        }
        if (posix) {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(directory);
            if (!permissions.equals(OWNER_ONLY)) {
                // the cache's own directory: only its owner may read or replace the store
                Files.setPosixFilePermissions(directory, OWNER_ONLY);
            }
        }
    }

    /**
     * Marks that a new store is being created; a marker found at the next start means the JVM
     * ended before the new store was complete (it exits without waiting for the store to open).
     */
    Path creationMarker() {
        return directory.resolve(STORE_FILE + ".creating");
    }

    /** Whether no store exists yet (or only an empty file). */
    boolean storeMissing() {
        try {
            return !Files.exists(storeFile()) || Files.size(storeFile()) == 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** Deletes the store's files: only for a store whose creation never finished. */
    void deleteStoreFiles() throws IOException {
        for (Path file : storeFiles()) {
            Files.deleteIfExists(file);
        }
    }

    /** Restricts the store's files to the owner (they sit in an owner-only directory as well). */
    void restrictFiles() {
        for (Path file : storeFiles()) {
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (IOException | UnsupportedOperationException e) {
                // not POSIX, or the file went away: the directory's permissions still protect it
            }
        }
    }

    /** The store file and its write-ahead logs. */
    List<Path> storeFiles() {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory, STORE_FILE + "*")) {
            stream.forEach(files::add);
        } catch (IOException e) {
            return List.of();
        }
        return files;
    }

    /** Bytes taken by the store and its logs. */
    long bytesOnDisk() {
        long total = 0;
        for (Path file : storeFiles()) {
            try {
                total += Files.size(file);
            } catch (IOException e) {
                // removed meanwhile
            }
        }
        return total;
    }

    /**
     * Moves the store's files into a {@code damaged-<time>} directory beside them, keeping the
     * latest few such directories for inspection.
     *
     * @return where the files went
     */
    Path setAside() throws IOException {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS"));
        Path target = directory.resolve(SET_ASIDE_PREFIX + stamp);
        Files.createDirectories(target);
        for (Path file : storeFiles()) {
            Files.move(file, target.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
        pruneSetAside();
        return target;
    }

    private void pruneSetAside() throws IOException {
        List<Path> sets = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory, SET_ASIDE_PREFIX + "*")) {
            stream.forEach(sets::add);
        }
        sets.sort(Comparator.comparing(Path::toString));
        for (int i = 0; i < sets.size() - SET_ASIDE_KEPT; i++) {
            deleteTree(sets.get(i));
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(path);
            }
        }
    }

    private Path existingAncestor() {
        Path candidate = directory;
        while (candidate != null && !Files.exists(candidate)) {
            candidate = candidate.getParent();
        }
        return candidate == null ? directory.getRoot() : candidate;
    }

    static String describe(Throwable e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    @Override
    public String toString() {
        return directory.toString();
    }
}
