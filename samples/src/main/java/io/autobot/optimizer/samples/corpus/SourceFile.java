package io.autobot.optimizer.samples.corpus;

import java.io.Serializable;

/**
 * One Java source file of the corpus: its path relative to the corpus root and its text. It is a
 * value (compared by path and text), so it can be a cache key: a changed file is a new key.
 *
 * @param path the path relative to the corpus root, with '/' separators
 * @param content the file's text
 */
public record SourceFile(String path, String content) implements Serializable {

    /** The file name without directories and without {@code .java}. */
    public String baseName() {
        String name = path.substring(path.lastIndexOf('/') + 1);
        return name.endsWith(".java") ? name.substring(0, name.length() - ".java".length()) : name;
    }

    @Override
    public String toString() {
        return path; // the content is long; it is never printed
    }
}
