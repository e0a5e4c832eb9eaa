package io.autobot.optimizer.protocol.html;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;

/**
 * Readings over time, oldest left: at most one series of counts as bars (scaled to their largest,
 * on the left axis) and series of percentages as lines (0 to 100 %, on the right axis). Gaps
 * (NaN) break a line; a lone reading is a dot. The legend writes each series' latest value.
 */
public final class TimeChart implements Chart {

    private static final int WIDTH = 760;
    private static final int HEIGHT = 230;
    private static final int LEFT = 64;
    private static final int RIGHT = 56;
    private static final int TOP = 46;
    private static final int BOTTOM = 28;

    private record Series(String name, double[] values, DoubleFunction<String> format) {
    }

    private final String title;
    private final String firstLabel;
    private final String lastLabel;
    private Series bars;
    private final List<Series> lines = new ArrayList<>();

    /**
     * @param title what the chart shows (its accessible name)
     * @param firstLabel what the left end of the time axis stands for ("60 min ago")
     * @param lastLabel what the right end stands for ("now")
     */
    public TimeChart(String title, String firstLabel, String lastLabel) {
        this.title = title;
        this.firstLabel = firstLabel;
        this.lastLabel = lastLabel;
    }

    /** The counts drawn as bars, one per reading. */
    public TimeChart bars(String name, double[] values, DoubleFunction<String> format) {
        this.bars = new Series(name, values.clone(), format);
        return this;
    }

    /** A percentage (0..100) drawn as a line, one point per reading. */
    public TimeChart line(String name, double[] values) {
        lines.add(new Series(name, values.clone(), Units::percent));
        return this;
    }

    @Override
    public String svg() {
        StringBuilder svg = Svg.open(title, WIDTH, HEIGHT);
        List<Series> all = new ArrayList<>();
        if (bars != null) {
            all.add(bars);
        }
        all.addAll(lines);
        legend(svg, all);
        int slots = 0;
        boolean measured = false;
        for (Series series : all) {
            slots = Math.max(slots, series.values.length);
            for (double value : series.values) {
                measured |= Double.isFinite(value);
            }
        }
        double plotWidth = WIDTH - LEFT - RIGHT;
        double plotHeight = HEIGHT - TOP - BOTTOM;
        double bottom = TOP + plotHeight;
        axes(svg, bottom);
        if (!measured) {
            svg.append("<text class=\"empty\" x=\"").append(LEFT + 8).append("\" y=\"").append(Svg.n(TOP + plotHeight / 2))
                    .append("\">No readings yet</text>\n");
            return svg.append("</svg>").toString();
        }
        double slot = plotWidth / slots;
        if (bars != null) {
            drawBars(svg, slots, slot, plotHeight, bottom);
        }
        for (int i = 0; i < lines.size(); i++) {
            drawLine(svg, lines.get(i), all.indexOf(lines.get(i)), slots, slot, plotHeight, bottom);
        }
        return svg.append("</svg>").toString();
    }

    private void legend(StringBuilder svg, List<Series> all) {
        List<String> names = new ArrayList<>();
        for (Series series : all) {
            names.add(series.name + ": " + latest(series));
        }
        Svg.legend(svg, names, LEFT, 36);
    }

    private static String latest(Series series) {
        for (int i = series.values.length - 1; i >= 0; i--) {
            if (Double.isFinite(series.values[i])) {
                return series.format.apply(series.values[i]);
            }
        }
        return Units.NOT_AVAILABLE;
    }

    private void axes(StringBuilder svg, double bottom) {
        svg.append("<line class=\"axis\" x1=\"").append(LEFT).append("\" y1=\"").append(Svg.n(bottom)).append("\" x2=\"")
                .append(WIDTH - RIGHT).append("\" y2=\"").append(Svg.n(bottom)).append("\"/>\n");
        Svg.text(svg, "tick", LEFT, bottom + 18, "start", firstLabel, 40);
        Svg.text(svg, "tick", WIDTH - RIGHT, bottom + 18, "end", lastLabel, 40);
        if (!lines.isEmpty()) {
            for (int percent : new int[] {0, 50, 100}) {
                double y = bottom - percent / 100.0 * (bottom - TOP);
                svg.append("<line class=\"grid\" x1=\"").append(LEFT).append("\" y1=\"").append(Svg.n(y)).append("\" x2=\"")
                        .append(WIDTH - RIGHT).append("\" y2=\"").append(Svg.n(y)).append("\"/>");
                Svg.text(svg, "tick", WIDTH - RIGHT + 6, y + 4, "start", percent + " %", 8);
            }
        }
    }

    private void drawBars(StringBuilder svg, int slots, double slot, double plotHeight, double bottom) {
        double max = 0;
        for (double value : bars.values) {
            if (Double.isFinite(value)) {
                max = Math.max(max, value);
            }
        }
        Svg.text(svg, "tick", LEFT - 6, TOP + 4, "end", bars.format.apply(max), 12);
        Svg.text(svg, "tick", LEFT - 6, bottom, "end", bars.format.apply(0), 12);
        for (int i = 0; i < bars.values.length; i++) {
            double value = bars.values[i];
            if (!Double.isFinite(value) || value <= 0) {
                continue;
            }
            double height = Math.max(1, value / (max == 0 ? 1 : max) * plotHeight);
            svg.append("<rect x=\"").append(Svg.n(LEFT + (slots - bars.values.length + i) * slot + slot * 0.1))
                    .append("\" y=\"").append(Svg.n(bottom - height)).append("\" width=\"").append(Svg.n(slot * 0.8))
                    .append("\" height=\"").append(Svg.n(height)).append("\" fill=\"").append(COLOURS[0])
                    .append("\" fill-opacity=\"0.55\"><title>").append(Html.escape(bars.name + ": "
                            + bars.format.apply(value))).append("</title></rect>");
        }
        svg.append('\n');
    }

    private static void drawLine(StringBuilder svg, Series series, int colour, int slots, double slot,
            double plotHeight, double bottom) {
        String stroke = COLOURS[colour % COLOURS.length];
        StringBuilder points = new StringBuilder();
        int offset = slots - series.values.length;
        for (int i = 0; i <= series.values.length; i++) {
            double value = i < series.values.length ? series.values[i] : Double.NaN;
            if (Double.isFinite(value)) {
                double x = LEFT + (offset + i) * slot + slot / 2;
                double y = bottom - Math.max(0, Math.min(100, value)) / 100 * plotHeight;
                points.append(points.length() == 0 ? "" : " ").append(Svg.n(x)).append(',').append(Svg.n(y));
                svg.append("<circle cx=\"").append(Svg.n(x)).append("\" cy=\"").append(Svg.n(y)).append("\" r=\"2.5\" fill=\"")
                        .append(stroke).append("\"><title>").append(Html.escape(series.name + ": " + Units.percent(value)))
                        .append("</title></circle>");
            } else if (points.length() > 0) {
                svg.append("<polyline fill=\"none\" stroke-width=\"2\" stroke=\"").append(stroke).append("\" points=\"")
                        .append(points).append("\"/>");
                points.setLength(0);
            }
        }
        svg.append('\n');
    }
}
