package io.autobot.optimizer.samples.bench;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the workload in a child JVM and reads the {@code key=value} lines it prints. */
final class ChildRun {

    /** The settings a child must not inherit from the benchmark's own environment. */
    private static final List<String> GUIDE_VARIABLES = List.of("OPTIMIZATION_LEVEL", "CACHE_STRATEGY",
            "OPTIMIZATION_MAX_WORKERS", "OPTIMIZATION_PARALLEL", "CACHE_SIZE", "DISK_CACHE_PATH", "REQUEST_THROTTLING",
            "MAX_REQUESTS_PER_SECOND", "BATCH_PROCESSING", "BATCH_SIZE", "MAX_BATCH_WAIT_TIME", "JAVA_TOOL_OPTIONS",
            "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS");

    private ChildRun() {
    }

    /**
     * Runs one child JVM to completion.
     *
     * @return the values it printed
     * @throws IllegalStateException with its output when it fails or times out
     */
    static Map<String, String> run(Path agentJar, Map<String, String> env, List<String> workloadArgs, Path workDir,
            long timeoutSeconds) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        if (agentJar != null) {
            command.add("-javaagent:" + agentJar);
        }
        command.add("-cp");
        command.add(classPath());
        command.add("io.autobot.optimizer.samples.app.Launcher");
        command.add("workload");
        command.addAll(workloadArgs);

        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> GUIDE_VARIABLES.contains(name) || name.startsWith("AUTOBOT_"));
        environment.putAll(env);
        Path out = Files.createTempFile(workDir, "child", ".out");
        Path err = Files.createTempFile(workDir, "child", ".err");
        builder.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process process = builder.start();
        Thread reaper = new Thread(process::destroyForcibly, "benchmark-child-reaper"); // if the benchmark is stopped
        Runtime.getRuntime().addShutdownHook(reaper);
        try {
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                throw new IllegalStateException("the workload did not finish in " + timeoutSeconds + " s: " + command
                        + tail(err));
            }
        } finally {
            Runtime.getRuntime().removeShutdownHook(reaper);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("the workload failed with exit code " + process.exitValue() + ": "
                    + command + tail(err));
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
            int equals = line.indexOf('=');
            if (equals > 0 && !line.contains(" ")) {
                values.put(line.substring(0, equals), line.substring(equals + 1));
            }
        }
        values.put("stderr.lines", String.valueOf(Files.readAllLines(err, StandardCharsets.UTF_8).size()));
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
        return values;
    }

    /** This JVM's class path, without agent jars: the sample's classes for the child. */
    private static String classPath() {
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.contains("autobot-agent")) {
                entries.add(Path.of(entry).toAbsolutePath().toString());
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    private static String tail(Path err) throws IOException {
        List<String> lines = Files.readAllLines(err, StandardCharsets.UTF_8);
        return "\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    }
}
