package io.autobot.optimizer.samples.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.autobot.optimizer.samples.Sources;
import io.autobot.optimizer.samples.corpus.SourceFile;
import io.autobot.optimizer.samples.pipeline.WorkCounters;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComponentAnalyzerTest {

    private final WorkCounters counters = new WorkCounters();
    private final ComponentAnalyzer analyzer = new ComponentAnalyzer(counters);

    @Test
    void measuresEachTopLevelType() {
        List<ComponentMetrics> metrics = analyzer.analyze(Sources.UTILITY);

        assertThat(metrics).hasSize(1);
        ComponentMetrics strings = metrics.get(0);
        assertThat(strings.name()).isEqualTo("demo.Strings");
        assertThat(strings.kind()).isEqualTo("class");
        assertThat(strings.methods()).isEqualTo(2); // constructor and join
        assertThat(strings.publicMethods()).isEqualTo(1);
        assertThat(strings.fields()).isEqualTo(1);
        // join: 1 + for + if + && + ?: = 5
        assertThat(strings.maxComplexity()).isEqualTo(5);
        assertThat(strings.totalComplexity()).isEqualTo(6);
        assertThat(strings.maxNesting()).isEqualTo(2);
        assertThat(strings.imports()).isEqualTo(2);
        assertThat(strings.internalImports()).isEqualTo(1); // demo.text.Words, not java.util
        assertThat(strings.lines()).isEqualTo(14); // the doc comment and blank lines do not count
        assertThat(strings.valid()).isTrue();
        assertThat(counters.computed(WorkCounters.COMPONENT_ANALYSIS)).isEqualTo(1);
    }

    @Test
    void reportsAFileThatDoesNotParseAsInvalid() {
        List<ComponentMetrics> metrics = analyzer.analyze(Sources.BROKEN);

        assertThat(metrics).singleElement().satisfies(metric -> {
            assertThat(metric.valid()).isFalse();
            assertThat(metric.name()).isEqualTo("Broken");
        });
    }

    @Test
    void analyzesFilesInOrderAndFindsAnnotationsAndKinds() {
        SourceFile record = new SourceFile("R.java", "@Deprecated record R(int x) { @Override public String toString() { return \"\"; } }");
        SourceFile two = new SourceFile("Two.java", "interface A {} enum B { X; }");

        List<ComponentMetrics> metrics = analyzer.analyzeAll(List.of(record, two));

        assertThat(metrics).extracting(ComponentMetrics::name).containsExactly("R", "A", "B");
        assertThat(metrics).extracting(ComponentMetrics::kind).containsExactly("record", "interface", "enum");
        assertThat(metrics.get(0).annotations()).containsExactly("Deprecated", "Override");
    }

    @Test
    void countsCodeLinesWithoutCommentsOrBlanks() {
        String text = "int a; // x\n\n/* a\n b */\nString s = \"// not a comment\";\n  // only\nint b; /* c */";
        assertThat(CodeLines.count(text, 0, text.length())).isEqualTo(3);
    }
}
