package io.autobot.optimizer.samples.layers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autobot.optimizer.samples.Sources;
import io.autobot.optimizer.samples.corpus.SourceFile;
import io.autobot.optimizer.samples.pipeline.WorkCounters;
import java.util.List;
import org.junit.jupiter.api.Test;

class MultiLayerValidatorTest {

    private final WorkCounters counters = new WorkCounters();
    private final MultiLayerValidator validator = new MultiLayerValidator(counters);

    @Test
    void aCleanFilePassesEveryLayer() {
        QualityReport report = validator.validate(Sources.UTILITY);

        assertThat(report.layers()).extracting(LayerResult::layer).containsExactlyElementsOf(MultiLayerValidator.layerNames());
        assertThat(report.status()).isEqualTo(LayerResult.PASSED);
        assertThat(report.skipped()).isEmpty();
        assertThat(report.score()).isEqualTo(100);
        assertThat(counters.computed(WorkCounters.MULTI_LAYER_VALIDATION)).isEqualTo(5);
    }

    @Test
    void stopsAfterACriticalLayer() {
        QualityReport report = validator.validate(Sources.SECRET);

        assertThat(report.layers()).extracting(LayerResult::layer).containsExactly("syntax", "structure", "security");
        assertThat(report.layers().get(2).findings()).containsExactly("line 6: a secret is written in the code (password)");
        assertThat(report.skipped()).containsExactly("documentation", "conventions");
        assertThat(report.status()).isEqualTo(LayerResult.CRITICAL);
        assertThat(report.score()).isEqualTo(50);
    }

    @Test
    void aSyntaxErrorStopsEverything() {
        QualityReport report = validator.validate(Sources.BROKEN);

        assertThat(report.layers()).singleElement().satisfies(layer -> assertThat(layer.critical()).isTrue());
        assertThat(report.skipped()).hasSize(4);
    }

    @Test
    void warnsAboutConventionsAndDocumentation() {
        SourceFile file = new SourceFile("x/Other.java", """
                import java.util.*;
                public class Misnamed {
                    static final int lower = 1;
                    public void a() { new Exception().printStackTrace(); }
                }
                """);

        QualityReport report = validator.validate(file);

        assertThat(report.status()).isEqualTo(LayerResult.WARNING);
        assertThat(report.layers()).filteredOn(layer -> layer.layer().equals("conventions")).singleElement()
                .satisfies(layer -> assertThat(layer.findings()).hasSize(3));
        assertThat(report.layers()).filteredOn(layer -> layer.layer().equals("security")).singleElement()
                .satisfies(layer -> assertThat(layer.findings()).containsExactly("line 4: printStackTrace() instead of logging"));
        assertThat(report.layers()).filteredOn(layer -> layer.layer().equals("documentation")).singleElement()
                .satisfies(layer -> assertThat(layer.findings()).containsExactly("0 of 2 public declarations documented"));
    }

    @Test
    void rejectsAnUnknownLayer() {
        assertThatThrownBy(() -> validator.runLayer("style", Sources.UTILITY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown layer style");
    }

    @Test
    void validatesFilesInOrder() {
        assertThat(validator.validateAll(List.of(Sources.SECRET, Sources.UTILITY)))
                .extracting(QualityReport::path).containsExactly(Sources.SECRET.path(), Sources.UTILITY.path());
    }
}
