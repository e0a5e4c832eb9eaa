package io.autobot.optimizer.cli;

import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

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
        Cli cli = new Cli(out, err);
        CommandLine commandLine = new CommandLine(cli);
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                return type == Cli.class ? type.cast(cli) : CommandLine.defaultFactory().create(type);
            }
        };
        for (String verb : Cli.VERBS) {
            for (Method method : CommandLine.getCommandMethods(Cli.class, null)) {
                if (method.getAnnotation(CommandLine.Command.class).name().equals(verb)) {
                    commandLine.addSubcommand(new CommandLine(method, factory));
                }
            }
        }
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setParameterExceptionHandler((problem, arguments) -> {
            CommandLine verb = problem.getCommandLine();
            String help = verb == commandLine ? "" : " " + verb.getCommandName();
            err.println("error: " + oneLine(problem.getMessage()) + " (see 'java -jar autobot-agent.jar help"
                    + help + "')");
            return CliException.USAGE;
        });
        commandLine.setExecutionExceptionHandler((failure, verb, parseResult) -> {
            if (failure instanceof CliException) {
                err.println("error: " + oneLine(failure.getMessage()));
                return ((CliException) failure).exitCode();
            }
            Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
            if (cause instanceof NoClassDefFoundError && String.valueOf(cause.getMessage()).contains("tools/attach")) {
                err.println("error: this Java runtime has no Attach API (module jdk.attach): run the CLI with the java"
                        + " of a JDK");
            } else {
                err.println("error: " + oneLine(String.valueOf(cause)));
            }
            return CliException.FAILURE;
        });
        if (args.length == 0) {
            commandLine.usage(out);
            return 0;
        }
        return commandLine.execute(args);
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s*\\R\\s*", " ").trim();
    }
}
