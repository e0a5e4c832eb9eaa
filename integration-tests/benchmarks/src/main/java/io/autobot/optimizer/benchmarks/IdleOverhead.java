package io.autobot.optimizer.benchmarks;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * The CPU the agent costs an idle host (the goal: at most 1% of one core), and the cost of
 * one system sample. Runs the same idle host twice in child JVMs, with and without the agent, and
 * compares the process CPU time each used over the same window; the agent's run also reports its
 * management thread's own CPU time and the average OSHI sample cost from {@code type=System}.
 *
 * <pre>java -cp integration-tests/benchmarks/target/benchmarks.jar \
 *     io.autobot.optimizer.benchmarks.IdleOverhead agent/dist/target/autobot-agent.jar 60 [warm-up seconds]</pre>
 */
public final class IdleOverhead {

    private IdleOverhead() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length >= 3 && args[0].equals("--host")) {
            host(Long.parseLong(args[1]), Long.parseLong(args[2]));
            return;
        }
        String agent = args.length > 0 ? args[0] : "agent/dist/target/autobot-agent.jar";
        long seconds = args.length > 1 ? Long.parseLong(args[1]) : 60;
        long warmup = args.length > 2 ? Long.parseLong(args[2]) : 30; // time for the JIT to compile the sampling code
        String without = run(null, warmup, seconds);
        String with = run(agent, warmup, seconds);
        System.out.println("without agent: " + without);
        System.out.println("with agent:    " + with);
    }

    private static String run(String agent, long warmup, long seconds) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
        if (agent != null) {
            command.add("-javaagent:" + agent);
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(IdleOverhead.class.getName());
        command.add("--host");
        command.add(String.valueOf(warmup));
        command.add(String.valueOf(seconds));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(warmup + seconds + 60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("the idle host did not finish");
        }
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    }

    /** The idle host: starts sampling (as a JMX console would by looking), then does nothing. */
    private static void host(long warmup, long seconds) throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName system = new ObjectName("io.autobot.optimizer:type=System");
        boolean agent = server.isRegistered(system);
        if (agent) {
            server.getAttribute(system, "Source");
        }
        Thread.sleep(warmup * 1000);
        Duration cpuBefore = cpu();
        long gcBefore = gcMillis();
        java.util.Map<String, Long> threadsBefore = threadCpu();
        double threadBefore = agent ? (Double) server.getAttribute(system, "ManagementCpuTime") : 0;
        long start = System.nanoTime();
        Thread.sleep(seconds * 1000);
        double elapsed = (System.nanoTime() - start) / 1e9;
        double processPercent = (cpu().minus(cpuBefore).toNanos() / 1e9) / elapsed * 100;
        StringBuilder line = new StringBuilder(String.format("process CPU %.3f%% of one core over %.0f s",
                processPercent, elapsed));
        if (agent) {
            double thread = (Double) server.getAttribute(system, "ManagementCpuTime") - threadBefore;
            line.append(String.format("; management thread %.3f%% of one core; %s samples by %s, %.0f us each"
                    + " on average (the first left out); loading the probe took %.0f ms", thread / elapsed * 100,
                    server.getAttribute(system, "SampleCount"), server.getAttribute(system, "Source"),
                    (Double) server.getAttribute(system, "AverageSampleCost"),
                    (Double) server.getAttribute(system, "ProbeStartTime")));
        }
        line.append(String.format("; GC %d ms", gcMillis() - gcBefore));
        java.util.Map<String, Long> threadsAfter = threadCpu();
        threadsAfter.forEach((name, nanos) -> {
            long used = nanos - threadsBefore.getOrDefault(name, 0L);
            if (used > 1_000_000) {
                line.append(String.format("; thread %s %.0f ms", name, used / 1e6));
            }
        });
        System.out.println(line);
    }

    private static long gcMillis() {
        long total = 0;
        for (java.lang.management.GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, gc.getCollectionTime());
        }
        return total;
    }

    /** CPU time of each live Java thread (JIT compiler and GC threads are not among them). */
    private static java.util.Map<String, Long> threadCpu() {
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        java.util.Map<String, Long> cpu = new java.util.TreeMap<>();
        for (long id : threads.getAllThreadIds()) {
            java.lang.management.ThreadInfo info = threads.getThreadInfo(id);
            long nanos = threads.getThreadCpuTime(id);
            if (info != null && nanos > 0) {
                cpu.merge(info.getThreadName(), nanos, Long::sum);
            }
        }
        return cpu;
    }

    private static Duration cpu() {
        return ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
    }
}
