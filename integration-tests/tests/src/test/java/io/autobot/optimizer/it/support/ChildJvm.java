package io.autobot.optimizer.it.support;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Starts a host program in a child JVM, optionally with the agent jar, and collects what it
 * printed. Hosts print {@code key=value} lines, which {@link Result#values()} parses.
 */
public final class ChildJvm {

    /** Jars of the test class path a host gets only when it asks ({@link #withTestJars}): Micrometer's. */
    private static final List<String> ON_REQUEST = List.of("micrometer-", "HdrHistogram-", "LatencyUtils-");

    private final List<String> launcher = new ArrayList<>();
    private final List<String> jvmArgs = new ArrayList<>();
    private final List<String> agentsBefore = new ArrayList<>();
    private final List<String> programArgs = new ArrayList<>();
    private final Map<String, String> environment = new HashMap<>();
    private final List<String> classPath = new ArrayList<>(defaultClassPath());
    private String javaHome = System.getProperty("java.home");
    private String mainClass;
    private String agentArgs;
    private boolean withAgent;
    private Path workDir;
    private long timeoutSeconds = 120;

    private ChildJvm(String mainClass) {
        this.mainClass = mainClass;
    }

    /** A child JVM running {@code mainClass} from the test class path. */
    public static ChildJvm of(Class<?> mainClass) {
        return new ChildJvm(mainClass.getName());
    }

    /** The agent jar the build produced. */
    public static Path agentJar() {
        String path = System.getProperty("autobot.agent.jar", "../agent/dist/target/autobot-agent.jar");
        Path jar = Path.of(path).toAbsolutePath().normalize();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("the agent jar is missing: " + jar + " (run mvn package first)");
        }
        return jar;
    }

    /** The JDK 25 installed beside the default JDK, or null. */
    public static Path jdk25() {
        for (String candidate : List.of("/usr/lib/jvm/temurin-25-jdk-amd64", "/usr/lib/jvm/java-25-openjdk-amd64")) {
            if (Files.isExecutable(Path.of(candidate, "bin", "java"))) {
                return Path.of(candidate);
            }
        }
        return null;
    }

    public ChildJvm withAgent() {
        this.withAgent = true;
        return this;
    }

    public ChildJvm withAgent(String arguments) {
        this.withAgent = true;
        this.agentArgs = arguments;
        return this;
    }

    public ChildJvm env(String name, String value) {
        environment.put(name, value);
        return this;
    }

    /** Another {@code -javaagent} option, placed before the agent's own so that it starts first. */
    public ChildJvm agentBefore(String javaagentOption) {
        agentsBefore.add(javaagentOption);
        return this;
    }

    /** Adds the jars of the test class path whose file name starts with {@code prefix}, such as {@code micrometer-}. */
    public ChildJvm withTestJars(String prefix) {
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (Path.of(entry).getFileName().toString().startsWith(prefix)) {
                classPath.add(entry);
            }
        }
        return this;
    }

    public ChildJvm jvmArg(String arg) {
        jvmArgs.add(arg);
        return this;
    }

    public ChildJvm args(String... args) {
        programArgs.addAll(Arrays.asList(args));
        return this;
    }

    public ChildJvm javaHome(Path home) {
        this.javaHome = home.toString();
        return this;
    }

    /** A command the JVM is started through, such as {@code ip netns exec <name>}. */
    public ChildJvm launcher(List<String> command) {
        launcher.addAll(command);
        return this;
    }

    public ChildJvm workDir(Path dir) {
        this.workDir = dir;
        return this;
    }

    public ChildJvm timeoutSeconds(long seconds) {
        this.timeoutSeconds = seconds;
        return this;
    }

    /** Starts the JVM and returns the process (for tests that attach, kill or talk to it). */
    public Process start() throws IOException {
        List<String> command = command();
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        if (workDir != null) {
            builder.directory(workDir.toFile());
        }
        return builder.start();
    }

    /** Runs the JVM to completion. */
    public Result run() throws IOException, InterruptedException {
        Path out = Files.createTempFile("child-out", ".txt");
        Path err = Files.createTempFile("child-err", ".txt");
        try {
            ProcessBuilder builder = new ProcessBuilder(command());
            builder.environment().putAll(environment);
            if (workDir != null) {
                builder.directory(workDir.toFile());
            }
            builder.redirectOutput(out.toFile()).redirectError(err.toFile());
            Process process = builder.start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("child JVM timed out after " + timeoutSeconds + "s: " + command()
                        + "\nstdout:\n" + Files.readString(out) + "\nstderr:\n" + Files.readString(err));
            }
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private List<String> command() {
        List<String> command = new ArrayList<>(launcher);
        command.add(Path.of(javaHome, "bin", "java").toString());
        command.add("-Xshare:auto");
        command.addAll(agentsBefore);
        if (withAgent) {
            command.add("-javaagent:" + agentJar() + (agentArgs == null ? "" : "=" + agentArgs));
        }
        command.addAll(jvmArgs);
        command.add("-cp");
        command.add(String.join(File.pathSeparator, classPath));
        command.add(mainClass);
        command.addAll(programArgs);
        return command;
    }

    private static List<String> defaultClassPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.contains("autobot-agent") && !entry.contains("surefire"))
                .filter(entry -> ON_REQUEST.stream().noneMatch(Path.of(entry).getFileName().toString()::startsWith))
                .collect(Collectors.toList());
    }

    /** What a child JVM did. */
    public record Result(int exitCode, String stdout, String stderr) {

        /** The {@code key=value} lines of stdout. */
        public Map<String, String> values() {
            Map<String, String> values = new LinkedHashMap<>();
            for (String line : stdout.split("\\R")) {
                int equals = line.indexOf('=');
                if (equals > 0 && !line.contains(" ")) {
                    values.put(line.substring(0, equals), line.substring(equals + 1));
                }
            }
            return values;
        }

        public String value(String key) {
            String value = values().get(key);
            if (value == null) {
                throw new AssertionError("the host printed no " + key + "\nstdout:\n" + stdout + "\nstderr:\n" + stderr);
            }
            return value;
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\nstdout:\n" + stdout + "\nstderr:\n" + stderr;
        }
    }
}
