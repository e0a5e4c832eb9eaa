package io.autobot.optimizer.samples;

import io.autobot.optimizer.samples.corpus.Corpus;
import io.autobot.optimizer.samples.corpus.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small Java sources the tests parse, and a corpus made of them. */
public final class Sources {

    public static final SourceFile UTILITY = new SourceFile("src/main/java/demo/Strings.java", """
            package demo;

            import java.util.List;
            import demo.text.Words;

            /** Helpers for strings. */
            public final class Strings {
                private static final int LIMIT = 10;

                private Strings() {
                }

                /** Joins words. */
                public static String join(List<String> words) {
                    StringBuilder out = new StringBuilder();
                    for (String word : words) {
                        if (word != null && !word.isEmpty()) {
                            out.append(word);
                        }
                    }
                    return out.length() > LIMIT ? out.substring(0, LIMIT) : out.toString();
                }
            }
            """);

    public static final SourceFile SECRET = new SourceFile("src/main/java/demo/Client.java", """
            package demo;

            import java.util.*;

            public class Client {
                private String password = "hunter2";
                private int count;

                public void setCount(int count) {
                    this.count = count;
                }

                public void fail() {
                    try {
                        count++;
                    } catch (RuntimeException e) {
                        throw new IllegalStateException("lost");
                    }
                }
            }
            """);

    public static final SourceFile BROKEN = new SourceFile("src/main/java/demo/Broken.java", """
            package demo;
            public class Broken {
                void m( {
            }
            """);

    private Sources() {
    }

    /** Writes the sources under {@code dir} and loads them as a corpus. */
    public static Corpus corpus(Path dir, SourceFile... files) throws IOException {
        for (SourceFile file : files) {
            Path path = dir.resolve(file.path());
            Files.createDirectories(path.getParent());
            Files.writeString(path, file.content());
        }
        return Corpus.load(dir);
    }
}
