package io.autobot.optimizer.management.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NestedJarsTest {

    private static final List<String> NAMES = List.of("first.jar", "second.jar");

    @TempDir
    Path work;

    /** An agent jar holding the two nested "jars" (any bytes do) under nested/. */
    private URLClassLoader agentJar(String content) throws Exception {
        Path jar = work.resolve("agent-" + content.hashCode() + ".jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            for (String name : NAMES) {
                out.putNextEntry(new JarEntry("nested/" + name));
                out.write((name + ":" + content).getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return new URLClassLoader(new URL[] {jar.toUri().toURL()}, null);
    }

    private List<Path> extract(ClassLoader loader, Path temp) throws Exception {
        return new NestedJars("nested/", NAMES, loader).extract(temp, "autobot-test-");
    }

    @Test
    void theJarsGoToOneDirectoryNamedByTheirContentReusedByTheNextStart() throws Exception {
        Path temp = Files.createDirectory(work.resolve("tmp"));
        Path firstDir;
        try (URLClassLoader loader = agentJar("v1")) {
            List<Path> first = extract(loader, temp);
            firstDir = first.get(0).getParent();
            assertThat(first).hasSize(2);
            assertThat(first.get(0).getParent()).isEqualTo(first.get(1).getParent());
            assertThat(first.get(0)).hasContent("first.jar:v1");
            assertThat(first.get(1)).hasContent("second.jar:v1");
            assertThat(Files.getPosixFilePermissions(first.get(0).getParent()))
                    .isEqualTo(PosixFilePermissions.fromString("rwx------"));
            FileTime written = Files.getLastModifiedTime(first.get(0));
            Files.setLastModifiedTime(first.get(0), FileTime.fromMillis(written.toMillis() - 60_000));

            List<Path> again = extract(loader, temp);
            assertThat(again).isEqualTo(first);
            assertThat(Files.getLastModifiedTime(again.get(0)).toMillis())
                    .as("not written again").isEqualTo(written.toMillis() - 60_000);
        }
        try (URLClassLoader other = agentJar("v2-longer")) {
            List<Path> newer = extract(other, temp);
            assertThat(newer.get(0).getParent()).as("another agent jar, another directory")
                    .isNotEqualTo(firstDir).hasParent(temp);
            assertThat(newer.get(0)).hasContent("first.jar:v2-longer");
        }
        try (var entries = Files.list(temp)) {
            assertThat(entries.filter(path -> path.getFileName().toString().startsWith("autobot-test-")))
                    .as("one directory per agent jar").hasSize(2);
        }
        try (var left = Files.walk(temp)) {
            assertThat(left.filter(path -> path.getFileName().toString().startsWith(".")))
                    .as("no partial or probe file left").isEmpty();
        }
    }

    @Test
    void aJarOfTheWrongSizeIsWrittenAgain() throws Exception {
        Path temp = Files.createDirectory(work.resolve("tmp"));
        try (URLClassLoader loader = agentJar("v1")) {
            Path jar = extract(loader, temp).get(1);
            Files.writeString(jar, "cut");
            assertThat(extract(loader, temp).get(1)).isEqualTo(jar).hasContent("second.jar:v1");
        }
    }

    @Test
    void aDirectoryOpenToOthersIsNotTrusted() throws Exception {
        Path temp = Files.createDirectory(work.resolve("tmp"));
        try (URLClassLoader loader = agentJar("v1")) {
            Path shared = extract(loader, temp).get(0).getParent();
            Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
            Files.writeString(shared.resolve("first.jar"), "planted");

            List<Path> jars = extract(loader, temp);
            assertThat(jars.get(0).getParent()).isNotEqualTo(shared).hasParent(temp);
            assertThat(jars.get(0)).hasContent("first.jar:v1");
        }
    }

    @Test
    void aLinkByThatNameIsNotFollowed() throws Exception {
        Path temp = Files.createDirectory(work.resolve("tmp"));
        try (URLClassLoader loader = agentJar("v1")) {
            Path shared = extract(loader, temp).get(0).getParent();
            Path elsewhere = Files.move(shared, work.resolve("elsewhere"));
            Files.createSymbolicLink(shared, elsewhere);

            List<Path> jars = extract(loader, temp);
            assertThat(jars.get(0).getParent()).isNotEqualTo(shared).hasParent(temp);
        }
    }

    @Test
    void jarsNotReadFromAJarGoToADirectoryOfThisJvm() throws Exception {
        Path classes = Files.createDirectories(work.resolve("classes/nested"));
        for (String name : NAMES) {
            Files.writeString(classes.resolve(name), name);
        }
        Path temp = Files.createDirectory(work.resolve("tmp"));
        try (URLClassLoader loader = new URLClassLoader(new URL[] {work.resolve("classes").toUri().toURL()}, null)) {
            List<Path> first = extract(loader, temp);
            List<Path> second = extract(loader, temp);
            assertThat(first.get(0)).hasContent("first.jar");
            assertThat(first.get(0).getParent()).isNotEqualTo(second.get(0).getParent());
        }
    }

    @Test
    void aPartialCopyLeftByAKilledJvmIsRemovedOnceItIsOld() throws Exception {
        Path temp = Files.createDirectory(work.resolve("tmp"));
        try (URLClassLoader loader = agentJar("v1")) {
            Path shared = extract(loader, temp).get(0).getParent();
            Path abandoned = Files.writeString(shared.resolve(".partial-1.jar"), "cut short");
            Files.setLastModifiedTime(abandoned, FileTime.fromMillis(System.currentTimeMillis() - 3_600_000));
            Path inProgress = Files.writeString(shared.resolve(".partial-2.jar"), "being written");

            extract(loader, temp);
            assertThat(abandoned).doesNotExist();
            assertThat(inProgress).as("another JVM may be writing it").exists();
        }
    }
}
