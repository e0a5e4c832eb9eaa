package io.autobot.optimizer.samples.app;

import io.autobot.optimizer.samples.corpus.Corpus;
import io.autobot.optimizer.samples.corpus.ProjectLocator;
import java.nio.file.Path;

/** {@code --corpus DIR}, or by default the sources of the AutoBot Optimizer checkout the sample runs from. */
final class CorpusOption {

    static final String NAME = "--corpus";

    private CorpusOption() {
    }

    static Corpus load(Options options) {
        String dir = options.value(NAME, null);
        if (dir != null) {
            return Corpus.load(Path.of(dir));
        }
        Path root = ProjectLocator.projectRoot().orElseThrow(() -> new IllegalArgumentException(
                "no corpus: run the sample from inside the AutoBot Optimizer checkout, or name a directory of"
                        + " Java sources with --corpus DIR"));
        return Corpus.load(root);
    }
}
