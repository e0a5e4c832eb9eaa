package io.autobot.optimizer.api.shell;

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
 * The interactive commands of the guide ({@code optimize level aggressive},
 * {@code optimize status}, ...) over an {@link OptimizerBackend}. One implementation serves the
 * CLI's {@code shell <pid>} (a remote JVM, with a line editor) and a host's own interactive mode
 * (this JVM, over a plain reader): it depends on nothing but the back end and a writer.
 */
public final class CommandShell {

    /** The prompt. */
    public static final String PROMPT = "AutoBot> ";
    public static final List<String> LEVELS = List.of("basic", "moderate", "aggressive");
    public static final List<String> STRATEGIES = List.of("memory", "disk", "hybrid");
    public static final List<String> SCENARIOS = List.of("large_repository_analysis", "real_time_validation",
            "batch_processing", "api_heavy_workload");

    private static final String PREFIX = "optimize";
    private static final int FREE_TEXT = -1;

    /** What a command does with its arguments. */
    private interface Action {
        void run(List<String> arguments);
    }

    /** One command: its name, argument synopsis, one-line help, completion values, arity and action. */
    private record Command(String name, String synopsis, String help, List<String> values, int arity,
            Action action) {
    }

    private final OptimizerBackend backend;
    private final PrintWriter out;
    private final Map<String, Command> commands = new LinkedHashMap<>();
    private boolean targetGone;

    public CommandShell(OptimizerBackend backend, PrintWriter out) {
        this.backend = backend;
        this.out = out;
        add("status", "", "show the current settings and cache statistics", List.of(), 0, args -> status());
        add("report", "", "show the performance report", List.of(), 0, args -> report());
        add("recommendations", "", "show what the agent recommends changing", List.of(), 0, args -> recommendations());
        add("level", "<" + String.join("|", LEVELS) + ">", "set the optimization level", LEVELS, 1,
                args -> set("OptimizationLevel", args.get(0)));
        add("cache", "<" + String.join("|", STRATEGIES) + ">", "set the cache strategy", STRATEGIES, 1,
                args -> set("CacheStrategy", args.get(0)));
        add("workers", "<n>", "set the maximum number of worker threads (OPTIMIZATION_MAX_WORKERS)", List.of(), 1,
                args -> set("MaxWorkers", args.get(0)));
        add("rate", "<n>", "set the maximum requests per second (MAX_REQUESTS_PER_SECOND)", List.of(), 1,
                args -> set("MaxRequestsPerSecond", args.get(0)));
        add("scenario", "<name>", "apply a scenario preset: " + String.join(", ", SCENARIOS), SCENARIOS, 1,
                args -> scenario(args.get(0)));
        add("clear-cache", "", "empty every cache tier", List.of(), 0, args -> clearCache());
        add("export", "<file>", "write the performance data as JSON (in the target's export directory)", List.of(), 1,
                args -> export(args.get(0)));
        add("set", "<attribute> <value>", "set any writable attribute, such as set BatchSize 20", MBeanBackend.SETTINGS,
                2, args -> set(args.get(0), args.get(1)));
    }

    private void add(String name, String synopsis, String help, List<String> values, int arity, Action action) {
        commands.put(name, new Command(name, synopsis, help, values, arity, action));
    }

    /**
     * Adds a command of the host's own that takes the rest of the line as free text, such as the
     * sample application's {@code generate <prompt>}.
     *
     * @return this shell
     */
    public CommandShell addCommand(String name, String synopsis, String help, Consumer<String> action) {
        add(name, synopsis, help, List.of(), FREE_TEXT, args -> action.accept(String.join(" ", args)));
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
        Command command = commands.get(rest.get(0).toLowerCase(Locale.ROOT));
        if (command == null) {
            throw new UsageException("unknown command '" + String.join(" ", words) + "': type help for the list");
        }
        List<String> arguments = rest.subList(1, rest.size());
        if (command.arity() != FREE_TEXT && arguments.size() != command.arity()) {
            throw new UsageException("usage: " + PREFIX + " " + command.name() + " " + command.synopsis());
        }
        command.action().run(arguments);
        out.flush();
        return true;
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
        Command command = commands.get(words.get(0).toLowerCase(Locale.ROOT));
        if (command != null && words.size() == 1) {
            return command.values();
        }
        return List.of();
    }

    private void help(String name) {
        Command command = name == null ? null : commands.get(name.toLowerCase(Locale.ROOT));
        if (command != null) {
            out.println(PREFIX + " " + command.name() + " " + command.synopsis());
            out.println("  " + command.help());
            return;
        }
        out.println("Commands (the word 'optimize' may be left out):");
        for (Command each : commands.values()) {
            out.println(String.format(Locale.ROOT, "  %-44s %s", PREFIX + " " + each.name() + " " + each.synopsis(),
                    each.help()));
        }
        out.println(String.format(Locale.ROOT, "  %-44s %s", "help [command]", "this list, or one command's help"));
        out.println(String.format(Locale.ROOT, "  %-44s %s", "exit | quit", "leave the shell"));
    }

    // Each command asks the back end for everything before it prints, so a failure prints nothing but its line.

    private void status() {
        Map<String, Object> settings = backend.settings();
        Map<String, Object> cache = backend.cacheStatistics();
        out.println("AutoBot Optimizer in " + backend.target());
        out.print(TextFormat.table(settings, "  "));
        out.println("Cache statistics");
        out.print(TextFormat.tree(cache, "  "));
    }

    private void report() {
        Map<String, Object> report = backend.performanceReport();
        out.println("Performance report of " + backend.target());
        out.print(TextFormat.tree(report, "  "));
    }

    private void recommendations() {
        List<String> recommendations = backend.recommendations();
        if (recommendations.isEmpty()) {
            out.println("No recommendations: nothing to change at the moment.");
        }
        for (int i = 0; i < recommendations.size(); i++) {
            out.println((i + 1) + ". " + recommendations.get(i));
        }
    }

    private void set(String attribute, String value) {
        String name = attributeName(attribute);
        backend.set(name, value);
        Object now = backend.settings().get(name);
        out.println(name + " = " + (now == null ? value : TextFormat.value(now)));
    }

    /** Accepts an attribute name in any case. */
    private static String attributeName(String attribute) {
        for (String name : MBeanBackend.SETTINGS) {
            if (name.equalsIgnoreCase(attribute)) {
                return name;
            }
        }
        return attribute;
    }

    private void scenario(String name) {
        backend.applyScenario(name);
        Map<String, Object> settings = backend.settings();
        out.println("Scenario " + name + " applied:");
        out.print(TextFormat.table(settings, "  "));
    }

    private void clearCache() {
        backend.clearCache();
        out.println("Every cache tier is empty.");
    }

    private void export(String file) {
        out.println("Performance data written to " + backend.exportPerformanceData(file));
    }

    private static List<String> words(String line) {
        String trimmed = line == null ? "" : line.trim();
        return trimmed.isEmpty() ? List.of() : Arrays.asList(trimmed.split("\\s+"));
    }
}
