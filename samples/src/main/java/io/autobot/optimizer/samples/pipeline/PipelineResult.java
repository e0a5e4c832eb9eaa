package io.autobot.optimizer.samples.pipeline;

import io.autobot.optimizer.samples.analysis.ComponentMetrics;
import io.autobot.optimizer.samples.endpoints.EndpointResult;
import io.autobot.optimizer.samples.layers.QualityReport;
import io.autobot.optimizer.samples.patterns.PatternMatch;
import io.autobot.optimizer.samples.search.SearchHit;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the pipeline produced for one prompt, and how long each operation took.
 *
 * @param plan what was planned
 * @param metrics component analysis, per component
 * @param patterns pattern validation, per component and pattern
 * @param endpoints API validation, per endpoint
 * @param hits search, de-duplicated over the queries
 * @param reports multi-layer validation, per component
 * @param nanos the wall time of each operation, by operation name
 */
public record PipelineResult(Plan plan, List<ComponentMetrics> metrics, List<PatternMatch> patterns,
        List<EndpointResult> endpoints, List<SearchHit> hits, List<QualityReport> reports, Map<String, Long> nanos) {

    /**
     * The results of each operation as canonical text (timings excluded): equal texts mean equal
     * results, whatever ran them.
     */
    public Map<String, String> canonical() {
        Map<String, String> text = new LinkedHashMap<>();
        text.put(WorkCounters.COMPONENT_ANALYSIS, metrics.toString());
        text.put(WorkCounters.PATTERN_VALIDATION, patterns.toString());
        text.put(WorkCounters.API_VALIDATION, endpoints.toString());
        text.put(WorkCounters.SEARCH, hits.toString());
        text.put(WorkCounters.MULTI_LAYER_VALIDATION, reports.toString());
        return text;
    }

    /** A SHA-256 of a text, shortened: what the differential checks compare. */
    public static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
