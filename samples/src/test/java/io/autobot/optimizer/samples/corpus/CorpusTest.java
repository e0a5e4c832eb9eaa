package io.autobot.optimizer.samples.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusTest {

    @TempDir
    Path dir;

    @Test
    void readsJavaSourcesSortedAndSkipsBuildOutputAndHiddenDirectories() throws Exception {
        write("b/B.java", "class B {}");
        write("a/A.java", "class A {}");
        write("target/generated/G.java", "class G {}");
        write(".git/H.java", "class H {}");
        write("a/notes.txt", "not java");

        Corpus corpus = Corpus.load(dir);

        assertThat(corpus.files()).extracting(SourceFile::path).containsExactly("a/A.java", "b/B.java");
        assertThat(corpus.files().get(0).baseName()).isEqualTo("A");
        assertThat(corpus.characters()).isEqualTo(20);
        assertThat(Corpus.load(dir).id()).isEqualTo(corpus.id());
        write("a/A.java", "class A { }");
        assertThat(Corpus.load(dir).id()).isNotEqualTo(corpus.id());
    }

    @Test
    void saysWhatIsMissing() {
        assertThatThrownBy(() -> Corpus.load(dir)).hasMessageStartingWith("no .java files under");
        assertThatThrownBy(() -> Corpus.load(dir.resolve("nope"))).hasMessageStartingWith("the corpus directory does not exist");
    }

    @Test
    void findsTheProjectRootAboveAnyDirectoryOfTheCheckout() throws Exception {
        write("pom.xml", "<project><artifactId>autobot-parent</artifactId></project>");
        Files.createDirectories(dir.resolve("samples/target"));
        Files.createDirectories(dir.resolve("agent"));
        write("samples/pom.xml", "<project><parent><artifactId>autobot-parent</artifactId></parent></project>");

        assertThat(ProjectLocator.walkUp(dir.resolve("samples/target"))).contains(dir); // not samples/
        assertThat(ProjectLocator.walkUp(dir.getParent())).isEmpty();
    }

    @Test
    void theSampleRunsInsideTheCheckout() {
        assertThat(ProjectLocator.projectRoot()).hasValueSatisfying(root ->
                assertThat(root.resolve("samples/pom.xml")).exists());
    }

    private void write(String path, String text) throws Exception {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
