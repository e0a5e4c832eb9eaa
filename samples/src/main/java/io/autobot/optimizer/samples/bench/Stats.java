package io.autobot.optimizer.samples.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The median and range of repeated measurements.
 *
 * @param median the median (the mean of the middle two for an even count)
 * @param min the smallest
 * @param max the largest
 * @param samples every measurement, in run order
 */
public record Stats(double median, double min, double max, List<Double> samples) {

    public static Stats of(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no measurement");
        }
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int middle = sorted.size() / 2;
        double median = sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
        return new Stats(median, sorted.get(0), sorted.get(sorted.size() - 1), List.copyOf(values));
    }

    /** How much faster {@code with} is than {@code without}, in percent of the latter's median. */
    public static double improvementPercent(Stats without, Stats with) {
        return without.median() <= 0 ? 0 : (1 - with.median() / without.median()) * 100;
    }

    /** For the JSON file. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("median", round(median));
        map.put("min", round(min));
        map.put("max", round(max));
        map.put("samples", samples.stream().map(Stats::round).toList());
        return map;
    }

    static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
