package io.autobot.optimizer.cli.shell;

import io.autobot.optimizer.protocol.settings.Catalogue;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The interactive shell: reads {@code optimize level aggressive}, {@code optimize status}, ...
 * (the word {@code optimize} may be left out) and runs the {@link Commands} of the command tree
 * over an {@link OptimizerBackend}. One implementation serves the CLI's {@code shell <pid>} (a
 * remote JVM, with a line editor) and a host's own interactive mode (this JVM, over a plain
 * reader): it depends on nothing but the back end and a writer. The commands are listed in
 * docs/cli.md.
 */
public final class CommandShell {

    /** The prompt. */
    public static final String PROMPT = "AutoBot> ";
    public static final List<String> LEVELS = Catalogue.LEVEL.choices();
    public static final List<String> STRATEGIES = Catalogue.CACHE_STRATEGY.choices();
    public static final List<String> SCENARIOS = Commands.SCENARIOS;

    private static final String PREFIX = "optimize";
    private static final int FREE_TEXT = -1;

    /**
     * One command as the shell runs it: its name, argument synopsis, help, completion values, arity,
     * whether it takes {@code --fleet} (a last word the arity does not count) and action.
     */
    private record Entry(String name, String synopsis, String help, List<String> values, int arity, boolean fleet,
            Consumer<List<String>> action, List<String> options) {

        Entry(String name, String synopsis, String help, List<String> values, int arity, boolean fleet,
                Consumer<List<String>> action) {
            this(name, synopsis, help, values, arity, fleet, action, List.of());
        }
    }

    private final OptimizerBackend backend;
    private final PrintWriter out;
    private final Map<String, Entry> commands = new LinkedHashMap<>();
    private boolean targetGone;

    public CommandShell(OptimizerBackend backend, PrintWriter out) {
        this.backend = backend;
        this.out = out;
        for (Commands.Command command : Commands.all()) {
            List<String> values = command.params().isEmpty() ? List.of() : command.params().get(0).values();
            String synopsis = command.synopsis() + (command.fleet() ? " [" + Commands.FLEET_OPTION + "]" : "");
            commands.put(command.name(), new Entry(command.name(), synopsis.trim(), command.help(), values,
                    Commands.arity(command), command.fleet(), args -> {
                        boolean fleet = command.fleet() && !args.isEmpty()
                                && args.get(args.size() - 1).equalsIgnoreCase(Commands.FLEET_OPTION);
                        List<String> plain = fleet ? args.subList(0, args.size() - 1) : args;
                        Commands.print(command, out, backend, Commands.run(command, backend,
                                command.withOptions(plain), fleet));
                    }, optionNames(command)));
        }
    }

    /**
     * Adds a command of the host's own that takes the rest of the line as free text, such as the
     * sample application's {@code generate <prompt>}.
     *
     * @return this shell
     */
    public CommandShell addCommand(String name, String synopsis, String help, Consumer<String> action) {
        commands.put(name, new Entry(name, synopsis, help, List.of(), FREE_TEXT, false,
                args -> action.accept(String.join(" ", args))));
        return this;
    }

    /**
     * Reads commands until {@code exit}, {@code quit}, the end of the input or the loss of the
     * target, printing the prompt before each.
     *
     * @return 0 after a normal end, 1 when the target went away
     */
    public int run(BufferedReader in) throws IOException {
        while (true) {
            out.print(PROMPT);
            out.flush();
            String line = in.readLine();
            if (line == null || !execute(line)) {
                out.flush();
                return targetGone ? 1 : 0;
            }
        }
    }

