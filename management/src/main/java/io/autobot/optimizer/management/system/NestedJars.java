package io.autobot.optimizer.management.system;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.zip.CRC32;

/**
 * Puts jars nested in the agent jar on disk, where a class loader can read them.
 *
 * <p>They go to one directory of this user's in the temporary directory, named by their content
 * (their CRC-32s in the agent jar): made by the first start of an agent jar and reused by every
 * later start of the same one. A JVM that ends without running its exit hooks (killed) then leaves
 * nothing behind, and a start copies no jar. A directory by that name that is not this user's
 * alone (another owner, open to others, a link) is not trusted: the jars then go to a directory of
 * this JVM's own, removed when it ends normally.
 */
final class NestedJars {

    private static final LinkOption[] NO_FOLLOW = {LinkOption.NOFOLLOW_LINKS};
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");
    private static final String PARTIAL = ".partial-";
    /** Far longer than copying a few megabytes takes. */
    private static final Duration ABANDONED_AFTER = Duration.ofMinutes(10);

    private final String resourceDir;
    private final List<String> names;
    private final ClassLoader loader;

    /**
     * @param resourceDir where the jars are in the agent jar ({@code a/b/})
     * @param names the jars, in class-path order
     */
    NestedJars(String resourceDir, List<String> names, ClassLoader loader) {
        this.resourceDir = resourceDir;
        this.names = names;
        this.loader = loader;
    }

    /** The jars on disk, in the given order. */
    List<Path> extract(Path tempDir, String prefix) throws IOException {
        List<JarEntry> entries = entries();
        if (entries != null) {
            Path shared = tempDir.resolve(prefix + user() + "-" + contentName(entries));
            if (usable(shared)) {
                return fill(shared, entries);
            }
        }
        return extractPrivately(tempDir, prefix);
    }

    /** The jars' entries in the agent jar (their sizes and CRCs), or null when they are not read from a jar. */
    private List<JarEntry> entries() throws IOException {
        List<JarEntry> entries = new ArrayList<>();
        for (String name : names) {
            URLConnection connection = resource(name).openConnection();
            if (!(connection instanceof JarURLConnection jar) || jar.getJarEntry() == null) {
                return null;
            }
            JarEntry entry = jar.getJarEntry();
            if (entry.getCrc() == -1 || entry.getSize() == -1) {
                return null;
            }
            entries.add(entry);
        }
        return entries;
    }

    private URL resource(String name) throws IOException {
        URL url = loader.getResource(resourceDir + name);
        if (url == null) {
            throw new IOException(resourceDir + name + " is missing from the agent jar");
        }
        return url;
    }

    private static String contentName(List<JarEntry> entries) {
        CRC32 crc = new CRC32();
        for (JarEntry entry : entries) {
            crc.update(Long.toString(entry.getCrc()).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            crc.update(Long.toString(entry.getSize()).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
        return Long.toHexString(crc.getValue());
    }

    private static String user() {
        return System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9._-]", "_").toLowerCase(Locale.ROOT);
    }

    /**
     * Creates the directory owner-only, or checks the one there: a directory (not a link), this
     * user's, open to nobody else.
     */
    private static boolean usable(Path dir) {
        boolean posix = Files.getFileAttributeView(dir.getParent(), PosixFileAttributeView.class) != null;
        try {
            if (posix) {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } else {
                Files.createDirectory(dir);
            }
        } catch (FileAlreadyExistsException exists) {
            // made by an earlier start: checked below
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
        if (!Files.isDirectory(dir, NO_FOLLOW)) {
            return false;
        }
        if (!posix) {
            return true;
        }
        try {
            Path probe = Files.createTempFile(dir, ".probe-", ".tmp");
            try {
                return Files.getOwner(probe).equals(Files.getOwner(dir, NO_FOLLOW))
                        && Files.getPosixFilePermissions(dir, NO_FOLLOW).equals(OWNER_ONLY);
            } finally {
                Files.deleteIfExists(probe);
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Writes each jar not there yet with its size (to a file of its own first, then moved in whole). */
    private List<Path> fill(Path dir, List<JarEntry> entries) throws IOException {
        removeAbandonedPartials(dir);
        List<Path> jars = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            Path jar = dir.resolve(names.get(i));
            if (!Files.isRegularFile(jar, NO_FOLLOW) || Files.size(jar) != entries.get(i).getSize()) {
                Path partial = Files.createTempFile(dir, PARTIAL, ".jar");
                try {
                    copy(names.get(i), partial);
                    Files.move(partial, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } finally {
                    Files.deleteIfExists(partial);
                }
            }
            jars.add(jar);
        }
        return jars;
    }

    /**
     * Removes the partial copies a JVM killed while it wrote them left behind: those older than
     * {@link #ABANDONED_AFTER}, which no copy in progress takes.
     */
    private static void removeAbandonedPartials(Path dir) throws IOException {
        long before = System.currentTimeMillis() - ABANDONED_AFTER.toMillis();
        try (DirectoryStream<Path> partials = Files.newDirectoryStream(dir, PARTIAL + "*")) {
            for (Path partial : partials) {
                if (Files.isRegularFile(partial, NO_FOLLOW)
                        && Files.getLastModifiedTime(partial, NO_FOLLOW).toMillis() < before) {
                    Files.deleteIfExists(partial);
                }
            }
        }
    }

    private List<Path> extractPrivately(Path tempDir, String prefix) throws IOException {
        Path dir = Files.createTempDirectory(tempDir, prefix); // owner-only on POSIX
        dir.toFile().deleteOnExit();
        List<Path> jars = new ArrayList<>();
        for (String name : names) {
            Path jar = dir.resolve(name);
            copy(name, jar);
            jar.toFile().deleteOnExit();
            jars.add(jar);
        }
        return jars;
    }

    private void copy(String name, Path target) throws IOException {
        try (InputStream nested = loader.getResourceAsStream(resourceDir + name)) {
            if (nested == null) {
                throw new IOException(resourceDir + name + " is missing from the agent jar");
            }
            Files.copy(nested, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
