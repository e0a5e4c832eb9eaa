package io.autobot.optimizer.protocol.html;

import java.util.Locale;

/** What the charts share: the opening of an accessible {@code <svg>}, numbers as coordinates, label shortening. */
final class Svg {

    private Svg() {
    }

    /** An {@code <svg>} of the given size whose {@code <title>} and label (its accessible name) are {@code title}. */
    static StringBuilder open(String title, int width, int height) {
        StringBuilder svg = new StringBuilder(4096);
        svg.append("<svg role=\"img\" class=\"chart\" width=\"").append(width)
                .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width).append(' ')
                .append(height).append("\" aria-label=\"").append(Html.escape(title)).append("\">\n<title>")
                .append(Html.escape(title)).append("</title>\n");
        svg.append("<text class=\"chart-title\" x=\"0\" y=\"16\">").append(Html.escape(title)).append("</text>\n");
        return svg;
    }

    /** A coordinate with one decimal, dot-separated whatever the locale. */
    static String n(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    /** A text of at most {@code max} characters: a long name keeps its end (a method's simple name). */
    static String shorten(String text, int max) {
        String value = text == null ? "" : text;
        return value.length() <= max ? value : "\u2026" + value.substring(value.length() - max + 1);
    }

    /** A text element; the full text as its tooltip when the shown one is shortened. */
    static void text(StringBuilder svg, String cssClass, double x, double y, String anchor, String full, int max) {
        String shown = shorten(full, max);
        svg.append("<text class=\"").append(cssClass).append("\" x=\"").append(n(x)).append("\" y=\"").append(n(y))
                .append("\" text-anchor=\"").append(anchor).append("\">");
        if (!shown.equals(full)) {
            svg.append("<title>").append(Html.escape(full)).append("</title>");
        }
        svg.append(Html.escape(shown)).append("</text>\n");
    }

    /** A legend of coloured squares and names in one line at {@code y}. */
    static void legend(StringBuilder svg, java.util.List<String> names, double x, double y) {
        double at = x;
        for (int i = 0; i < names.size(); i++) {
            svg.append("<rect x=\"").append(n(at)).append("\" y=\"").append(n(y - 9)).append("\" width=\"10\" height=\"10\" fill=\"")
                    .append(Chart.COLOURS[i % Chart.COLOURS.length]).append("\"/>");
            svg.append("<text class=\"legend\" x=\"").append(n(at + 14)).append("\" y=\"").append(n(y)).append("\">")
                    .append(Html.escape(names.get(i))).append("</text>\n");
            at += 24 + 7.0 * names.get(i).length();
        }
    }
}
