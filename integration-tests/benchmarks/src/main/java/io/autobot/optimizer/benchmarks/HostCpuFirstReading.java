package io.autobot.optimizer.benchmarks;

import io.autobot.optimizer.agent.host.HostCpu;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What the first measure of the host's CPU costs a fresh JVM: the agent's {@link HostCpu} (the
 * process's CPU time from {@link ProcessHandle}) beside the JDK's
 * {@code OperatingSystemMXBean.getProcessCpuLoad}, which it used before. Each is timed in JVMs of
 * its own, started in turn; prints the medians in milliseconds. The disk tier's thread and the
 * management plane's delayed start take this measure while the host runs.
 *
 * <pre>java -cp integration-tests/benchmarks/target/benchmarks.jar io.autobot.optimizer.benchmarks.HostCpuFirstReading [runs]</pre>
 */
public final class HostCpuFirstReading {

    private static final List<String> SOURCES = List.of("agent", "jdk");

    private HostCpuFirstReading() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("--child")) {
            long start = System.nanoTime();
            if (args[1].equals("agent")) {
                HostCpu.ofThisJvm().busy();
            } else {
                ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                        .getProcessCpuLoad();
            }
            System.out.println(System.nanoTime() - start);
            return;
        }
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 11;
        long[][] nanos = new long[SOURCES.size()][runs];
        for (int i = 0; i < runs; i++) {
            for (int s = 0; s < SOURCES.size(); s++) {
                nanos[s][i] = child(SOURCES.get(s));
            }
        }
        for (int s = 0; s < SOURCES.size(); s++) {
            long[] sorted = nanos[s].clone();
            Arrays.sort(sorted);
            System.out.printf("%s: median %.1f ms (min %.1f, max %.1f) of %d fresh JVMs%n", SOURCES.get(s),
                    sorted[runs / 2] / 1e6, sorted[0] / 1e6, sorted[runs - 1] / 1e6, runs);
        }
    }

    private static long child(String source) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), HostCpuFirstReading.class.getName(), "--child", source));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes()).trim();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("failed: " + command + ": " + out);
        }
        return Long.parseLong(out);
    }
}
