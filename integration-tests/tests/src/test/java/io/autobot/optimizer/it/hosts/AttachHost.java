package io.autobot.optimizer.it.hosts;

import io.autobot.optimizer.annotations.Cached;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.management.ObjectName;

/**
 * A host started WITHOUT the agent, which the tests attach to. It loads and calls its annotated
 * method before anyone attaches; on {@code call} it calls it again (three times, same argument)
 * and says how often the body ran in total and whether every result was right.
 */
public class AttachHost {

    static final AtomicInteger RUNS = new AtomicInteger();
    private static boolean correct = true;

    @Cached
    static long cube(int x) {
        RUNS.incrementAndGet();
        return (long) x * x * x;
    }

    /** A second instrumented class: a detach must restore every one of them. */
    static final class Second {
        static final AtomicInteger RUNS = new AtomicInteger();

        @Cached
        static long square(int x) {
            RUNS.incrementAndGet();
            return (long) x * x;
        }
    }

    public static void main(String[] args) throws Exception {
        correct &= cube(5) == 125; // loaded and run before the agent exists
        correct &= Second.square(5) == 25;
        new CommandLoop()
                .on("call", AttachHost::call)
                .on("bean", AttachHost::bean)
                .on("record", () -> BytesRecorder.start("io/autobot/optimizer/it/hosts/AttachHost"))
                .on("recorded", () -> BytesRecorder.answer(List.of(AttachHost.class, Second.class)))
                .on("original", () -> BytesRecorder.compareWithOriginal(List.of(AttachHost.class, Second.class)))
                .on("threads", AttachHost::agentThreads)
                .on("report", AttachHost::report)
                .serve();
    }

    private static Map<String, Object> call() {
        for (int i = 0; i < 3; i++) {
            correct &= cube(7) == 343;
            correct &= Second.square(7) == 49;
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("runs", RUNS.get());
        answer.put("second.runs", Second.RUNS.get());
        answer.put("correct", correct);
        answer.put("agent", marker("io.autobot.optimizer.started").orElse("none"));
        answer.put("agent.listed", System.getProperties().containsKey("io.autobot.optimizer.started"));
        return answer;
    }

    /**
     * Whether the agent's own {@code type=Optimizer} MXBean is registered: {@code bean=real|none}.
     * It waits (at most 30 s, a bound that only ends a broken run) until the bean's presence
     * matches the agent's, as the management plane registers and unregisters it on its own thread.
     */
    private static Map<String, Object> bean() {
        try {
            ObjectName name = new ObjectName("io.autobot.optimizer:type=Optimizer");
            long deadline = System.nanoTime() + 30_000_000_000L;
            boolean registered = ManagementFactory.getPlatformMBeanServer().isRegistered(name);
            while (registered != marker("io.autobot.optimizer.started").isPresent()
                    && System.nanoTime() < deadline) {
                Thread.sleep(20);
                registered = ManagementFactory.getPlatformMBeanServer().isRegistered(name);
            }
            return Map.of("bean", registered ? "real" : "none");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads the agent's report in-process, as the host's own code could: the management plane and its sampler run. */
    private static Map<String, Object> report() {
        Map<String, Object> answer = new LinkedHashMap<>();
        try {
            awaitTheBeans();
            Object report = ManagementFactory.getPlatformMBeanServer().getAttribute(
                    new ObjectName("io.autobot.optimizer:type=Optimizer"), "PerformanceReport");
            answer.put("report", report != null);
            // what a JMX client reads: a composite of named figures, a count as a Long
            Object calls = ((javax.management.openmbean.CompositeData) ((javax.management.openmbean.CompositeData) report)
                    .get("summary")).get("total_calls");
            answer.put("total_calls.type", calls.getClass().getSimpleName());
        } catch (Exception e) {
            answer.put("report", e.toString().replace(' ', '_'));
        }
        return answer;
    }

    /**
     * As docs/management.md tells a plain JMX client: while the agent started with {@code -javaagent}
     * still registers its beans (on a thread of its own, the host's main running meanwhile), the
     * property {@code io.autobot.optimizer.starting} is set.
     */
    private static void awaitTheBeans() throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while (marker("io.autobot.optimizer.starting").isPresent()
                && marker("io.autobot.optimizer.started").isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    /** The live threads the agent may have started (all of them are named autobot-...). */
    private static Map<String, Object> agentThreads() {
        List<String> names = new ArrayList<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.isAlive() && thread.getName().toLowerCase(Locale.ROOT).contains("autobot")) {
                names.add(thread.getName());
            }
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("agent.threads", String.join(",", names));
        answer.put("pid", ManagementFactory.getRuntimeMXBean().getPid());
        return answer;
    }

    /** One of the agent's marker properties, absent when unset or emptied (the agent empties them, never removes them). */
    static java.util.Optional<String> marker(String property) {
        return java.util.Optional.ofNullable(System.getProperty(property)).filter(value -> !value.isEmpty());
    }
}
