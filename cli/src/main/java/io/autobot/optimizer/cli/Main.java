package io.autobot.optimizer.cli;

import java.io.PrintWriter;
import io.autobot.optimizer.cli.shell.Commands;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * {@code java -jar autobot-agent.jar <verb>}: the command line of the agent jar. Every error is
 * one line on stderr; the exit code is 0 for success, 1 for a failure, 2 for a usage error.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8)));
    }

    /** Runs the CLI and returns its exit code. */
    static int run(String[] args, PrintWriter out, PrintWriter err) {
        String named = verbNamed(args);
        EarlyConnection early = EarlyConnection.start(named, args);
        try {
            return run(args, out, err, named, early);
        } finally {
            early.closeUnused();
        }
    }

    private static int run(String[] args, PrintWriter out, PrintWriter err, String named, EarlyConnection early) {
        Cli cli = new Cli(out, err, early);
        CommandLine commandLine = new CommandLine(cli);
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                return type == Cli.class ? type.cast(cli) : CommandLine.defaultFactory().create(type);
            }
        };
        addMethodVerbs(commandLine, factory, named == null ? Cli.BEFORE_TREE : only(named, Cli.BEFORE_TREE));
        for (Commands.Command command : Commands.all()) {
            if (command.verb() && (named == null || command.name().equals(named))) {
                commandLine.addSubcommand(verb(cli, command));
            }
        }
        addMethodVerbs(commandLine, factory, named == null ? Cli.AFTER_TREE : only(named, Cli.AFTER_TREE));
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setParameterExceptionHandler((problem, arguments) -> {
            err.println("error: " + UsageErrors.describe(problem, commandLine));
            return CliException.USAGE;
        });
        commandLine.setExecutionExceptionHandler((failure, verb, parseResult) -> {
            if (failure instanceof CliException) {
                err.println("error: " + UsageErrors.oneLine(failure.getMessage()));
                return ((CliException) failure).exitCode();
            }
            Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
            if (cause instanceof NoClassDefFoundError && String.valueOf(cause.getMessage()).contains("tools/attach")) {
                err.println("error: this Java runtime has no Attach API (module jdk.attach): run the CLI with the java"
                        + " of a JDK");
            } else {
                err.println("error: " + UsageErrors.oneLine(String.valueOf(cause)));
            }
            return CliException.FAILURE;
        });
        if (args.length == 0) {
            commandLine.usage(out);
            return 0;
        }
        return commandLine.execute(args);
    }

    /**
     * The verb the command line runs, when it names one: then only that verb is built (a verb's
     * run needs none of the others' models, and building them all is much of a run's start).
     * Null for anything else (no verb, {@code help}, an unknown word): the whole tree, whose
     * usage and errors list every verb.
     */
    static String verbNamed(String[] args) {
        for (String arg : args) {
            if (!arg.startsWith("-")) {
                return isVerb(arg) ? arg : null;
            }
        }
        return null;
    }

    private static boolean isVerb(String word) {
        if (Cli.BEFORE_TREE.contains(word) || Cli.AFTER_TREE.contains(word)) {
            return true;
        }
        Commands.Command command = Commands.find(word);
        return command != null && command.verb() && command.name().equals(word);
    }

    private static List<String> only(String verb, List<String> verbs) {
        return verbs.contains(verb) ? List.of(verb) : List.of();
    }

    private static void addMethodVerbs(CommandLine commandLine, CommandLine.IFactory factory, List<String> verbs) {
        if (verbs.isEmpty()) {
            return;
        }
        List<Method> methods = CommandLine.getCommandMethods(Cli.class, null);
        for (String verb : verbs) {
            for (Method method : methods) {
                if (method.getAnnotation(CommandLine.Command.class).name().equals(verb)) {
                    commandLine.addSubcommand(new CommandLine(method, factory));
                }
            }
        }
    }

    /** A command of the tree as a verb: {@code <verb> <pid> <its arguments>}, with the command's help. */
    private static CommandLine verb(Cli cli, Commands.Command command) {
        CommandSpec[] self = new CommandSpec[1];
        CommandSpec spec = CommandSpec.wrapWithoutInspection((Callable<Integer>) () -> {
            List<PositionalParamSpec> values = self[0].positionalParameters();
            List<String> arguments = new ArrayList<>();
            for (int i = 1; i < values.size(); i++) {
                arguments.add(values.get(i).getValue());
            }
            for (Commands.Option option : command.options()) {
                arguments.add(self[0].findOption(option.name()).getValue()); // null when not given
            }
            boolean fleet = command.fleet()
                    && Boolean.TRUE.equals(self[0].findOption(Commands.FLEET_OPTION).getValue());
            return cli.run(command, Targets.pid(values.get(0).<String>getValue()), arguments, fleet);
        });
        self[0] = spec;
        spec.name(command.name()).mixinStandardHelpOptions(true);
        String description = Commands.capitalized(command.help());
        for (Commands.Param param : command.params()) {
            if (param.setting() != null) {
                description += " (" + param.setting().environmentVariable() + ")";
            }
        }
        spec.usageMessage().description(description + ".");
        spec.addPositional(PositionalParamSpec.builder().index("0").arity("1").required(true).paramLabel("<pid>")
                .type(String.class).description(Cli.PID_HELP).build());
        for (int i = 0; i < command.params().size(); i++) {
            Commands.Param param = command.params().get(i);
            String label = param.setting() == null ? param.label() : "<" + param.setting().verbArgument() + ">";
            spec.addPositional(PositionalParamSpec.builder().index(String.valueOf(i + 1)).arity("1").required(true)
                    .paramLabel(label).type(String.class).description(param.description()).build());
        }
        for (Commands.Option option : command.options()) {
            spec.addOption(OptionSpec.builder(option.name()).arity("1").type(String.class).paramLabel(option.label())
                    .completionCandidates(option.values()).description(option.description()).build());
        }
        if (command.fleet()) {
            spec.addOption(OptionSpec.builder(Commands.FLEET_OPTION).arity("0").type(boolean.class)
                    .description("Also apply it to every JVM of the target's fleet (the agents sharing its Redis,"
                            + " docs/fleet.md): the target publishes the change and each applies it.").build());
        }
        return new CommandLine(spec);
    }
}
