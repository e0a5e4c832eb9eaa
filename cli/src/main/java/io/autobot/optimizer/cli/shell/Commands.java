package io.autobot.optimizer.cli.shell;

import io.autobot.optimizer.protocol.settings.Catalogue;
import io.autobot.optimizer.protocol.settings.SettingDef;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The command tree: every command that acts on a running agent, defined once. The shell
 * ({@link CommandShell}, {@code optimize level aggressive}) runs them from typed lines; the CLI
 * makes each command marked as a verb into {@code java -jar autobot-agent.jar <verb> <pid> ...}
 * with the same arguments, help and output, and prints a command's answer as JSON for
 * {@code --json}. The setting commands ({@code level}, {@code cache}, ...) come from the settings
 * catalogue: a catalogue entry with a verb is a command here without a line of its own.
 */
public final class Commands {

    /** An argument of a command: its label, help, completion values and, for a setting, its catalogue entry. */
    public record Param(String label, String description, List<String> values, SettingDef setting) {
    }

    /**
     * An option of a command, such as {@code --format <json|html>}: given after the arguments, its
     * value reaches the action after them (null when the option is not given).
     */
    public record Option(String name, String label, String description, List<String> values) {
    }

    /** Runs a command: asks the back end, returns the answer (what {@code --json} prints). */
    public interface Action {
        Map<String, Object> run(OptimizerBackend backend, List<String> arguments);
    }

    /** Prints an answer as readable text. */
    public interface Printer {
        void print(PrintWriter out, OptimizerBackend backend, Map<String, Object> answer);
    }

    /**
     * One command.
     *
     * @param verb whether the CLI offers it as a verb too (the shell's {@code set} is the shell's own)
     * @param fleet whether it takes {@code --fleet}: a change that can go to every JVM of the target's fleet
     */
    public record Command(String name, List<Param> params, String help, boolean verb, Action action,
            Printer printer, boolean fleet, List<Option> options) {

        public Command(String name, List<Param> params, String help, boolean verb, Action action, Printer printer) {
            this(name, params, help, verb, action, printer, false, List.of());
        }

        public Command(String name, List<Param> params, String help, boolean verb, Action action, Printer printer,
                boolean fleet) {
            this(name, params, help, verb, action, printer, fleet, List.of());
        }

        /** The argument synopsis, such as {@code <basic|moderate|aggressive>} or {@code <file> [--format <json|html>]}. */
        public String synopsis() {
            List<String> labels = new ArrayList<>();
            for (Param param : params) {
                labels.add(param.label());
            }
            for (Option option : options) {
                labels.add("[" + option.name() + " " + option.label() + "]");
            }
            return String.join(" ", labels);
        }

        /**
         * The words typed after the command as the action takes them: the arguments, then each
         * option's value in the order of {@link #options()} (null when not given).
         *
         * @throws IllegalArgumentException for an option the command does not take or without its value
         */
        public List<String> withOptions(List<String> words) {
            List<String> arguments = new ArrayList<>();
            String[] values = new String[options.size()];
            for (int i = 0; i < words.size(); i++) {
                int option = option(words.get(i));
                if (option < 0) {
                    arguments.add(words.get(i));
                } else if (i + 1 < words.size()) {
                    values[option] = words.get(++i);
                } else {
                    throw new IllegalArgumentException(words.get(i) + " needs a value: " + options.get(option).label());
                }
            }
            arguments.addAll(Arrays.asList(values));
            return arguments;
        }

        private int option(String word) {
            for (int i = 0; i < options.size(); i++) {
                if (options.get(i).name().equalsIgnoreCase(word)) {
                    return i;
                }
            }
            return -1;
        }
    }

    public static final List<String> SCENARIOS = List.of("large_repository_analysis", "real_time_validation",
            "batch_processing", "api_heavy_workload");

    private static final List<Command> ALL = build();

    private Commands() {
    }

    /** Every command, in the contract's order. */
    public static List<Command> all() {
        return ALL;
    }

    /** The command of this name (any case); null if none. */
    public static Command find(String name) {
        for (Command command : ALL) {
            if (command.name().equalsIgnoreCase(name)) {
                return command;
            }
        }
        return null;
    }

