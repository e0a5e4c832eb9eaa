package io.autobot.optimizer.agent.rules;

import io.autobot.optimizer.agent.call.MethodSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads a rules file: one rule per line, {@code #} starts a comment.
 *
 * <pre>
 * # &lt;class&gt;.&lt;method&gt;[(&lt;parameter types&gt;)]   &lt;policy&gt; [&lt;policy&gt; ...]
 * com.acme.pricing.PriceService.quote(String, int)   cached(ttl=10m)
 * com.acme.search.*Index.find*                       optimized(search)
 * </pre>
 *
 * A line that cannot be read is reported as one line naming the file, the line and what is
 * wrong, and the file is refused as a whole: half a file could select what its author did not
 * mean. The format is documented in {@code docs/attach.md}.
 */
public final class RulesParser {

    private static final String NAME = "[\\p{L}\\p{N}_$*]+(\\.[\\p{L}\\p{N}_$*]+)*";

    private RulesParser() {
    }

    /**
     * Reads the rules file.
     *
     * @param problems receives one line per line that cannot be read
     * @throws IllegalArgumentException when the file cannot be read or a line of it does not parse:
     *     the file is refused as a whole (the message says so)
     */
    public static List<Rule> read(Path file, Consumer<String> problems) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("rules file '" + file.toAbsolutePath() + "' cannot be read ("
                    + (e instanceof NoSuchFileException ? "no such file" : e.toString()) + ") and is refused");
        }
        int[] bad = new int[1];
        List<Rule> rules = parse(file.toAbsolutePath().toString(), lines, problem -> {
            bad[0]++;
            problems.accept(problem);
        });
        if (bad[0] > 0) {
            throw new IllegalArgumentException("rules file " + file.toAbsolutePath() + " is refused as a whole: "
                    + bad[0] + (bad[0] == 1 ? " line does" : " lines do") + " not parse (see docs/attach.md for the"
                    + " format)");
        }
        return rules;
    }

    /**
     * Parses the lines of a rules file.
     *
     * @param file the file's name, for messages
     */
    static List<Rule> parse(String file, List<String> lines, Consumer<String> problems) {
        List<Rule> rules = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String text = withoutComment(lines.get(i)).trim();
            if (text.isEmpty()) {
                continue;
            }
            String source = "rules file " + file + " line " + (i + 1);
            try {
                rules.add(parseRule(source, text));
            } catch (IllegalArgumentException e) {
                problems.accept(source + ": " + e.getMessage() + ": " + text);
            }
        }
        return List.copyOf(rules);
    }

    static Rule parseRule(String source, String text) {
        int end = patternEnd(text);
        String pattern = text.substring(0, end);
        ParameterPattern parameters = ParameterPattern.ANY;
        String name = pattern;
        int open = pattern.indexOf('(');
        if (open >= 0) {
            if (!pattern.endsWith(")") || pattern.indexOf(')') != pattern.length() - 1) {
                throw new IllegalArgumentException("'" + pattern + "' is not a method: expected"
                        + " <class>.<method>(<parameter types>) such as com.acme.Prices.quote(String, int)");
            }
            name = pattern.substring(0, open);
            String inside = pattern.substring(open + 1, pattern.length() - 1);
            parameters = inside.trim().equals("..") ? ParameterPattern.ANY : ParameterPattern.parse(inside);
        }
        int dot = name.lastIndexOf('.');
        if (!name.matches(NAME) || dot <= 0) {
            throw new IllegalArgumentException("'" + name + "' is not a method: expected <class>.<method>, such as"
                    + " com.acme.Prices.quote, with * for any characters but a dot and ** for any");
        }
        MethodSpec spec = PolicyParser.parse(text.substring(end));
        return new Rule(source, text, NamePattern.of(name.substring(0, dot)), NamePattern.of(name.substring(dot + 1)),
                parameters, spec);
    }

    /** The method pattern ends at the first blank outside parentheses. */
    private static int patternEnd(String text) {
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (depth == 0 && Character.isWhitespace(c)) {
                return i;
            }
        }
        if (depth != 0) {
            throw new IllegalArgumentException("the parameter list is not closed: expected ')'");
        }
        return text.length();
    }

    private static String withoutComment(String line) {
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '#' && !quoted) {
                return line.substring(0, i);
            }
        }
        return line;
    }
}
