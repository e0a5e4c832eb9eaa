package io.autobot.optimizer.protocol.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HtmlTest {

    @Test
    void escapesMarkupQuotesAndDropsControlCharacters() {
        assertThat(Html.escape("<a href=\"x\" title='y'>&amp;</a>"))
                .isEqualTo("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;");
        assertThat(Html.escape("tab\tline\nbell\u0007del\u007f")).isEqualTo("tab\tline\nbelldel");
        assertThat(Html.escape(null)).isEmpty();
        assertThat(Html.escape("Grüße, 名前")).isEqualTo("Grüße, 名前");
    }

    @Test
    void aPageEscapesEveryTextAndForbidsTheBrowserToFetchAnything() {
        String hostile = "<script>alert(1)</script>";
        String page = new HtmlPage(hostile).subtitle(hostile).heading(hostile).paragraph(hostile).note(hostile)
                .tiles(Map.of(hostile, hostile)).table(List.of(hostile), List.of(List.of(hostile)))
                .folded(hostile, List.of(hostile), List.of(List.of(hostile))).list(List.of(hostile), "items", hostile)
                .list(List.of(), "items", hostile).footer(hostile)
                .chart(new BarChart(hostile, List.of(hostile, "b"), Units::count).row(hostile, 1, 2))
                .chart(new TimeChart(hostile, hostile, hostile).bars(hostile, new double[] {1}, Units::count)
                        .line(hostile, new double[] {50}))
                .render();
        assertThat(page).doesNotContain("<script").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(page).contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';"
                + " style-src 'unsafe-inline'\">");
        assertThat(page).doesNotContainPattern("(?i)\\b(src|href)\\s*=").doesNotContain("http:").doesNotContain("https:");
    }

    @Test
    void unitsPickTheReadableOneAndSayWhenAFigureIsMissing() {
        assertThat(Units.duration(0.00042)).isEqualTo("420 µs");
        assertThat(Units.duration(0.0042)).isEqualTo("4.20 ms");
        assertThat(Units.duration(0.42)).isEqualTo("420.0 ms");
        assertThat(Units.duration(4.5)).isEqualTo("4.50 s");
        assertThat(Units.duration(600)).isEqualTo("10.0 min");
        assertThat(Units.duration(-0.2)).isEqualTo("-200.0 ms");
        assertThat(Units.bytes(6.320816128E9)).isEqualTo("5.9 GB");
        assertThat(Units.bytes(512)).isEqualTo("512 B");
        assertThat(Units.count(1234567)).isEqualTo("1\u202f234\u202f567");
        assertThat(Units.percent(12.345)).isEqualTo("12.3 %");
        for (double missing : new double[] {Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThat(List.of(Units.duration(missing), Units.bytes(missing), Units.count(missing),
                    Units.percent(missing), Units.number(missing))).containsOnly(Units.NOT_AVAILABLE);
        }
    }
}
