package io.autobot.optimizer.samples.app;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A command's arguments: {@code --name value} options, {@code --flag} switches and the words
 * left over, in order. Unknown options are an error that names what is accepted.
 */
public final class Options {

    private final Map<String, String> values = new HashMap<>();
    private final List<String> words = new ArrayList<>();

    private Options() {
    }

    /**
     * @param args the arguments after the command's name
     * @param valued the options that take a value
     * @param flags the options that do not
     */
    public static Options parse(List<String> args, Set<String> valued, Set<String> flags) {
        Options options = new Options();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                options.words.add(arg);
                continue;
            }
            String name = arg;
            String value = null;
            int equals = arg.indexOf('=');
            if (equals > 0) {
                name = arg.substring(0, equals);
                value = arg.substring(equals + 1);
            }
            if (flags.contains(name) && value == null) {
                options.values.put(name, "true");
            } else if (valued.contains(name)) {
                if (value == null) {
                    if (i + 1 >= args.size()) {
                        throw new IllegalArgumentException(name + " needs a value");
                    }
                    value = args.get(++i);
                }
                options.values.put(name, value);
            } else {
                List<String> accepted = new ArrayList<>(valued);
                accepted.addAll(flags);
                accepted.sort(null);
                throw new IllegalArgumentException("unknown option " + name + ": accepted are " + accepted);
            }
        }
        return options;
    }

    public boolean flag(String name) {
        return values.containsKey(name);
    }

    public String value(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    /** A whole-number option within bounds. */
    public int number(String name, int fallback, int min, int max) {
        String text = values.get(name);
        if (text == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(name + "=" + text + " is not accepted: expected a whole number from "
                + min + " to " + max);
    }

    /** The words that are not options, in order. */
    public List<String> words() {
        return words;
    }
}
