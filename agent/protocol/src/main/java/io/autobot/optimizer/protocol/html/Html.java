package io.autobot.optimizer.protocol.html;

/** Escaping for HTML and SVG text and attribute values: what the host names is never markup. */
public final class Html {

    private Html() {
    }

    /**
     * The text with {@code & < > " '} as character references and control characters (other than
     * tab, line feed and carriage return) dropped; {@code null} as the empty text.
     */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (c >= 0x20 && c != 0x7f || c == '\t' || c == '\n' || c == '\r') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
