package io.autobot.optimizer.benchmarks;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Wall-clock time of two hello-world JVMs, one with an annotated method ({@link HelloWorld}) and one
 * with none ({@link PlainHelloWorld}), each without the agent and with each agent jar given
 * (comma-separated: two builds of the agent, or another agent, side by side), all started in turn
 * so that machine noise hits each alike. Prints the medians and what each agent adds to each host.
 * The agent arguments go to every jar whose file name starts with {@code autobot}. Each agent jar
 * writes its disk cache to a directory of its own ({@code DISK_CACHE_PATH}, made fresh for the run):
 * a store written by one build is not what another build expects, and reopening it would be priced
 * as start-up.
 *
 * <pre>java -cp integration-tests/benchmarks/target/benchmarks.jar \
 *     io.autobot.optimizer.benchmarks.StartupTime agent/dist/target/autobot-agent.jar[,other.jar] [runs] [agent args]</pre>
 */
public final class StartupTime {

    private StartupTime() {
    }

    public static void main(String[] args) throws Exception {
        List<Path> agents = Arrays.stream((args.length > 0 ? args[0] : "agent/dist/target/autobot-agent.jar")
                .split(",")).map(jar -> Path.of(jar).toAbsolutePath()).toList();
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        String agentArgs = args.length > 2 ? "=" + args[2] : "";
        for (Class<?> host : List.of(HelloWorld.class, PlainHelloWorld.class)) {
            measure(host, agents, runs, agentArgs);
        }
    }

    private static void measure(Class<?> host, List<Path> agents, int runs, String agentArgs) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = System.getProperty("java.class.path");
        List<List<String>> commands = new ArrayList<>();
        List<Path> diskPaths = new ArrayList<>();
        commands.add(List.of(java, "-cp", classPath, host.getName()));
        diskPaths.add(null);
        for (Path agent : agents) {
            String arguments = agent.getFileName().toString().startsWith("autobot") ? agentArgs : "";
            commands.add(List.of(java, "-javaagent:" + agent + arguments, "-cp", classPath, host.getName()));
            diskPaths.add(Files.createTempDirectory("startup-time-disk-"));
        }
        for (int c = 0; c < commands.size(); c++) {
            time(commands.get(c), diskPaths.get(c)); // warm the file cache for each
        }
        long[][] times = new long[commands.size()][runs];
        for (int i = 0; i < runs; i++) {
            for (int c = 0; c < commands.size(); c++) {
                times[c][i] = time(commands.get(c), diskPaths.get(c));
            }
        }
        System.out.printf("%s: runs: %d each, in turn%n", host.getSimpleName(), runs);
        System.out.printf("  without agent: median %d ms (min %d, max %d)%n", median(times[0]), min(times[0]),
                max(times[0]));
        for (int c = 1; c < commands.size(); c++) {
            System.out.printf("  with %s: median %d ms (min %d, max %d), added %d ms (median of each)%n",
                    agents.get(c - 1).getFileName(), median(times[c]), min(times[c]), max(times[c]),
                    median(times[c]) - median(times[0]));
        }
    }

    private static long time(List<String> command, Path diskPath) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(new File("/dev/null"));
        builder.environment().remove("DISK_CACHE_PATH");
        if (diskPath != null) {
            builder.environment().put("DISK_CACHE_PATH", diskPath.toString());
        }
        long start = System.nanoTime();
        Process process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("failed: " + command);
        }
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static long min(long[] values) {
        return Arrays.stream(values).min().orElse(0);
    }

    private static long max(long[] values) {
        return Arrays.stream(values).max().orElse(0);
    }
}
