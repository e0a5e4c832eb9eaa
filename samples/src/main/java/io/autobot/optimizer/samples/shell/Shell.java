package io.autobot.optimizer.samples.shell;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The guide's interactive mode: an {@code AutoBot> } prompt that reads one command per line.
 * It knows {@code optimize ...} (through an {@link OptimizerControl}), {@code help} and
 * {@code exit}; a host adds its own commands (the sample adds {@code generate <prompt>}).
 * JDK types only, so that the CLI can share it.
 */
public final class Shell {

    /** The prompt, as in the guide. */
    public static final String PROMPT = "AutoBot> ";

    private static final List<String> SCENARIOS = List.of("large_repository_analysis", "real_time_validation",
            "batch_processing", "api_heavy_workload");

    private final OptimizerControl control;
    private final PrintStream out;
    private final Map<String, Entry> commands = new LinkedHashMap<>();
    private final Map<String, Entry> optimize = new LinkedHashMap<>();

    public Shell(OptimizerControl control, PrintStream out) {
        this.control = control;
        this.out = out;
        addOptimizeCommands();
    }

    /** Adds a host command; {@code usage} is shown by {@code help}. */
    public Shell command(String name, String usage, Command command) {
        commands.put(name, new Entry(usage, command));
        return this;
    }

    /** Reads commands until {@code exit} or the end of the input. */
    public void run(BufferedReader in) throws IOException {
        out.println("AutoBot interactive mode (" + control.target() + "); type 'help' for the commands, 'exit' to leave");
        while (true) {
            out.print(PROMPT);
            out.flush();
            String line = in.readLine();
            if (line == null || !execute(line)) {
                out.println();
                return;
            }
        }
    }

    /**
     * Runs one command line; returns false when it asks to leave. Failures are printed as one
     * line and the shell goes on.
     */
    public boolean execute(String line) {
        String trimmed = line.trim();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
            return true;
        }
        String name = head(trimmed).toLowerCase(Locale.ROOT);
        String argument = tail(trimmed);
        switch (name) {
            case "exit", "quit" -> {
                return false;
            }
            case "help" -> help();
            case "optimize" -> dispatch(optimize, "optimize ", argument);
            default -> {
                Entry entry = commands.get(name);
                if (entry == null) {
                    out.println("unknown command '" + name + "'; type 'help' for the commands");
                } else {
                    runSafely(entry.command(), argument);
                }
            }
        }
        return true;
    }

    private void dispatch(Map<String, Entry> table, String prefix, String line) {
        String name = head(line).toLowerCase(Locale.ROOT);
        Entry entry = table.get(name);
        if (entry == null) {
            out.println("usage: " + prefix + String.join("|", table.keySet()));
            return;
        }
        runSafely(entry.command(), tail(line));
    }

    private void runSafely(Command command, String argument) {
        try {
            command.run(argument, out);
        } catch (IllegalArgumentException | IllegalStateException | UnsupportedOperationException e) {
            out.println("error: " + e.getMessage());
        } catch (Exception e) {
            out.println("error: " + e);
        }
    }

    private void addOptimizeCommands() {
        optimize.put("level", new Entry("optimize level [basic|moderate|aggressive]", (argument, out) -> {
            if (!argument.isEmpty()) {
                control.setOptimizationLevel(argument);
            }
            out.println("optimization level: " + control.optimizationLevel());
        }));
        optimize.put("cache", new Entry("optimize cache [memory|disk|hybrid]", (argument, out) -> {
            if (!argument.isEmpty()) {
                control.setCacheStrategy(argument);
            }
            out.println("cache strategy: " + control.cacheStrategy());
        }));
        optimize.put("status", new Entry("optimize status", (argument, out) -> {
            out.println("optimization level: " + control.optimizationLevel());
            out.println("cache strategy: " + control.cacheStrategy());
            ReportFormat.print(control.cacheStatistics(), out, 0);
        }));
        optimize.put("report", new Entry("optimize report",
                (argument, out) -> ReportFormat.print(control.performanceReport(), out, 0)));
        optimize.put("recommendations", new Entry("optimize recommendations", (argument, out) -> {
            List<String> recommendations = control.recommendations();
            if (recommendations.isEmpty()) {
                out.println("no recommendations");
            }
            recommendations.forEach(recommendation -> out.println("- " + recommendation));
        }));
        optimize.put("clear-cache", new Entry("optimize clear-cache", (argument, out) -> {
            control.clearCache();
            out.println("every cache tier is empty");
        }));
        optimize.put("scenario", new Entry("optimize scenario <" + String.join("|", SCENARIOS) + ">",
                (argument, out) -> {
                    if (argument.isEmpty()) {
                        throw new IllegalArgumentException("name a scenario: one of " + SCENARIOS);
                    }
                    control.applyScenario(argument);
                    out.println("scenario " + argument + " applied: level " + control.optimizationLevel()
                            + ", cache " + control.cacheStrategy());
                }));
        optimize.put("export", new Entry("optimize export <file.json>", (argument, out) -> {
            if (argument.isEmpty()) {
                throw new IllegalArgumentException("name the file to write, such as performance_debug.json");
            }
            out.println("performance data written to " + control.exportPerformanceData(argument));
        }));
    }

    private void help() {
        for (Entry entry : commands.values()) {
            out.println("  " + entry.usage());
        }
        for (Entry entry : optimize.values()) {
            out.println("  " + entry.usage());
        }
        out.println("  help");
        out.println("  exit");
    }

    private static String head(String line) {
        int space = line.indexOf(' ');
        return space < 0 ? line : line.substring(0, space);
    }

    private static String tail(String line) {
        int space = line.indexOf(' ');
        return space < 0 ? "" : line.substring(space + 1).trim();
    }

    private record Entry(String usage, Command command) {
    }
}
