package io.autobot.optimizer.benchmarks;

import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Wall-clock time of a hello-world JVM with one annotated method, without and with the agent,
 * started alternately so that machine noise hits both alike. Prints the medians and the
 * difference.
 *
 * <pre>java -cp integration-tests/benchmarks/target/benchmarks.jar \
 *     io.autobot.optimizer.benchmarks.StartupTime agent/dist/target/autobot-agent.jar [runs] [agent args]</pre>
 */
public final class StartupTime {

    private StartupTime() {
    }

    public static void main(String[] args) throws Exception {
        Path agent = Path.of(args.length > 0 ? args[0] : "agent/dist/target/autobot-agent.jar").toAbsolutePath();
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        String agentArgs = args.length > 2 ? "=" + args[2] : "";
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = System.getProperty("java.class.path");
        List<String> plain = List.of(java, "-cp", classPath, HelloWorld.class.getName());
        List<String> withAgent = List.of(java, "-javaagent:" + agent + agentArgs, "-cp", classPath,
                HelloWorld.class.getName());
        time(plain);
        time(withAgent); // warm the file cache for both
        long[] without = new long[runs];
        long[] with = new long[runs];
        for (int i = 0; i < runs; i++) {
            without[i] = time(plain);
            with[i] = time(withAgent);
        }
        System.out.printf("runs: %d each, alternating%n", runs);
        System.out.printf("without agent: median %d ms (min %d, max %d)%n", median(without), min(without), max(without));
        System.out.printf("with agent:    median %d ms (min %d, max %d)%n", median(with), min(with), max(with));
        System.out.printf("added by the agent: %d ms (median of each)%n", median(with) - median(without));
    }

    private static long time(List<String> command) throws Exception {
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(new File("/dev/null")).start();
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
