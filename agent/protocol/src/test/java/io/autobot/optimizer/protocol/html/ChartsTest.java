package io.autobot.optimizer.protocol.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ChartsTest {

    @Test
    void barsCarryTheirValueAsTextAndTheChartItsTitleAsName() {
        String svg = new BarChart("Latency", List.of("p50", "p99"), Units::duration).row("lookup", 0.001, 0.004)
                .svg();
        assertThat(svg).startsWith("<svg role=\"img\"").contains("aria-label=\"Latency\"").contains("<title>Latency</title>")
                .contains(">1.00 ms</text>").contains(">4.00 ms</text>").contains(">lookup</text>")
                .contains(">p50</text>").contains(">p99</text>");
        assertThat(widths(svg)).hasSize(2);
        assertThat(widths(svg).get(1)).isEqualTo(widths(svg).get(0) * 4, org.assertj.core.data.Offset.offset(0.2));
    }

    @Test
    void notMeasuredHasNoBarAndNegativeGrowsLeftOfZero() {
        String svg = new BarChart("Saved", List.of("saved"), Units::duration).row("a", Double.NaN)
                .row("b", -1.0).row("c", 3.0).svg();
        assertThat(svg).contains(">n/a</text>").contains(">-1.00 s</text>").doesNotContain("NaN");
        assertThat(widths(svg)).hasSize(2);
        double zero = Double.parseDouble(attribute(svg, "<line class=\"axis\" x1=\"([0-9.]+)\""));
        double leftOfB = Double.parseDouble(attribute(svg, "<rect x=\"([0-9.]+)\""));
        assertThat(leftOfB).isLessThan(zero);
    }

    @Test
    void aLongNameIsShortenedFromTheFrontWithTheWholeNameAsTooltip() {
        String name = "com.example.very.long.package.name.CatalogService.lookup";
        String svg = new BarChart("x", List.of("v"), Units::count).row(name, 1).svg();
        assertThat(svg).contains("<title>" + name + "</title>").contains("\u2026").contains("CatalogService.lookup</text>");
    }

    @Test
    void emptyChartsSayNothingWasMeasured() {
        assertThat(new BarChart("x", List.of("v"), Units::count).svg()).contains("Nothing measured yet");
        assertThat(new TimeChart("t", "60 min ago", "now").line("cpu", new double[] {Double.NaN}).svg())
                .contains("No readings yet");
        assertThatThrownBy(() -> new BarChart("x", List.of(), Units::count)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTimeLineBreaksAtGapsAndTheLegendWritesTheLatestValue() {
        String svg = new TimeChart("Hour", "60 min ago", "now")
                .bars("calls", new double[] {Double.NaN, 5, 10, Double.NaN, 20}, Units::count)
                .line("hit rate", new double[] {Double.NaN, 50, 60, Double.NaN, 80}).svg();
        assertThat(count(svg, "<polyline")).isEqualTo(2); // 50-60, then 80 alone
        assertThat(count(svg, "<circle")).isEqualTo(3);
        assertThat(count(svg, "<rect x")).isEqualTo(3 + 2); // three bars, two legend squares
        assertThat(svg).contains("calls: 20").contains("hit rate: 80.0 %").contains(">60 min ago</text>")
                .contains(">now</text>").contains(">100 %</text>").doesNotContain("NaN");
    }

    private static List<Double> widths(String svg) {
        Matcher matcher = Pattern.compile("<rect x=\"[0-9.]+\" y=\"[0-9.]+\" width=\"([0-9.]+)\" height=\"14\"")
                .matcher(svg);
        List<Double> widths = new java.util.ArrayList<>();
        while (matcher.find()) {
            widths.add(Double.parseDouble(matcher.group(1)));
        }
        return widths;
    }

    private static String attribute(String svg, String pattern) {
        Matcher matcher = Pattern.compile(pattern).matcher(svg);
        assertThat(matcher.find()).as(pattern).isTrue();
        return matcher.group(1);
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }
}