    /**
     * Runs one command line and prints what it gives; a failure is printed as one line.
     *
     * @return false when the shell should end: {@code exit}, {@code quit}, or the target is gone
     */
    public boolean execute(String line) {
        try {
            return perform(line);
        } catch (TargetUnavailableException e) {
            targetGone = true;
            out.println(backend.target() + " has exited or cannot be reached any more; the shell ends");
            return false;
        } catch (UsageException e) {
            out.println(e.getMessage());
            return true;
        } catch (RuntimeException e) {
            // agent not attached, a value it does not accept, a failure inside the agent: say so, go on
            out.println("error: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return true;
        } finally {
            out.flush();
        }
    }

    /**
     * Runs one command line and prints what it gives, letting failures through: the back end's
     * exceptions, and {@link UsageException} for an unknown command or wrong arguments. The CLI's
     * verbs print through this, so that they read exactly like the shell.
     *
     * @return false for {@code exit} and {@code quit}
     */
    public boolean perform(String line) {
        List<String> words = words(line);
        if (words.isEmpty()) {
            return true;
        }
        String first = words.get(0).toLowerCase(Locale.ROOT);
        if (first.equals("exit") || first.equals("quit")) {
            return false;
        }
        if (first.equals("help") || first.equals("?")) {
            help(words.size() > 1 ? words.get(words.size() - 1) : null);
            return true;
        }
        List<String> rest = first.equals(PREFIX) ? words.subList(1, words.size()) : words;
        if (rest.isEmpty()) {
            help(null);
            return true;
        }
        Entry command = commands.get(rest.get(0).toLowerCase(Locale.ROOT));
        if (command == null) {
            throw new UsageException("unknown command '" + String.join(" ", words) + "': type help for the list");
        }
        List<String> arguments = rest.subList(1, rest.size());
        int fleetWord = command.fleet() && !arguments.isEmpty()
                && arguments.get(arguments.size() - 1).equalsIgnoreCase(Commands.FLEET_OPTION) ? 1 : 0;
        if (command.arity() != FREE_TEXT && arguments.size() - fleetWord - optionWords(command, arguments)
                != command.arity()) {
            throw new UsageException("usage: " + PREFIX + " " + command.name() + " " + command.synopsis());
        }
        command.action().accept(arguments);
        out.flush();
        return true;
    }

    private static List<String> optionNames(Commands.Command command) {
        List<String> names = new ArrayList<>();
        for (Commands.Option option : command.options()) {
            names.add(option.name().toLowerCase(Locale.ROOT));
        }
        return names;
    }

    /** How many of the words are a command's options and their values ({@code --format html}: 2). */
    private static int optionWords(Entry command, List<String> arguments) {
        int words = 0;
        for (int i = 0; i < arguments.size(); i++) {
            if (command.options().contains(arguments.get(i).toLowerCase(Locale.ROOT))) {
                words += Math.min(2, arguments.size() - i);
                i++;
            }
        }
        return words;
    }

    /** Whether the shell ended because the target went away. */
    public boolean targetGone() {
        return targetGone;
    }

    /** An unknown command, or a command with the wrong number of arguments; the message says the usage. */
    public static final class UsageException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    /**
     * The words that may follow the given ones, for a line editor's completion.
     *
     * @param typed the words typed before the one being completed
     */
    public List<String> complete(List<String> typed) {
        List<String> words = typed;
        if (!words.isEmpty() && words.get(0).equalsIgnoreCase(PREFIX)) {
            words = words.subList(1, words.size());
        } else if (words.isEmpty()) {
            List<String> first = new ArrayList<>(List.of(PREFIX, "help", "exit", "quit"));
            first.addAll(commands.keySet());
            return first;
        }
        if (words.isEmpty()) {
            return new ArrayList<>(commands.keySet());
        }
        Entry command = commands.get(words.get(0).toLowerCase(Locale.ROOT));
        if (command != null && words.size() == 1) {
            return command.values();
        }
        return List.of();
    }

    private void help(String name) {
        Entry command = name == null ? null : commands.get(name.toLowerCase(Locale.ROOT));
        if (command != null) {
            out.println(PREFIX + " " + command.name() + " " + command.synopsis());
            out.println("  " + command.help());
            return;
        }
        out.println("Commands (the word 'optimize' may be left out):");
        for (Entry each : commands.values()) {
            out.println(String.format(Locale.ROOT, "  %-44s %s", PREFIX + " " + each.name() + " " + each.synopsis(),
                    each.help()));
        }
        out.println(String.format(Locale.ROOT, "  %-44s %s", "help [command]", "this list, or one command's help"));
        out.println(String.format(Locale.ROOT, "  %-44s %s", "exit | quit", "leave the shell"));
    }

    private static List<String> words(String line) {
        String trimmed = line == null ? "" : line.trim();
        return trimmed.isEmpty() ? List.of() : Arrays.asList(trimmed.split("\\s+"));
    }
}
