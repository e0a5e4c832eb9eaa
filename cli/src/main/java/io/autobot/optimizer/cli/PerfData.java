package io.autobot.optimizer.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/**
 * Reads one string counter from a JVM's performance-data file ({@code hsperfdata_<user>/<pid>} in
 * the temporary directory), as {@code jcmd} and {@code jconsole} find a JVM's local JMX connector
 * (counter {@code sun.management.JMXConnectorServer.address}) without attaching to it. Only a
 * file that this user owns, in a directory this user owns, neither writable by others, is read:
 * the JVM writes it readable by its user alone, so the address found is the one the Attach API
 * would have given. Anything unexpected in the file
 * (another layout, a file being written) gives null, and the caller attaches as before.
 */
final class PerfData {

    /** The counter in which a JVM publishes the address of its local JMX connector, once started. */
    static final String LOCAL_CONNECTOR_ADDRESS = "sun.management.JMXConnectorServer.address";

    private static final int MAGIC = 0xcafec0c0;
    private static final int PROLOGUE_SIZE = 32;
    private static final int ENTRY_HEADER_SIZE = 20;
    private static final byte BYTE_TYPE = 'B';

    private PerfData() {
    }

    /** This user's performance-data file of the process, where a JVM run by this user advertises itself. */
    static Path file(long pid) {
        return Path.of(System.getProperty("java.io.tmpdir"), "hsperfdata_" + System.getProperty("user.name"),
                String.valueOf(pid));
    }

    /** The string counter of that name in the file, or null when it is not there or the file cannot be read. */
    static String string(Path file, String name) {
        try {
            if (!ownedByThisUser(file) || !ownedByThisUser(file.getParent())) {
                return null;
            }
            return string(ByteBuffer.wrap(Files.readAllBytes(file)), name);
        } catch (IOException | RuntimeException unreadable) {
            return null;
        }
    }

    /**
     * Whether this user owns the file and no one else may write it: a directory that another
     * user made under the expected name (before this user's first JVM did) could otherwise point
     * the CLI at a connector of theirs.
     */
    private static boolean ownedByThisUser(Path path) throws IOException {
        if (!System.getProperty("user.name").equals(Files.getOwner(path).getName())) {
            return false;
        }
        if (path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
            return !permissions.contains(PosixFilePermission.GROUP_WRITE)
                    && !permissions.contains(PosixFilePermission.OTHERS_WRITE);
        }
        return true;
    }

    /**
     * The string counter of that name in a performance-data buffer (layout of HotSpot's
     * {@code PerfDataPrologue} and {@code PerfDataEntry}): the prologue names the byte order and
     * where the entries start; each entry gives its length, its name's and its data's offsets, and
     * a string is a vector of bytes ending with a zero.
     */
    static String string(ByteBuffer buffer, String name) {
        if (buffer.limit() < PROLOGUE_SIZE || buffer.order(ByteOrder.BIG_ENDIAN).getInt(0) != MAGIC) {
            return null;
        }
        buffer.order(buffer.get(4) == 0 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        if (buffer.get(7) == 0) {
            return null; // the JVM has not finished laying the file out
        }
        int entry = buffer.getInt(24);
        int entries = buffer.getInt(28);
        for (int i = 0; i < entries && entry >= PROLOGUE_SIZE && entry + ENTRY_HEADER_SIZE <= buffer.limit(); i++) {
            int length = buffer.getInt(entry);
            if (length < ENTRY_HEADER_SIZE || entry + length > buffer.limit()) {
                return null;
            }
            if (name.equals(text(buffer, entry + buffer.getInt(entry + 4), entry + length))) {
                int vector = buffer.getInt(entry + 8);
                if (buffer.get(entry + 12) != BYTE_TYPE || vector <= 0) {
                    return null;
                }
                int data = entry + buffer.getInt(entry + 16);
                return text(buffer, data, Math.min(data + vector, entry + length));
            }
            entry += length;
        }
        return null;
    }

    /** The bytes from {@code from} up to the first zero (or {@code end}) as text; null when out of bounds. */
    private static String text(ByteBuffer buffer, int from, int end) {
        if (from < 0 || from > end || end > buffer.limit()) {
            return null;
        }
        int stop = from;
        while (stop < end && buffer.get(stop) != 0) {
            stop++;
        }
        byte[] bytes = new byte[stop - from];
        buffer.get(from, bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
