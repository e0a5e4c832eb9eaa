package io.autobot.optimizer.it.hosts;

import io.autobot.optimizer.annotations.Cached;
import io.autobot.optimizer.api.AgentNotAttachedException;
import io.autobot.optimizer.api.AutoBot;
import io.autobot.optimizer.api.BenchmarkResult;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import javax.management.AttributeChangeNotification;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Uses the in-process API as host code would, with or without the agent, and runs a workload
 * whose keys never repeat for a few seconds, so that auto-tuning has something to react to. It
 * prints {@code key=value} lines.
 */
public class TuningHost {

    @Cached
    static String lookup(long key) {
        return "v" + key;
    }

    public static void main(String[] args) throws Exception {
        long seconds = Long.parseLong(args[0]);
        System.out.println("attached=" + AutoBot.isAttached());
        BenchmarkResult<Integer> benchmark = AutoBot.benchmarkOperation(list -> list.stream()
                .mapToInt(String::length).sum(), List.of("a", "bb", "ccc"), 1000);
        System.out.println("benchmark.result=" + benchmark.result());
        System.out.println("benchmark.time.positive=" + (benchmark.executionTime() > 0));
        System.out.println("benchmark.keys=" + String.join(",", benchmark.asMap().keySet()));

        if (!AutoBot.isAttached()) {
            System.out.println("report.attached=" + AutoBot.performanceReport().get("agent_attached"));
            System.out.println("recommendations.says=" + AutoBot.recommendations().get(0).contains("not attached"));
            System.out.println("statistics.empty=" + AutoBot.cacheStatistics().isEmpty());
            try {
                AutoBot.setOptimizationLevel("aggressive");
                System.out.println("set.level=accepted");
            } catch (AgentNotAttachedException e) {
                System.out.println("set.level=refused");
            }
            return;
        }

        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName optimizer = new ObjectName(AutoBot.OPTIMIZER_BEAN);
        List<String> cacheSizes = new CopyOnWriteArrayList<>();
        server.addNotificationListener(optimizer, (notification, handback) -> {
            if (notification instanceof AttributeChangeNotification
                    && ((AttributeChangeNotification) notification).getAttributeName().equals("CacheSize")) {
                cacheSizes.add(String.valueOf(((AttributeChangeNotification) notification).getNewValue()));
            }
        }, null, null);

        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long key = ThreadLocalRandom.current().nextLong(1L << 40); // a fresh range each run (the disk tier keeps keys)
        while (System.nanoTime() < end) {
            for (int i = 0; i < 500; i++) {
                lookup(key++); // keys that never repeat: random ones did, now and then, through the disk tier
            }
            Thread.sleep(10);
        }
        System.out.println("cache.size.changes=" + String.join(",", cacheSizes));
        System.out.println("cache.size=" + server.getAttribute(optimizer, "CacheSize"));

        AutoBot.setOptimizationLevel("aggressive");
        AutoBot.setCacheStrategy("memory");
        System.out.println("level=" + AutoBot.optimizationLevel());
        System.out.println("strategy=" + AutoBot.cacheStrategy());
        Map<String, Object> report = AutoBot.performanceReport();
        @SuppressWarnings("unchecked")
        Map<String, Object> summary = (Map<String, Object>) report.get("summary");
        System.out.println("report.attached=" + report.get("agent_attached"));
        System.out.println("report.hit.rate=" + summary.get("overall_cache_hit_rate"));
        System.out.println("report.calls.positive=" + ((Long) summary.get("total_calls") > 1000));
        @SuppressWarnings("unchecked")
        Map<String, Object> memory = (Map<String, Object>) AutoBot.cacheStatistics().get("memory_cache");
        System.out.println("statistics.capacity=" + memory.get("capacity"));
        System.out.println("recommendations.hit.rate="
                + AutoBot.recommendations().stream().anyMatch(r -> r.contains("hit rate")));
        System.out.println("export.json=" + AutoBot.exportPerformanceData("api.json").endsWith("api.json"));

        // what detach does: the agent stops; its beans and its thread must be gone
        Class.forName("io.autobot.optimizer.agent.AgentRuntime").getMethod("stop").invoke(null);
        System.out.println("beans.after.stop=" + (server.queryNames(new ObjectName("io.autobot.optimizer:*"), null).size()
                + server.queryNames(new ObjectName("io.autobot.optimizer.metrics:*"), null).size()));
        Thread.sleep(200);
        System.out.println("threads.after.stop=" + Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith("autobot-management")).count());
        System.out.println("attached.after.stop=" + AutoBot.isAttached());
    }
}
