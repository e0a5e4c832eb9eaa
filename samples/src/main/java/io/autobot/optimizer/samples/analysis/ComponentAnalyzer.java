package io.autobot.optimizer.samples.analysis;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.util.SourcePositions;
import io.autobot.optimizer.annotations.Cached;
import io.autobot.optimizer.annotations.Optimized;
import io.autobot.optimizer.annotations.Parallel;
import io.autobot.optimizer.samples.corpus.SourceFile;
import io.autobot.optimizer.samples.parse.JavaParser;
import io.autobot.optimizer.samples.parse.ParsedSource;
import io.autobot.optimizer.samples.pipeline.WorkCounters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Component analysis ({@code optimize_component_analysis}): parses each source file
 * and measures every top-level type in it.
 *
 * <p>With the agent, {@link #analyzeAll} is split across worker threads and both methods are
 * memoized under the {@code component_analysis} profile; without it they run as written.
 */
public class ComponentAnalyzer {

    private final WorkCounters counters;

    public ComponentAnalyzer(WorkCounters counters) {
        this.counters = counters;
    }

    /** The metrics of every component of the files, file by file in the given order. */
    @Optimized(operation = "component_analysis")
    // the result depends on the arguments only, as analyze's does: keyed without the receiver, so on disk too
    @Cached(scope = Cached.Scope.ARGUMENTS)
    @Parallel
    public List<ComponentMetrics> analyzeAll(List<SourceFile> files) {
        List<ComponentMetrics> metrics = new ArrayList<>();
        for (SourceFile file : files) {
            metrics.addAll(analyze(file));
        }
        return metrics;
    }

    /** The metrics of the top-level types of one file; one invalid entry if it does not parse. */
    @Optimized(operation = "component_analysis")
    // the result depends on the arguments only (the counters it updates are not read back)
    @Cached(ttl = "2h", scope = Cached.Scope.ARGUMENTS)
    public List<ComponentMetrics> analyze(SourceFile file) {
        counters.recordComputed(WorkCounters.COMPONENT_ANALYSIS);
        ParsedSource parsed = JavaParser.parse(file);
        if (!parsed.valid()) {
            return List.of(new ComponentMetrics(file.baseName(), file.path(), "unknown", 0, 0, 0, 0, 0, 0, 0, 0, 0,
                    0, List.of(), false));
        }
        List<ComponentMetrics> metrics = new ArrayList<>();
        for (ClassTree type : parsed.topLevelTypes()) {
            metrics.add(measure(parsed, type));
        }
        return List.copyOf(metrics);
    }

    private static ComponentMetrics measure(ParsedSource parsed, ClassTree type) {
        MetricsScanner scan = MetricsScanner.of(type);
        SourcePositions positions = parsed.trees().getSourcePositions();
        int start = (int) positions.getStartPosition(parsed.unit(), type);
        int end = (int) positions.getEndPosition(parsed.unit(), type);
        int imports = parsed.unit().getImports().size();
        return new ComponentMetrics(parsed.qualifiedName(type), parsed.file().path(),
                type.getKind().name().toLowerCase(Locale.ROOT).replace("annotation_type", "annotation"),
                CodeLines.count(parsed.file().content(), start, end), scan.methods, scan.publicMethods, scan.fields,
                scan.nestedTypes, imports, internalImports(parsed), scan.maxComplexity, scan.totalComplexity,
                scan.maxNesting, List.copyOf(scan.annotations), true);
    }

    /** Imports from the component's own top-level package (its first three name segments). */
    private static int internalImports(ParsedSource parsed) {
        String[] segments = parsed.packageName().split("\\.");
        if (segments.length == 0 || segments[0].isEmpty()) {
            return 0;
        }
        String root = String.join(".", java.util.Arrays.copyOf(segments, Math.min(3, segments.length))) + ".";
        int count = 0;
        for (ImportTree imported : parsed.unit().getImports()) {
            count += imported.getQualifiedIdentifier().toString().startsWith(root) ? 1 : 0;
        }
        return count;
    }
}
