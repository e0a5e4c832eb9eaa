package io.autobot.optimizer.protocol.html;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;

/**
 * Horizontal bars, one row per label and one bar per series in it, each with its value written
 * beside it; negative values grow left of the zero line, a figure that could not be measured
 * (NaN) has no bar and reads "n/a".
 */
public final class BarChart implements Chart {

    private static final int WIDTH = 760;
    private static final int LABEL_WIDTH = 230;
    private static final int VALUE_WIDTH = 110;
    private static final int BAR = 14;
    private static final int GAP = 3;
    private static final int ROW_GAP = 10;
    private static final int TOP = 28;

    private record Row(String label, double[] values) {
    }

    private final String title;
    private final List<String> series;
    private final DoubleFunction<String> format;
    private final List<Row> rows = new ArrayList<>();

    /**
     * @param title what the chart shows (its accessible name)
     * @param series the names of the bars of a row, in order; one name: no legend
     * @param format how a value is written beside its bar
     */
    public BarChart(String title, List<String> series, DoubleFunction<String> format) {
        if (series.isEmpty()) {
            throw new IllegalArgumentException("a bar chart needs at least one series");
        }
        this.title = title;
        this.series = List.copyOf(series);
        this.format = format;
    }

    /** Adds a row: its label and one value per series (missing ones are NaN). */
    public BarChart row(String label, double... values) {
        double[] all = new double[series.size()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i < values.length ? values[i] : Double.NaN;
        }
        rows.add(new Row(label, all));
        return this;
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    @Override
    public String svg() {
        int legend = series.size() > 1 ? 18 : 0;
        int rowHeight = series.size() * (BAR + GAP) - GAP;
        int height = TOP + legend + Math.max(1, rows.size()) * (rowHeight + ROW_GAP) + 4;
        StringBuilder svg = Svg.open(title, WIDTH, height);
        if (legend > 0) {
            Svg.legend(svg, series, LABEL_WIDTH, TOP + 8);
        }
        if (rows.isEmpty()) {
            svg.append("<text class=\"empty\" x=\"").append(LABEL_WIDTH).append("\" y=\"").append(TOP + legend + 12)
                    .append("\">Nothing measured yet</text>\n");
            return svg.append("</svg>").toString();
        }
        double min = 0;
        double max = 0;
        for (Row row : rows) {
            for (double value : row.values) {
                if (Double.isFinite(value)) {
                    min = Math.min(min, value);
                    max = Math.max(max, value);
                }
            }
        }
        double span = max - min == 0 ? 1 : max - min;
        double plot = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
        double zero = LABEL_WIDTH + (-min) / span * plot;
        double y = TOP + legend;
        for (Row row : rows) {
            Svg.text(svg, "label", LABEL_WIDTH - 8, y + rowHeight / 2.0 + 4, "end", row.label, 32);
            for (int i = 0; i < row.values.length; i++) {
                bar(svg, row, i, y + i * (BAR + GAP), zero, plot / span);
            }
            y += rowHeight + ROW_GAP;
        }
        svg.append("<line class=\"axis\" x1=\"").append(Svg.n(zero)).append("\" y1=\"").append(TOP + legend - 4)
                .append("\" x2=\"").append(Svg.n(zero)).append("\" y2=\"").append(Svg.n(y - ROW_GAP + 4)).append("\"/>\n");
        return svg.append("</svg>").toString();
    }

    private void bar(StringBuilder svg, Row row, int index, double top, double zero, double scale) {
        double value = row.values[index];
        String text = Double.isFinite(value) ? format.apply(value) : Units.NOT_AVAILABLE;
        double end = zero;
        if (Double.isFinite(value)) {
            double length = Math.abs(value) * scale;
            double x = value < 0 ? zero - length : zero;
            end = x + Math.max(length, 1);
            svg.append("<rect x=\"").append(Svg.n(x)).append("\" y=\"").append(Svg.n(top)).append("\" width=\"")
                    .append(Svg.n(Math.max(length, 1))).append("\" height=\"").append(BAR).append("\" fill=\"")
                    .append(COLOURS[index % COLOURS.length]).append("\"><title>")
                    .append(Html.escape(row.label + ", " + series.get(index) + ": " + text)).append("</title></rect>");
        }
        svg.append("<text class=\"value\" x=\"").append(Svg.n(Math.max(end, zero) + 5)).append("\" y=\"")
                .append(Svg.n(top + BAR - 3)).append("\">").append(Html.escape(text)).append("</text>\n");
    }
}
