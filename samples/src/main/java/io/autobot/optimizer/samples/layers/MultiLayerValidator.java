package io.autobot.optimizer.samples.layers;

import io.autobot.optimizer.annotations.Cached;
import io.autobot.optimizer.annotations.Optimized;
import io.autobot.optimizer.annotations.Parallel;
import io.autobot.optimizer.annotations.Timeout;
import io.autobot.optimizer.samples.corpus.SourceFile;
import io.autobot.optimizer.samples.parse.JavaParser;
import io.autobot.optimizer.samples.pipeline.WorkCounters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Multi-layer validation ({@code optimize_multi_layer_validation}): runs the layers
 * over each file in order (syntax, structure, security, documentation, conventions) and stops at
 * the first critical failure; each layer is an independent checker that parses the file itself.
 *
 * <p>With the agent, files are validated on worker threads, each layer's result is memoized under
 * the {@code multi_layer_validation} profile, and a layer gets an adaptive time limit.
 */
public class MultiLayerValidator {

    private static final Map<String, ValidationLayer> LAYERS = layers();

    private final WorkCounters counters;

    public MultiLayerValidator(WorkCounters counters) {
        this.counters = counters;
    }

    /** The layer names, in the order they run. */
    public static List<String> layerNames() {
        return List.copyOf(LAYERS.keySet());
    }

    /** The report of each file, in the given order. */
    @Optimized(operation = "multi_layer_validation")
    // the result depends on the arguments only, as runLayer's does: keyed without the receiver, so on disk too
    @Cached(scope = Cached.Scope.ARGUMENTS)
    @Parallel
    public List<QualityReport> validateAll(List<SourceFile> files) {
        List<QualityReport> reports = new ArrayList<>();
        for (SourceFile file : files) {
            reports.add(validate(file));
        }
        return reports;
    }

    /** Runs the layers over one file, stopping after a critical one. */
    public QualityReport validate(SourceFile file) {
        List<LayerResult> results = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        boolean stopped = false;
        for (String layer : LAYERS.keySet()) {
            if (stopped) {
                skipped.add(layer);
                continue;
            }
            LayerResult result = runLayer(layer, file);
            results.add(result);
            stopped = result.critical();
        }
        int score = 100;
        for (LayerResult result : results) {
            score -= result.critical() ? 50 : 10 * result.findings().size();
        }
        return new QualityReport(file.path(), List.copyOf(results), List.copyOf(skipped), Math.max(0, score));
    }

    /** One layer over one file. */
    @Optimized(operation = "multi_layer_validation")
    // the result depends on the arguments only (the counters it updates are not read back)
    @Cached(ttl = "1h", scope = Cached.Scope.ARGUMENTS)
    @Timeout(value = "60s", adaptive = true, min = "10s")
    public LayerResult runLayer(String layer, SourceFile file) {
        counters.recordComputed(WorkCounters.MULTI_LAYER_VALIDATION);
        ValidationLayer checker = LAYERS.get(layer);
        if (checker == null) {
            throw new IllegalArgumentException("unknown layer " + layer + ": expected one of " + LAYERS.keySet());
        }
        return checker.check(JavaParser.parse(file));
    }

    private static Map<String, ValidationLayer> layers() {
        Map<String, ValidationLayer> layers = new LinkedHashMap<>();
        for (ValidationLayer layer : List.of(new SyntaxLayer(), new StructureLayer(), new SecurityLayer(),
                new DocumentationLayer(), new ConventionsLayer())) {
            layers.put(layer.name(), layer);
        }
        return layers;
    }
}
