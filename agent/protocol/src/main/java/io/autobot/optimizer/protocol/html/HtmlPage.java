package io.autobot.optimizer.protocol.html;

import java.util.List;
import java.util.Map;

/**
 * One self-contained HTML page: inline CSS, inline SVG charts, no script, and a content security
 * policy that lets the browser fetch nothing at all, so the page opens the same offline, from a
 * mail attachment or a CI artefact. Every text given to it is escaped; only {@link Chart}s, which
 * escape their own texts, are written as markup.
 */
public final class HtmlPage {

    private static final String STYLE = """
            :root { color-scheme: light; }
            body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif;
                   color: #1f2933; background: #f5f7fa; margin: 0; }
            main { max-width: 820px; margin: 0 auto; padding: 24px 28px 40px; background: #fff; }
            h1 { font-size: 26px; margin: 0 0 4px; }
            h2 { font-size: 19px; margin: 32px 0 10px; padding-bottom: 4px; border-bottom: 2px solid #e4e7eb; }
            p.subtitle { color: #52606d; margin: 0 0 18px; }
            p.note { color: #52606d; font-size: 13px; }
            .tiles { display: grid; grid-template-columns: repeat(auto-fill, minmax(180px, 1fr)); gap: 10px; }
            .tile { border: 1px solid #e4e7eb; border-radius: 6px; padding: 8px 12px; background: #fafbfc; }
            .tile .label { color: #52606d; font-size: 13px; }
            .tile .value { font-size: 20px; font-weight: 600; font-variant-numeric: tabular-nums; }
            table { border-collapse: collapse; width: 100%; font-size: 13px; font-variant-numeric: tabular-nums; }
            th, td { padding: 4px 8px; border-bottom: 1px solid #e4e7eb; text-align: right; vertical-align: top; }
            th:first-child, td:first-child { text-align: left; overflow-wrap: anywhere; }
            th { background: #f0f4f8; }
            ul.items li { margin: 4px 0; }
            ul.alerts li { color: #9b1c1c; }
            p.empty { color: #52606d; font-style: italic; }
            svg.chart { display: block; max-width: 100%; height: auto; margin: 8px 0 16px; }
            svg .chart-title { font-size: 14px; font-weight: 600; fill: #1f2933; }
            svg text { font-family: inherit; font-size: 12px; fill: #323f4b; }
            svg .value { font-variant-numeric: tabular-nums; }
            svg .tick, svg .legend { fill: #52606d; }
            svg .empty { fill: #7b8794; font-style: italic; }
            svg .axis { stroke: #9aa5b1; stroke-width: 1; }
            svg .grid { stroke: #e4e7eb; stroke-width: 1; }
            details { margin: 8px 0; }
            summary { cursor: pointer; color: #334e68; }
            footer { margin-top: 32px; color: #7b8794; font-size: 12px; }
            """;

    private final String title;
    private final StringBuilder body = new StringBuilder(16384);

    public HtmlPage(String title) {
        this.title = title;
        body.append("<h1>").append(Html.escape(title)).append("</h1>\n");
    }

    /** A line under the title: what the page is of, when it was made. */
    public HtmlPage subtitle(String text) {
        body.append("<p class=\"subtitle\">").append(Html.escape(text)).append("</p>\n");
        return this;
    }

    public HtmlPage heading(String text) {
        body.append("<h2>").append(Html.escape(text)).append("</h2>\n");
        return this;
    }

    public HtmlPage paragraph(String text) {
        body.append("<p>").append(Html.escape(text)).append("</p>\n");
        return this;
    }

    /** A paragraph in small, muted type: how to read what precedes or follows. */
    public HtmlPage note(String text) {
        body.append("<p class=\"note\">").append(Html.escape(text)).append("</p>\n");
        return this;
    }

    /** Key figures as tiles: label to its written value. */
    public HtmlPage tiles(Map<String, String> figures) {
        body.append("<div class=\"tiles\">\n");
        figures.forEach((label, value) -> body.append("<div class=\"tile\"><div class=\"label\">").append(Html.escape(label))
                .append("</div><div class=\"value\">").append(Html.escape(value)).append("</div></div>\n"));
        body.append("</div>\n");
        return this;
    }

    public HtmlPage chart(Chart chart) {
        body.append(chart.svg()).append('\n');
        return this;
    }

    /** A table: the first column left-aligned (names), the others right-aligned (figures). */
    public HtmlPage table(List<String> headers, List<List<String>> rows) {
        body.append("<table>\n<thead><tr>");
        for (String header : headers) {
            body.append("<th scope=\"col\">").append(Html.escape(header)).append("</th>");
        }
        body.append("</tr></thead>\n<tbody>\n");
        for (List<String> row : rows) {
            body.append("<tr>");
            for (String cell : row) {
                body.append("<td>").append(Html.escape(cell)).append("</td>");
            }
            body.append("</tr>\n");
        }
        body.append("</tbody>\n</table>\n");
        return this;
    }

    /** A table folded under a summary line (opened without script, by the browser). */
    public HtmlPage folded(String summary, List<String> headers, List<List<String>> rows) {
        body.append("<details><summary>").append(Html.escape(summary)).append("</summary>\n");
        table(headers, rows);
        body.append("</details>\n");
        return this;
    }

    /**
     * A bulleted list, or {@code whenEmpty} as a muted line when there is nothing to list.
     *
     * @param cssClass {@code items}, or {@code alerts} for items that need attention
     */
    public HtmlPage list(List<String> items, String cssClass, String whenEmpty) {
        if (items.isEmpty()) {
            body.append("<p class=\"empty\">").append(Html.escape(whenEmpty)).append("</p>\n");
            return this;
        }
        body.append("<ul class=\"").append(Html.escape(cssClass)).append("\">\n");
        for (String item : items) {
            body.append("<li>").append(Html.escape(item)).append("</li>\n");
        }
        body.append("</ul>\n");
        return this;
    }

    public HtmlPage footer(String text) {
        body.append("<footer>").append(Html.escape(text)).append("</footer>\n");
        return this;
    }

    /** The whole document. */
    public String render() {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>" + Html.escape(title) + "</title>\n<style>\n" + STYLE + "</style>\n</head>\n<body>\n<main>\n"
                + body + "</main>\n</body>\n</html>\n";
    }
}
