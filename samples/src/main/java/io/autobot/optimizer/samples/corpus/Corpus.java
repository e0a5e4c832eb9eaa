package io.autobot.optimizer.samples.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The Java sources the sample works on: every {@code .java} file under a directory, skipping
 * build output ({@code target}, {@code build}) and hidden directories, sorted by path so that every
 * run sees them in the same order.
 *
 * @param root the directory the files were read from
 * @param files the files, sorted by path
 * @param id a fingerprint of every path and text: two corpora with the same id hold the same files
 */
public record Corpus(Path root, List<SourceFile> files, String id) {

    /** Files larger than this are skipped ({@code max_file_size} for component analysis). */
    public static final long MAX_FILE_SIZE = 2L * 1024 * 1024;

    /** Reads every Java source under {@code root}. */
    public static Corpus load(Path root) {
        Path dir = root.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("the corpus directory does not exist: " + dir);
        }
        List<SourceFile> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path file : (Iterable<Path>) walk.filter(path -> isSource(dir, path))
                    .sorted(Comparator.comparing(path -> dir.relativize(path).toString()))::iterator) {
                files.add(new SourceFile(dir.relativize(file).toString().replace('\\', '/'),
                        Files.readString(file, StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the corpus under " + dir, e);
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no .java files under " + dir);
        }
        return new Corpus(dir, List.copyOf(files), fingerprint(files));
    }

    /** The total size of the files' text, in characters. */
    public long characters() {
        return files.stream().mapToLong(file -> file.content().length()).sum();
    }

    /** The files whose path is one of {@code paths}, in corpus order. */
    public List<SourceFile> select(List<String> paths) {
        return files.stream().filter(file -> paths.contains(file.path())).toList();
    }

    private static boolean isSource(Path root, Path path) {
        if (!path.toString().endsWith(".java") || !Files.isRegularFile(path)) {
            return false;
        }
        for (Path part : root.relativize(path)) {
            String name = part.toString();
            if (name.equals("target") || name.equals("build") || name.startsWith(".")) {
                return false;
            }
        }
        try {
            return Files.size(path) <= MAX_FILE_SIZE;
        } catch (IOException e) {
            return false;
        }
    }

    private static String fingerprint(List<SourceFile> files) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (SourceFile file : files) {
                digest.update(file.path().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(file.content().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