    private static List<Command> build() {
        List<Command> commands = new ArrayList<>();
        commands.add(new Command("status", List.of(), "show the current settings and cache statistics", true,
                (backend, args) -> backend.status(),
                (out, backend, answer) -> {
                    out.println("AutoBot Optimizer in " + backend.target());
                    out.print(TextFormat.table(map(answer.get("settings")), "  "));
                    out.println("Cache statistics");
                    out.print(TextFormat.tree(answer.get("cacheStatistics"), "  "));
                }));
        commands.add(new Command("report", List.of(), "show the performance report", true,
                (backend, args) -> answer("report", backend.performanceReport()),
                (out, backend, answer) -> {
                    out.println("Performance report of " + backend.target());
                    out.print(TextFormat.tree(answer.get("report"), "  "));
                }));
        commands.add(new Command("recommendations", List.of(), "show what the agent recommends changing", true,
                (backend, args) -> answer("recommendations", backend.recommendations()),
                (out, backend, answer) -> {
                    List<?> recommendations = (List<?>) answer.get("recommendations");
                    if (recommendations.isEmpty()) {
                        out.println("No recommendations: nothing to change at the moment.");
                    }
                    for (int i = 0; i < recommendations.size(); i++) {
                        out.println((i + 1) + ". " + recommendations.get(i));
                    }
                }));
        for (SettingDef setting : Catalogue.verbs()) {
            commands.add(new Command(setting.verb(), List.of(param(setting)), "set " + setting.doc(), true,
                    (backend, args) -> set(backend, setting.attribute(), args.get(0)), Commands::printSetting, true));
        }
        commands.add(new Command("scenario", List.of(new Param("<name>", "The scenario: " + String.join(", ", SCENARIOS)
                + ".", SCENARIOS, null)), "apply a scenario preset: " + String.join(", ", SCENARIOS), true,
                (backend, args) -> {
                    backend.applyScenario(args.get(0));
                    return answer("scenario", args.get(0), "settings", backend.settings());
                },
                (out, backend, answer) -> {
                    out.println("Scenario " + answer.get("scenario") + " applied:");
                    out.print(TextFormat.table(map(answer.get("settings")), "  "));
                }, true));
        commands.add(new Command("clear-cache", List.of(), "empty every cache tier", true,
                (backend, args) -> {
                    backend.clearCache();
                    return answer("cleared", true);
                },
                (out, backend, answer) -> out.println("Every cache tier is empty."), true));
        commands.add(new Command("export", List.of(new Param("<file>",
                "The file name, such as performance_analysis.json or performance_analysis.html.", List.of(), null)),
                "write the performance data as JSON, or as an HTML page with charts (in the target's export"
                        + " directory, AUTOBOT_EXPORT_DIR)", true,
                (backend, args) -> answer("file", backend.exportPerformanceData(args.get(0),
                        exportFormat(args.size() > 1 ? args.get(1) : null))),
                (out, backend, answer) -> out.println("Performance data written to " + answer.get("file")), false,
                List.of(new Option("--format", "<json|html>", "json (the default), or html: one self-contained page"
                        + " with SVG charts; a file name ending in .html is written as html without it.",
                        EXPORT_FORMATS))));
        commands.add(new Command("discover", List.of(new Param("[--include <pattern>]... [--duration <time>] [--top <n>]"
                + " [--rules-out <file>]", "Options, as for the discover verb.", List.of(), null)),
                "find the methods worth caching: sample, observe the hottest for a window, rank them", false,
                (backend, args) -> Discover.run(backend, Discover.parse(args), message -> { }),
                (out, backend, answer) -> Discover.print(out, answer)));
        commands.add(new Command("set", List.of(new Param("<attribute>", "A writable attribute.",
                Catalogue.statusAttributes(), null), new Param("<value>", "Its new value.", List.of(), null)),
                "set any writable attribute, such as set BatchSize 20", false,
                (backend, args) -> set(backend, attributeName(args.get(0)), args.get(1)), Commands::printSetting,
                true));
        commands.add(new Command("fleet", List.of(), "list the JVMs of the target's fleet from their heartbeats in"
                + " Redis", false,
                (backend, args) -> answer("jvms", FleetTable.rows(backend.fleet())),
                (out, backend, answer) -> FleetTable.print(out, rows(answer.get("jvms")), System.currentTimeMillis())));
        return Collections.unmodifiableList(commands);
    }

