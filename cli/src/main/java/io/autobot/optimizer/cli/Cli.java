package io.autobot.optimizer.cli;

import com.sun.tools.attach.VirtualMachine;
import com.sun.tools.attach.VirtualMachineDescriptor;
import io.autobot.optimizer.protocol.attach.AttachProtocol;
import io.autobot.optimizer.protocol.attach.AttachResult;
import io.autobot.optimizer.api.AgentNotAttachedException;
import io.autobot.optimizer.cli.fleet.FleetDirectory;
import io.autobot.optimizer.cli.shell.Commands;
import io.autobot.optimizer.protocol.settings.SettingDef;
import io.autobot.optimizer.cli.shell.TargetUnavailableException;
import io.autobot.optimizer.protocol.json.Json;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ScopeType;

/**
 * The verbs of {@code java -jar autobot-agent.jar}. Each talks to one JVM, named by its process
 * id, through the Attach API and the agent's MXBeans. Output is readable text (the same the shell
 * prints) or, with {@code --json}, one JSON object for scripts.
 */
@Command(name = "java -jar autobot-agent.jar", mixinStandardHelpOptions = true, versionProvider = Cli.Versions.class,
        scope = ScopeType.INHERIT, addMethodSubcommands = false,
        synopsisSubcommandLabel = "<verb>", subcommands = picocli.CommandLine.HelpCommand.class,
        description = {"Attach AutoBot Optimizer to a running JVM, tune it live, read its report, detach it.",
            "Exit codes: 0 success, 1 failure, 2 usage (unknown verb, missing or invalid value)."},
        footer = {"", "'help <verb>' shows one verb's help. See docs/cli.md."})
final class Cli {

    /**
     * The verbs written as methods here, that act on processes rather than on a running agent:
     * the usage lists them around the verbs of the command tree ({@link Commands}), in the
     * contract's order.
     */
    static final List<String> BEFORE_TREE = List.of("list", "fleet", "attach");
    static final List<String> AFTER_TREE = List.of("discover", "detach", "shell");

    @Option(names = "--json", scope = ScopeType.INHERIT, description = "Print one JSON object (for scripts).")
    boolean json;

    /** How every verb's {@code <pid>} is described. */
    static final String PID_HELP = "The process id of the JVM, or its main class or jar name (or a part of it) as"
            + " 'list' shows it.";

    private final PrintWriter out;
    private final PrintWriter err;
    private final EarlyConnection early;

    Cli(PrintWriter out, PrintWriter err, EarlyConnection early) {
        this.out = out;
        this.err = err;
        this.early = early;
    }

