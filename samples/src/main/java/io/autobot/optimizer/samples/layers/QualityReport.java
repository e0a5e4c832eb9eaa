package io.autobot.optimizer.samples.layers;

import java.io.Serializable;
import java.util.List;

/**
 * The quality report of one file: the results of the layers that ran, in order, and the layers
 * skipped because an earlier one failed critically.
 *
 * @param path the file
 * @param layers the results of the layers that ran
 * @param skipped the layers that did not run
 * @param score 100, minus 10 per warning finding and 50 per critical layer, at least 0
 */
public record QualityReport(String path, List<LayerResult> layers, List<String> skipped, int score)
        implements Serializable {

    /** The worst severity among the layers. */
    public String status() {
        if (layers.stream().anyMatch(LayerResult::critical)) {
            return LayerResult.CRITICAL;
        }
        return layers.stream().anyMatch(layer -> layer.severity().equals(LayerResult.WARNING))
                ? LayerResult.WARNING : LayerResult.PASSED;
    }
}
