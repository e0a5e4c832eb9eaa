package io.autobot.optimizer.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.autobot.optimizer.it.hosts.LoadHost;
import io.autobot.optimizer.it.support.ChildJvm;
import io.autobot.optimizer.it.support.HostLog;
import io.autobot.optimizer.it.support.JmxClient;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 16 threads for 60 s under every policy with random arguments, while a JMX client changes the
 * level, the cache strategy, the workers and the cache size at random and clears the caches, each
 * change after a random number of calls (2,000 to 10,000) under the settings before it: every
 * result equals the plain computation, nothing hangs, no agent exception reaches the host, and the
 * heap stays bounded. The 60 s say how much is checked, never whether it passes: a slow machine
 * makes fewer calls and changes, and every change still comes after calls of its own.
 */
class DifferentialLoadIT {

    private static final int SECONDS = 60;
    private static final int MIN_CALLS_BETWEEN = 2_000;
    private static final int MORE_CALLS_BETWEEN = 8_000;

    @TempDir
    Path workDir;

    @Test
    void everyResultIsRightWhileTheSettingsChangeUnderLoad() throws Exception {
        Process host = ChildJvm.of(LoadHost.class).withAgent().workDir(workDir).jvmArg("-Xmx256m")
                .env("DISK_CACHE_PATH", workDir.resolve("cache").toString()).args(String.valueOf(SECONDS)).start();
        StringBuilder stderr = new StringBuilder();
        Thread errors = new Thread(() -> {
            try (BufferedReader err = new BufferedReader(new InputStreamReader(host.getErrorStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = err.readLine(); line != null; line = err.readLine()) {
                    synchronized (stderr) {
                        stderr.append(line).append('\n');
                    }
                }
            } catch (java.io.IOException ignored) {
                // the host is gone
            }
        });
        errors.start();
        Map<String, String> values = new LinkedHashMap<>();
        StringBuilder stdout = new StringBuilder();
        int[] changes = new int[1];
        long paced = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(host.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line = out.readLine();
            assertThat(line).as("the host did not start").isEqualTo("ready=true");
            JmxClient jmx = JmxClient.attach(host.pid());
            try {
                paced = changeSettings(jmx, host, changes);
            } finally {
                try {
                    jmx.close();
                } catch (java.io.IOException hostGone) {
                    // the host may have exited already
                }
            }
            while ((line = out.readLine()) != null) {
                stdout.append(line).append('\n');
                int equals = line.indexOf('=');
                if (equals > 0) {
                    values.put(line.substring(0, equals), line.substring(equals + 1));
                }
            }
            assertThat(host.waitFor(30, TimeUnit.SECONDS)).isTrue();
            errors.join(5000);
        } finally {
            host.destroyForcibly();
        }
        String context;
        synchronized (stderr) {
            context = stdout + "\n" + stderr;
        }
        assertThat(values.get("finished")).as(context).isEqualTo("true");
        assertThat(values.get("wrong")).as(context).isEqualTo("0");
        assertThat(values.get("unexpected")).as(context).isEqualTo("0");
        synchronized (stderr) {
            // a cache clear that the disk finishes in the background is the load's, not a failure
            HostLog.assertNoUnexpectedWarnings(stderr.toString(), "did not finish in time; it goes on in the background");
        }
        assertThat(Long.parseLong(values.get("calls"))).as("every change came after its calls").as(context)
                .isGreaterThanOrEqualTo(paced);
        assertThat(Long.parseLong(values.get("heap.mb"))).as(context).isLessThan(200);
        assertThat(Long.parseLong(values.get("heap.peak.after.gc.mb"))).as(context).isLessThan(200);
        System.out.printf("differential load: %s calls, %d setting changes, heap %s MB after GC at the end,"
                + " at most %s MB after any GC during the run%n", values.get("calls"), changes[0], values.get("heap.mb"),
                values.get("heap.peak.after.gc.mb"));
    }

    /**
     * Changes a setting each time the host has made a random number of calls more under the
     * settings before, until the host's run ends.
     *
     * @return the calls the changes waited for in all
     */
    private static long changeSettings(JmxClient jmx, Process host, int[] changes) throws Exception {
        Random random = new Random(42);
        List<String> levels = List.of("basic", "moderate", "aggressive");
        List<String> strategies = List.of("memory", "hybrid", "disk");
        String bean = "io.autobot.optimizer:type=Optimizer";
        long paced = 0;
        try {
            for (;;) {
                long between = MIN_CALLS_BETWEEN + random.nextInt(MORE_CALLS_BETWEEN);
                long due = calls(jmx) + between;
                while (calls(jmx) < due) {
                    Thread.sleep(20);
                }
                change(jmx, bean, random, levels, strategies);
                paced += between;
                changes[0]++;
            }
        } catch (java.io.IOException | java.lang.reflect.UndeclaredThrowableException connectionLost) {
            if (!host.waitFor(60, TimeUnit.SECONDS)) {
                throw connectionLost; // the connection broke while the host still runs
            }
            return paced; // the host finished its run
        }
    }

    private static long calls(JmxClient jmx) throws Exception {
        return (Long) jmx.get(LoadHost.LOAD_BEAN, "Calls");
    }

    private static void change(JmxClient jmx, String bean, Random random, List<String> levels,
            List<String> strategies) throws Exception {
        switch (random.nextInt(5)) {
            case 0:
                jmx.set(bean, "OptimizationLevel", levels.get(random.nextInt(3)));
                break;
            case 1:
                jmx.set(bean, "CacheStrategy", strategies.get(random.nextInt(3)));
                break;
            case 2:
                jmx.set(bean, "MaxWorkers", 1 + random.nextInt(8));
                break;
            case 3:
                jmx.set(bean, "CacheSize", 10 + random.nextInt(2000));
                break;
            default:
                jmx.invoke(bean, "clearCache");
                break;
        }
    }
}
