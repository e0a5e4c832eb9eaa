package io.autobot.optimizer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a counter from a real performance-data file: this test JVM's own. */
class PerfDataTest {

    private static Path ownFile() {
        Path file = PerfData.file(ProcessHandle.current().pid());
        assumeTrue(Files.isRegularFile(file), "this JVM writes no performance data at " + file);
        return file;
    }

    @Test
    void readsAStringCounterOfARunningJvm() {
        Path file = ownFile();
        assertThat(PerfData.string(file, "java.property.java.version")).isEqualTo(System.getProperty("java.version"));
        assertThat(PerfData.string(file, "sun.rt.javaCommand")).isNotNull();
    }

    @Test
    void aCounterThatIsNotThereIsNull() {
        assertThat(PerfData.string(ownFile(), "io.autobot.no.such.counter")).isNull();
    }

    @Test
    void anythingButAWholePerfDataFileIsNull(@TempDir Path directory) throws IOException {
        byte[] whole = Files.readAllBytes(ownFile());
        String name = "java.property.java.version";
        assertThat(PerfData.string(ByteBuffer.wrap(whole), name)).isNotNull();
        for (int length : new int[] {0, 16, 32, 40, 100}) {
            assertThat(PerfData.string(ByteBuffer.wrap(Arrays.copyOf(whole, length)), name)).as("%d bytes", length)
                    .isNull();
        }
        byte[] otherMagic = whole.clone();
        otherMagic[0] ^= 0x01;
        assertThat(PerfData.string(ByteBuffer.wrap(otherMagic), name)).isNull();
        byte[] notReady = whole.clone();
        notReady[7] = 0;
        assertThat(PerfData.string(ByteBuffer.wrap(notReady), name)).isNull();
        Path text = Files.writeString(directory.resolve("1234"), "not performance data");
        assertThat(PerfData.string(text, name)).isNull();
        assertThat(PerfData.string(directory.resolve("4321"), name)).isNull();
    }

    @Test
    void aFileOthersMayWriteIsNotRead(@TempDir Path directory) throws IOException {
        assumeTrue(directory.getFileSystem().supportedFileAttributeViews().contains("posix"), "no POSIX permissions");
        Path copy = Files.copy(ownFile(), directory.resolve("4242"));
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
        Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rw-------"));
        String name = "java.property.java.version";
        assertThat(PerfData.string(copy, name)).isEqualTo(System.getProperty("java.version"));
        Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rw--w----"));
        assertThat(PerfData.string(copy, name)).as("group-writable file").isNull();
        Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rw-------"));
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx-w--w-"));
        assertThat(PerfData.string(copy, name)).as("directory others may write").isNull();
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
    }
}
