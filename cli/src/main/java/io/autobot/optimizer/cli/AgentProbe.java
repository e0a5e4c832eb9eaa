package io.autobot.optimizer.cli;

import com.sun.tools.attach.VirtualMachine;
import io.autobot.optimizer.protocol.attach.AttachProtocol;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Tells, for {@code list --agents}, whether the agent runs in each JVM: attaches to all of them
 * at once and reads the agent's start marker. A JVM that does not answer within a few seconds is
 * reported as unknown rather than holding the list up.
 */
final class AgentProbe {

    private static final long TIMEOUT_SECONDS = 5;

    private AgentProbe() {
    }

    /** Adds {@code agent} to each row: the agent's version, {@code none}, or {@code unknown}. */
    static void probe(List<Map<String, Object>> rows) {
        ExecutorService pool = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "autobot-cli-probe");
            thread.setDaemon(true);
            return thread;
        });
        List<Future<String>> answers = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            answers.add(pool.submit(() -> agentVersion(String.valueOf(row.get("pid")))));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        for (int i = 0; i < rows.size(); i++) {
            String agent;
            try {
                agent = answers.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (Exception e) {
                agent = "unknown";
            }
            rows.get(i).put("agent", agent);
        }
        pool.shutdownNow();
    }

    /** Whether the agent runs in the JVM with this pid (the failures of attaching are the CLI's usual errors). */
    static boolean running(long pid) {
        try (TargetJvm jvm = TargetJvm.attach(pid)) {
            return jvm.agentVersion() != null;
        }
    }

    private static String agentVersion(String pid) throws Exception {
        VirtualMachine vm = VirtualMachine.attach(pid);
        try {
            String version = vm.getSystemProperties().getProperty(AttachProtocol.STARTED_PROPERTY);
            return AttachProtocol.isSet(version) ? version : "none";
        } finally {
            vm.detach();
        }
    }
}
