package io.autobot.optimizer.samples.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns source text or a query into search terms: identifiers and words, split at camelCase and
 * underscores, lower-cased, a plural 's' removed, without Java keywords and common English words.
 */
public final class Tokenizer {

    private static final Set<String> STOP_WORDS = Set.of(
            "a", "an", "and", "the", "of", "to", "in", "on", "for", "with", "by", "is", "it", "be", "as", "at", "or",
            "this", "that", "from", "are", "not", "no", "if", "else", "do", "so", "we", "its", "into", "create",
            "build", "make", "add", "write",
            "abstract", "boolean", "break", "byte", "case", "catch", "char", "class", "continue", "default",
            "double", "extends", "final", "finally", "float", "implements", "import", "instanceof", "int",
            "interface", "long", "new", "null", "package", "private", "protected", "public", "return", "short",
            "static", "super", "switch", "synchronized", "throw", "throws", "try", "void", "volatile", "while",
            "true", "false", "var", "record", "java", "util", "io", "autobot", "optimizer");

    private Tokenizer() {
    }

    /** The terms of a text, in order, repeats kept. */
    public static List<String> terms(String text) {
        List<String> terms = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            if (!Character.isLetter(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < text.length() && Character.isLetterOrDigit(text.charAt(i))) {
                i++;
            }
            splitWord(text.substring(start, i), terms);
        }
        return terms;
    }

    private static void splitWord(String word, List<String> terms) {
        int start = 0;
        for (int i = 1; i <= word.length(); i++) {
            boolean boundary = i == word.length()
                    || Character.isUpperCase(word.charAt(i)) && Character.isLowerCase(word.charAt(i - 1))
                    || Character.isUpperCase(word.charAt(i)) && i + 1 < word.length()
                            && Character.isLowerCase(word.charAt(i + 1)) && Character.isUpperCase(word.charAt(i - 1));
            if (boundary) {
                add(word.substring(start, i), terms);
                start = i;
            }
        }
    }

    private static void add(String part, List<String> terms) {
        String term = normalize(part);
        if (term.length() >= 2 && !STOP_WORDS.contains(term) && !Character.isDigit(term.charAt(0))) {
            terms.add(term);
        }
    }

    /** One word as a term: lower case, without a plural 's'. */
    public static String normalize(String word) {
        String term = word.toLowerCase(Locale.ROOT);
        if (term.length() > 3 && term.endsWith("s") && !term.endsWith("ss")) {
            term = term.substring(0, term.length() - 1);
        }
        return term;
    }
}
