package io.autobot.optimizer.agent.rules;

import java.util.List;
import net.bytebuddy.description.method.ParameterDescription;
import net.bytebuddy.description.method.ParameterList;

/**
 * The parameter list of a rule: each element a fully qualified type name
 * ({@code java.lang.String}), a simple name that matches a type of any package ({@code String}),
 * a primitive or an array of those ({@code int[]}), or {@code *} for any one type; a trailing
 * {@code ..} matches any remaining parameters. Matched on erasures, by name: nothing is loaded.
 */
final class ParameterPattern {

    /** Any parameter list, as for a rule without parentheses or with {@code (..)}. */
    static final ParameterPattern ANY = new ParameterPattern(List.of(), true);

    private final List<String> types;
    private final boolean openEnded;

    private ParameterPattern(List<String> types, boolean openEnded) {
        this.types = types;
        this.openEnded = openEnded;
    }

    /**
     * Parses the text between the parentheses.
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    static ParameterPattern parse(String text) {
        String trimmed = text.trim();
        if (trimmed.isEmpty()) {
            return new ParameterPattern(List.of(), false);
        }
        String[] parts = trimmed.split(",", -1);
        boolean openEnded = parts[parts.length - 1].trim().equals("..");
        int count = openEnded ? parts.length - 1 : parts.length;
        String[] types = new String[count];
        for (int i = 0; i < count; i++) {
            String type = parts[i].trim().replaceAll("\\s+", "");
            if (!type.matches("\\*|[\\p{L}_$][\\p{L}\\p{N}_$.]*(\\[\\])*")) {
                throw new IllegalArgumentException("parameter type '" + parts[i].trim() + "' is not a type name:"
                        + " expected a name such as java.lang.String, String, int[] or *, and .. last for any more");
            }
            types[i] = type;
        }
        return new ParameterPattern(List.of(types), openEnded);
    }

    boolean matches(ParameterList<?> parameters) {
        if (parameters.size() < types.size() || (!openEnded && parameters.size() != types.size())) {
            return false;
        }
        for (int i = 0; i < types.size(); i++) {
            if (!matches(types.get(i), ((ParameterDescription) parameters.get(i)).getType().asErasure()
                    .getActualName())) {
                return false;
            }
        }
        return true;
    }

    /** {@code actual} is a source-style name such as {@code java.util.Map$Entry[]} or {@code int}. */
    private static boolean matches(String wanted, String actual) {
        if (wanted.equals("*") || wanted.equals(actual)) {
            return true;
        }
        if (wanted.indexOf('.') >= 0) {
            return wanted.equals(actual.replace('$', '.'));
        }
        int dot = Math.max(actual.lastIndexOf('.'), actual.lastIndexOf('$'));
        return wanted.equals(actual.substring(dot + 1));
    }

    @Override
    public String toString() {
        if (openEnded && types.isEmpty()) {
            return "(..)";
        }
        return "(" + String.join(", ", types) + (openEnded ? ", .." : "") + ")";
    }
}
