package io.autobot.optimizer.it.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs {@code java -jar autobot-agent.jar <verb> ...} as a process, as a user would. */
public final class AgentCli {

    private AgentCli() {
    }

    /** What one CLI run printed and returned. */
    public record Run(List<String> command, int exitCode, String stdout, String stderr) {

        /** The JSON object printed on stdout. */
        public Map<String, Object> json() {
            return JsonReader.object(stdout);
        }

        @Override
        public String toString() {
            return String.join(" ", command) + "\nexit " + exitCode + "\nstdout:\n" + stdout + "\nstderr:\n" + stderr;
        }
    }

    public static Run run(Object... args) throws IOException, InterruptedException {
        return runWithInput(null, args);
    }

    /** Runs the CLI of another agent jar (a copy, a replaced one). */
    public static Run runJar(Path jar, Object... args) throws IOException, InterruptedException {
        return run(List.of(), null, jar, args);
    }

    /** Runs the CLI with {@code input} as its standard input (null: none). */
    public static Run runWithInput(String input, Object... args) throws IOException, InterruptedException {
        return run(List.of(), input, ChildJvm.agentJar(), args);
    }

    /**
     * Runs the CLI as another user through {@code runuser} (which needs root), or returns null
     * where that is not possible.
     */
    public static Run runAs(String user, Object... args) throws IOException, InterruptedException {
        if (!"root".equals(System.getProperty("user.name")) || !Files.isExecutable(Path.of("/usr/sbin/runuser"))) {
            return null;
        }
        return run(List.of("/usr/sbin/runuser", "-u", user, "--"), null, ChildJvm.agentJar(), args);
    }

    private static Run run(List<String> prefix, String input, Path jar, Object... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(prefix);
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xshare:auto");
        command.add("-XX:TieredStopAtLevel=1"); // a short-lived tool: start fast
        command.add("-jar");
        command.add(jar.toString());
        for (Object arg : args) {
            command.add(String.valueOf(arg));
        }
        Path out = Files.createTempFile("cli-out", ".txt");
        Path err = Files.createTempFile("cli-err", ".txt");
        Path in = Files.createTempFile("cli-in", ".txt");
        try {
            Files.writeString(in, input == null ? "" : input);
            Process process = new ProcessBuilder(command).redirectInput(in.toFile()).redirectOutput(out.toFile())
                    .redirectError(err.toFile()).start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("the CLI timed out: " + command + "\nstdout:\n" + Files.readString(out)
                        + "\nstderr:\n" + Files.readString(err));
            }
            return new Run(command.subList(prefix.size() + 5, command.size()), process.exitValue(),
                    Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
            Files.deleteIfExists(in);
        }
    }
}
