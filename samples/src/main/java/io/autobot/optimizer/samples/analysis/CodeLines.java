package io.autobot.optimizer.samples.analysis;

/** Counts the lines of a range of Java text that hold code, not only blanks and comments. */
final class CodeLines {

    private CodeLines() {
    }

    static int count(String text, int start, int end) {
        int lines = 0;
        boolean code = false;
        boolean blockComment = false;
        boolean lineComment = false;
        char quote = 0;
        for (int i = Math.max(0, start); i < Math.min(end, text.length()); i++) {
            char c = text.charAt(i);
            char next = i + 1 < text.length() ? text.charAt(i + 1) : 0;
            if (c == '\n') {
                lines += code ? 1 : 0;
                code = false;
                lineComment = false;
            } else if (blockComment) {
                if (c == '*' && next == '/') {
                    blockComment = false;
                    i++;
                }
            } else if (lineComment || Character.isWhitespace(c)) {
                continue;
            } else if (quote != 0) {
                code = true;
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '/' && next == '/') {
                lineComment = true;
            } else if (c == '/' && next == '*') {
                blockComment = true;
                i++;
            } else {
                code = true;
                quote = c == '"' || c == '\'' ? c : 0;
            }
        }
        return lines + (code ? 1 : 0);
    }
}
