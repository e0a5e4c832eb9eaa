package io.autobot.optimizer.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * A usage error in the CLI's own words: what the verb takes and what was wrong, instead of the
 * parser's ({@code Unmatched argument at index 0}, {@code 'abc' is not a long}).
 */
final class UsageErrors {

    private UsageErrors() {
    }

    /** The one line that says what is wrong with the command line, and where its help is. */
    static String describe(CommandLine.ParameterException problem, CommandLine root) {
        CommandLine verb = problem.getCommandLine();
        String text;
        if (problem instanceof CommandLine.UnmatchedArgumentException unmatched) {
            text = unmatched(unmatched, verb, root);
        } else if (problem instanceof CommandLine.MissingParameterException missing) {
            text = name(verb) + " needs " + synopsis(verb) + "; " + labels(missing.getMissing()) + " "
                    + (missing.getMissing().size() == 1 ? "is" : "are") + " missing";
        } else {
            text = oneLine(problem.getMessage());
        }
        return text + " (see 'java -jar autobot-agent.jar help" + (verb == root ? "" : " " + verb.getCommandName())
                + "')";
    }

    private static String unmatched(CommandLine.UnmatchedArgumentException problem, CommandLine verb,
            CommandLine root) {
        String first = problem.getUnmatched().isEmpty() ? "" : problem.getUnmatched().get(0);
        if (verb == root && !first.startsWith("-")) {
            return "'" + first + "' is not a verb: expected one of " + String.join(", ",
                    root.getSubcommands().keySet());
        }
        if (first.startsWith("-")) {
            return "'" + first + "' is not an option of " + name(verb) + ": " + options(verb);
        }
        return name(verb) + " takes " + synopsis(verb) + "; " + quoted(problem.getUnmatched()) + " "
                + (problem.getUnmatched().size() == 1 ? "is one argument" : "are arguments") + " too many";
    }

    private static String name(CommandLine verb) {
        return "'" + verb.getCommandName() + "'";
    }

    /** The verb's positional parameters, as its usage shows them: {@code <pid> <level>}. */
    private static String synopsis(CommandLine verb) {
        List<String> labels = new ArrayList<>();
        for (PositionalParamSpec positional : verb.getCommandSpec().positionalParameters()) {
            labels.add(positional.arity().max() > 1 ? "[" + positional.paramLabel() + "...]" : positional.paramLabel());
        }
        return labels.isEmpty() ? "no arguments" : String.join(" ", labels);
    }

    private static String options(CommandLine verb) {
        List<String> names = new ArrayList<>();
        for (OptionSpec option : verb.getCommandSpec().options()) {
            names.add(option.longestName());
        }
        return "expected " + String.join(", ", names);
    }

    private static String labels(List<ArgSpec> missing) {
        List<String> labels = new ArrayList<>();
        for (ArgSpec arg : missing) {
            labels.add(arg.isOption() ? ((OptionSpec) arg).longestName() : arg.paramLabel());
        }
        return String.join(" and ", labels);
    }

    private static String quoted(List<String> values) {
        List<String> quoted = new ArrayList<>();
        values.forEach(value -> quoted.add("'" + value + "'"));
        return String.join(", ", quoted);
    }

    static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s*\\R\\s*", " ").trim();
    }
}
