package io.autobot.optimizer.management.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes exports inside the export directory ({@code AUTOBOT_EXPORT_DIR}) and nowhere else: a
 * remote JMX user can choose the file's name, not where it goes. The directory is created
 * readable by its owner only; names that leave it ({@code ..}, absolute paths elsewhere) and
 * symbolic links are refused; the file is written beside its target and moved into place, so a
 * reader never sees half a file.
 */
public final class Exporter {

    private final Path directory;

    public Exporter(String directory) {
        this.directory = Path.of(directory).toAbsolutePath().normalize();
    }

    public Path directory() {
        return directory;
    }

    /** Writes JSON {@code content} to {@code fileName} in the export directory (see {@link #write(String, ExportFormat, String)}). */
    public Path write(String fileName, String content) throws IOException {
        return write(fileName, ExportFormat.JSON, content);
    }

    /**
     * Writes {@code content} to {@code fileName} in the export directory.
     *
     * @return the absolute path written
     * @throws IllegalArgumentException when the name does not end as the format's files do or is
     *     not inside the directory
     * @throws IOException when the file cannot be written
     */
    public Path write(String fileName, ExportFormat format, String content) throws IOException {
        Path target = resolve(fileName, format);
        createDirectory(target.getParent());
        Path realDirectory = directory.toRealPath();
        Path realParent = target.getParent().toRealPath();
        if (!realParent.startsWith(realDirectory)) {
            throw refused(fileName, format, "it leaves the export directory through a link");
        }
        if (Files.isSymbolicLink(target) || (Files.exists(target, LinkOption.NOFOLLOW_LINKS)
                && !Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS))) {
            throw refused(fileName, format, "it exists and is not a regular file");
        }
        Path temporary = Files.createTempFile(target.getParent(), ".export-", ".tmp", ownerOnlyFile());
        try {
            Files.writeString(temporary, content, StandardCharsets.UTF_8);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
        return target;
    }

    /**
     * The path a name stands for, checked to end as the format's files do and to stay inside the
     * directory (links are checked when writing).
     *
     * @throws IllegalArgumentException saying why the name is refused and what is accepted
     */
    public Path resolve(String fileName, ExportFormat format) {
        if (fileName == null || fileName.isBlank() || fileName.indexOf('\0') >= 0) {
            throw refused(String.valueOf(fileName), format, "the name is empty");
        }
        if (!format.names(fileName)) {
            throw refused(fileName, format, "the " + format.text() + " format is written to a "
                    + String.join(" or ", format.extensions()) + " file");
        }
        Path requested = Path.of(fileName);
        Path target = (requested.isAbsolute() ? requested : directory.resolve(requested)).normalize();
        if (!target.startsWith(directory) || target.equals(directory)) {
            throw refused(fileName, format, "it is outside the export directory");
        }
        return target;
    }

    private void createDirectory(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        try {
            Files.createDirectories(dir, ownerOnlyDirectory());
        } catch (UnsupportedOperationException notPosix) {
            Files.createDirectories(dir);
        } catch (FileAlreadyExistsException raced) {
            // created meanwhile
        }
    }

    private IllegalArgumentException refused(String fileName, ExportFormat format, String why) {
        return new IllegalArgumentException("cannot export to '" + fileName + "': " + why
                + "; expected a file name ending in " + String.join(" or ", format.extensions())
                + ", written inside " + directory + " (AUTOBOT_EXPORT_DIR)");
    }

    private static FileAttribute<?>[] ownerOnlyFile() {
        return posix() ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rw-------"))} : new FileAttribute<?>[0];
    }

    private static FileAttribute<?> ownerOnlyDirectory() {
        return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));
    }

    private static boolean posix() {
        return java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