    @Command(name = "list", description = "List the JVMs on this machine that can be attached to.")
    int list(@Option(names = {"-a", "--agents"},
            description = "Also attach to each JVM to tell whether the agent runs there, and its version.")
            boolean agents) {
        List<Map<String, Object>> rows = new ArrayList<>();
        long self = ProcessHandle.current().pid();
        for (VirtualMachineDescriptor descriptor : VirtualMachine.list()) {
            if (descriptor.id().equals(String.valueOf(self))) {
                continue;
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("pid", Long.parseLong(descriptor.id()));
            row.put("name", descriptor.displayName());
            rows.add(row);
        }
        if (agents) {
            AgentProbe.probe(rows);
        }
        if (json) {
            out.println(Json.compact(Map.of("jvms", rows)));
            return 0;
        }
        for (Map<String, Object> row : rows) {
            String agent = agents ? String.format("%-22s", "agent " + row.get("agent")) : "";
            out.println(String.format("%-8s %s%s", row.get("pid"), agent, row.get("name")));
        }
        if (rows.isEmpty()) {
            out.println("No other JVM of user " + System.getProperty("user.name") + " runs on this machine.");
        }
        return 0;
    }

    @Command(name = "attach", description = {"Load the agent into a running JVM; it instruments the annotated and"
            + " rule-selected methods of the classes already loaded and of those that load later.",
        "Attaching again applies the given settings to the agent already there."})
    int attach(@Parameters(paramLabel = "<pid>", description = PID_HELP) String target,
            @Parameters(paramLabel = "<settings>", arity = "0..*", description = {"Settings as key=value, such as"
                + " level=aggressive cache=memory rules=app.rules (docs/configuration.md, docs/attach.md)."})
            List<String> settings) {
        String arguments = AttachArguments.check(settings);
        long pid = Targets.pid(target);
        AgentInstaller.Outcome outcome = AgentInstaller.attach(pid, arguments);
        AttachResult result = outcome.result();
        if (result.status() == AttachResult.Status.FAILED) {
            throw CliException.failure("the agent could not start in process " + pid + ": "
                    + String.join("; ", result.problems()));
        }
        if (json) {
            Map<String, Object> answer = answer(pid);
            answer.put("status", statusId(result));
            answer.put("version", result.version());
            answer.put("instrumented", result.instrumented());
            answer.put("applied", result.applied());
            answer.put("problems", result.problems());
            answer.put("warnings", outcome.notes());
            out.println(Json.compact(answer));
        } else {
            if (result.status() == AttachResult.Status.STARTED) {
                out.println("AutoBot Optimizer " + result.version() + " attached to process " + pid + ".");
            } else {
                out.println("AutoBot Optimizer " + result.version() + " is already attached to process " + pid + "; "
                        + (result.applied().isEmpty() ? "no setting given to change."
                                : "applied " + String.join(", ", result.applied()) + "."));
            }
            out.println("Instrumented " + result.instrumented().size() + " method"
                    + (result.instrumented().size() == 1 ? "" : "s") + (result.instrumented().isEmpty() ? "" : ":"));
            result.instrumented().forEach(method -> out.println("  " + method));
        }
        outcome.notes().forEach(note -> err.println("warning: " + note));
        return problems(result.problems(), pid);
    }

    /**
     * Prints what the agent could not apply (a rule, a setting), one {@code error:} line each, and
     * gives the exit code: a failure when there was any, for what was asked is not all in force.
     */
    private int problems(List<String> problems, long pid) {
        problems.forEach(problem -> err.println("error: " + problem));
        if (problems.isEmpty()) {
            return 0;
        }
        err.println("error: what the " + (problems.size() == 1 ? "line" : problems.size() + " lines") + " above"
                + " name" + (problems.size() == 1 ? "s" : "") + " is not in force in process " + pid
                + "; everything else is");
        return CliException.FAILURE;
    }

    @Command(name = "discover", description = {"Find the methods worth caching in a JVM: JFR execution samples show"
            + " where the time goes, temporary observing advice on the hottest methods measures their cost, how"
            + " often their arguments recur and whether equal arguments give equal results; every temporary change"
            + " is removed when the window ends (or this command dies). See docs/discovery.md.",
        "Attaches the agent for the window when it does not run there, and detaches it again afterwards."})
    int discover(@Parameters(paramLabel = "<pid>", description = PID_HELP) String target,
            @Option(names = "--include", paramLabel = "<pattern>", description = {"Classes to look at: a class or"
                + " package name (com.acme), * for any characters but a dot, ** for any (com.acme.**); repeatable.",
                "Default: every class outside the JDK, the agent and common libraries."}) List<String> includes,
            @Option(names = "--duration", paramLabel = "<time>", defaultValue = "30s",
                description = "The window, from 3s to 30m (default 30s): a third sampling, the rest observing.")
            String duration,
            @Option(names = "--top", paramLabel = "<n>", defaultValue = "10",
                description = "How many methods to observe and rank, 1 to 50 (default 10).") String top,
            @Option(names = "--rules-out", paramLabel = "<file>",
                description = "Write the suggestions as a rules file (docs/attach.md), evidence in comments.")
            java.nio.file.Path rulesOut) {
        long pid = Targets.pid(target);
        io.autobot.optimizer.cli.shell.Discover.Request request;
        try {
            request = new io.autobot.optimizer.cli.shell.Discover.Request(includes == null ? List.of() : includes,
                    duration, io.autobot.optimizer.cli.shell.Discover.parseTop(top), rulesOut);
        } catch (IllegalArgumentException e) {
            throw CliException.invalidValue(e.getMessage());
        }
        boolean attachedHere = false;
        if (!AgentProbe.running(pid)) {
            // for discovery only: no scan of the loaded classes, nothing instrumented, no management extras
            String arguments = AttachProtocol.COMMAND_KEY + "=" + AttachProtocol.DISCOVERY_COMMAND;
            AttachResult result = AgentInstaller.attach(pid, arguments).result();
            if (result.status() == AttachResult.Status.FAILED) {
                throw CliException.failure("the agent could not start in process " + pid + ": "
                        + String.join("; ", result.problems()));
            }
            attachedHere = result.status() == AttachResult.Status.STARTED;
        }
        try (AgentConnection connection = AgentConnection.open(pid)) {
            Map<String, Object> answer = io.autobot.optimizer.cli.shell.Discover.run(connection.backend(), request, pid,
                    line -> {
                        if (!json) {
                            err.println(line);
                            err.flush();
                        }
                    });
            if (json) {
                Map<String, Object> document = answer(pid);
                document.putAll(answer);
                out.println(Json.compact(document));
            } else {
                io.autobot.optimizer.cli.shell.Discover.print(out, answer);
            }
            out.flush();
            return 0;
        } catch (TargetUnavailableException | UnsupportedOperationException | IllegalStateException
                | java.io.UncheckedIOException e) {
            throw CliException.failure(e.getMessage());
        } catch (IllegalArgumentException e) {
            throw CliException.invalidValue(e.getMessage());
        } finally {
            if (attachedHere) {
                AgentInstaller.endDiscovery(pid);
            }
        }
    }

    @Command(name = "fleet", description = {"List the JVMs of a fleet (the agents sharing one Redis) from the"
            + " heartbeats each keeps in Redis: host, pid, version, level, cache strategy, hit rate, calls/s, last"
            + " seen. See docs/fleet.md."})
    int fleet(@Option(names = "--redis", paramLabel = "<url>", description = {"The fleet's Redis:"
            + " redis://[user:password@]host[:port][/database] or rediss://... (TLS).",
        "Default: AUTOBOT_REDIS_URL. The password is never printed."}) String redis) {
        String url = redis != null ? redis : System.getenv("AUTOBOT_REDIS_URL");
        if (url == null || url.isBlank()) {
            throw CliException.invalidValue("no Redis to read the fleet from: give --redis <url> or set"
                    + " AUTOBOT_REDIS_URL (redis://[user:password@]host[:port][/database] or rediss://...)");
        }
        FleetDirectory directory;
        List<Map<String, Object>> rows;
        try {
            directory = FleetDirectory.of(url);
        } catch (IllegalArgumentException e) {
            throw CliException.invalidValue(e.getMessage());
        }
        try {
            rows = io.autobot.optimizer.cli.shell.FleetTable.rows(directory.heartbeats());
        } catch (IllegalStateException e) {
            throw CliException.failure(e.getMessage());
        }
        if (json) {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("redis", directory.shown());
            document.put("jvms", rows);
            out.println(Json.compact(document));
        } else {
            out.println("Fleet on " + directory.shown() + ":");
            io.autobot.optimizer.cli.shell.FleetTable.print(out, rows, System.currentTimeMillis());
        }
        return 0;
    }

    @Command(name = "detach", description = {"Stop the agent in a JVM: every method gets its original code back,"
            + " the agent's threads stop, memory caches are dropped; the disk cache files are kept.",
        "Attaching again later starts afresh."})
    int detach(@Parameters(paramLabel = "<pid>", description = PID_HELP) String target) {
        long pid = Targets.pid(target);
        AttachResult result = AgentInstaller.detach(pid);
        if (result.status() == AttachResult.Status.FAILED) {
            throw CliException.failure("the agent could not be detached from process " + pid + ": "
                    + String.join("; ", result.problems()));
        }
        if (json) {
            Map<String, Object> answer = answer(pid);
            answer.put("status", statusId(result));
            out.println(Json.compact(answer));
        } else if (result.status() == AttachResult.Status.DETACHED) {
            out.println("AutoBot Optimizer detached from process " + pid + ": original code restored, memory caches"
                    + " dropped, disk cache kept.");
        } else {
            out.println("AutoBot Optimizer was not running in process " + pid + ".");
        }
        return 0;
    }

    @Command(name = "shell", description = {"Open the interactive shell (prompt 'AutoBot> ') on a JVM; type help"
            + " there for its commands (optimize level aggressive, optimize status, ...).",
        "History and tab completion on a terminal; reads plain lines from a pipe."})
    int shell(@Parameters(paramLabel = "<pid>", description = PID_HELP) String target) {
        long pid = Targets.pid(target);
        try (AgentConnection connection = AgentConnection.open(pid)) {
            return new ShellSession(connection.backend(), pid).run();
        }
    }

    /**
     * Runs a command of the tree against the agent in {@code pid}: its arguments are checked
     * first (a setting's with the settings catalogue, before connecting), then the answer is
     * printed as the shell prints it, or as JSON with {@code --json}.
     */
    int run(Commands.Command command, long pid, List<String> arguments, boolean fleet) {
        List<String> checked = new ArrayList<>();
        for (int i = 0; i < arguments.size(); i++) {
            // after the arguments come the options' values (export --format), which no setting checks
            SettingDef setting = i < command.params().size() ? command.params().get(i).setting() : null;
            checked.add(setting == null ? arguments.get(i) : AttachArguments.checkValue(setting, arguments.get(i)));
        }
        try (AgentConnection connection = early.open(pid)) {
            Map<String, Object> answer = Commands.run(command, connection.backend(), checked, fleet);
            if (json) {
                Map<String, Object> document = answer(pid);
                document.putAll(answer);
                out.println(Json.compact(document));
            } else {
                Commands.print(command, out, connection.backend(), answer);
                out.flush();
            }
            return 0;
        } catch (AgentNotAttachedException | TargetUnavailableException | UnsupportedOperationException e) {
            throw CliException.failure(e.getMessage());
        } catch (IllegalArgumentException e) {
            throw CliException.invalidValue(e.getMessage());
        } catch (IllegalStateException e) {
            throw CliException.failure(e.getMessage());
        }
    }

    private static Map<String, Object> answer(long pid) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("pid", pid);
        return answer;
    }

    private static String statusId(AttachResult result) {
        return result.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** {@code --version}. */
    static final class Versions implements IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Cli.class.getPackage().getImplementationVersion();
            return new String[] {"AutoBot Optimizer " + (version == null ? "dev" : version)};
        }
    }
}