    /** What {@code export --format} accepts. */
    public static final List<String> EXPORT_FORMATS = List.of("json", "html");

    /**
     * The export format as the agent takes it: {@code json} or {@code html}, or null when none was
     * given (the agent follows the file name: {@code .html} is HTML, anything else JSON).
     */
    static String exportFormat(String format) {
        if (format == null) {
            return null;
        }
        String lower = format.strip().toLowerCase(Locale.ROOT);
        if (!EXPORT_FORMATS.contains(lower)) {
            throw new IllegalArgumentException("--format '" + format + "' is not a format: expected json or html");
        }
        return lower;
    }

    /** The option that sends a command's change to every JVM of the target's fleet. */
    public static final String FLEET_OPTION = "--fleet";

    /**
     * Runs a command; with {@code fleet}, its changes go through the target's fleet operations
     * ({@link FleetBackend}) and the answer says, under {@code fleet}, what the target published.
     *
     * @throws IllegalArgumentException when {@code fleet} is asked of a command that changes nothing
     */
    public static Map<String, Object> run(Command command, OptimizerBackend backend, List<String> arguments,
            boolean fleet) {
        if (!fleet) {
            return command.action().run(backend, arguments);
        }
        if (!command.fleet()) {
            throw new IllegalArgumentException(command.name() + " takes no " + FLEET_OPTION + ": it changes nothing"
                    + " (" + FLEET_OPTION + " is for the settings, scenario, set and clear-cache)");
        }
        FleetBackend published = new FleetBackend(backend);
        Map<String, Object> answer = new LinkedHashMap<>(command.action().run(published, arguments));
        answer.put("fleet", published.published());
        return answer;
    }

    /** Prints a command's answer, then what it published to the fleet, if anything. */
    public static void print(Command command, PrintWriter out, OptimizerBackend backend, Map<String, Object> answer) {
        command.printer().print(out, backend, answer);
        if (answer.get("fleet") instanceof List) {
            for (Object line : (List<?>) answer.get("fleet")) {
                out.println("Fleet: " + line);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rows(Object value) {
        return value instanceof List ? (List<Map<String, Object>>) value : List.of();
    }

    /** How many words a command takes; -1 for any number (a command whose first argument is optional, {@code [...]}). */
    public static int arity(Command command) {
        return !command.params().isEmpty() && command.params().get(0).label().startsWith("[") ? -1
                : command.params().size();
    }

    /** The argument of a setting's command, from its catalogue entry. */
    private static Param param(SettingDef setting) {
        boolean choice = !setting.choices().isEmpty();
        String label = choice ? "<" + String.join("|", setting.choices()) + ">" : "<n>";
        String description = choice ? oneOf(setting.choices()) + "." : capitalized(setting.accepted()) + ".";
        return new Param(label, description, setting.choices(), setting);
    }

    /** {@code basic, moderate or aggressive}. */
    private static String oneOf(List<String> choices) {
        int last = choices.size() - 1;
        return last == 0 ? choices.get(0) : String.join(", ", choices.subList(0, last)) + " or " + choices.get(last);
    }

    private static Map<String, Object> set(OptimizerBackend backend, String attribute, String value) {
        backend.set(attribute, value);
        Object now = backend.settings().get(attribute);
        return answer("attribute", attribute, "value", now == null ? value : now);
    }

    private static void printSetting(PrintWriter out, OptimizerBackend backend, Map<String, Object> answer) {
        out.println(answer.get("attribute") + " = " + TextFormat.value(answer.get("value")));
    }

    /** An attribute name in any case, as the bean spells it. */
    private static String attributeName(String attribute) {
        SettingDef setting = Catalogue.byAttribute(attribute);
        return setting == null ? attribute : setting.attribute();
    }

    /** The text with its first letter in upper case (a help line as a sentence). */
    public static String capitalized(String text) {
        return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
    }

    private static Map<String, Object> answer(Object... keysAndValues) {
        Map<String, Object> answer = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            answer.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return answer;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> map(Object value) {
        return value instanceof Map ? (Map<String, ?>) value : Map.of();
    }
}
