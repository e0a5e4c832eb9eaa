package io.autobot.optimizer.management.report;

import java.util.List;
import java.util.Locale;

/** What an export is written as: the JSON document, or the same document as a page to look at. */
public enum ExportFormat {

    /** The export document as indented JSON. */
    JSON(List.of(".json")),
    /** The export document as one self-contained HTML page with SVG charts. */
    HTML(List.of(".html", ".htm"));

    private final List<String> extensions;

    ExportFormat(List<String> extensions) {
        this.extensions = extensions;
    }

    /** The endings a file of this format may have, such as {@code .json}. */
    public List<String> extensions() {
        return extensions;
    }

    /** Whether the file name ends as this format's files do. */
    public boolean names(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        return extensions.stream().anyMatch(lower::endsWith);
    }

    /** The format's name as written on the command line and in JMX ({@code json}, {@code html}). */
    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The format asked for, or when none is given (null or blank), the one the file name ends in
     * ({@code .html} or {@code .htm}: HTML; anything else: JSON, refused later when the name does
     * not end in {@code .json}).
     *
     * @throws IllegalArgumentException naming the accepted formats when {@code format} is none of them
     */
    public static ExportFormat of(String fileName, String format) {
        if (format == null || format.isBlank()) {
            return fileName != null && HTML.names(fileName) ? HTML : JSON;
        }
        for (ExportFormat candidate : values()) {
            if (candidate.text().equals(format.strip().toLowerCase(Locale.ROOT))) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("unknown export format '" + format + "': expected json or html");
    }
}
