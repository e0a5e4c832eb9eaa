package io.autobot.optimizer.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.autobot.optimizer.it.hosts.FleetHost;
import io.autobot.optimizer.it.support.AgentCli;
import io.autobot.optimizer.it.support.ChildJvm;
import io.autobot.optimizer.it.support.HostProcess;
import io.autobot.optimizer.it.support.JmxClient;
import io.autobot.optimizer.it.support.RedisServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.management.AttributeChangeNotification;
import javax.management.Notification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tuning a fleet from one place, on a real redis-server that asks for a password: three host JVMs
 * with the agent; a level change and a clearing of the cache sent from one of them, by the CLI with
 * {@code --fleet} and over JMX, reach the other two (the test polls their beans; the deadline is
 * only a guard against hanging); {@code fleet} lists the three from their heartbeats and never
 * shows the password; a change no agent accepts is ignored with a warning; Redis killed and
 * restarted costs no host an error or a wrong result, and the heartbeats and the subscription
 * come back.
 */
class FleetControlIT {

    private static final String OPTIMIZER = "io.autobot.optimizer:type=Optimizer";
    private static final String MEMORY = "io.autobot.optimizer:type=Cache,tier=memory";
    private static final String PASSWORD = "fleet-s3cret-pw";
    private static final long GUARD_SECONDS = 60;

    @TempDir
    static Path work;
    private static RedisServer redis;
    private static final List<HostProcess> hosts = new ArrayList<>();
    private static final List<JmxClient> beans = new ArrayList<>();

    @BeforeAll
    static void startFleet() throws Exception {
        redis = RedisServer.start(work.resolve("redis"), PASSWORD);
        List<CompletableFuture<HostProcess>> starting = new ArrayList<>();
        for (int i = 0; i < 3; i++) { // the three start side by side: most of the test's time is their start-up
            starting.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return HostProcess.start(ChildJvm.of(FleetHost.class).withAgent()
                            .env("CACHE_STRATEGY", "memory").env("AUTOBOT_REDIS_URL", redis.url())
                            .env("AUTOBOT_REDIS_TIMEOUT", "200ms").workDir(work));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }));
        }
        for (CompletableFuture<HostProcess> host : starting) {
            hosts.add(host.join());
        }
        for (HostProcess host : hosts) {
            beans.add(JmxClient.attach(host.pid()));
        }
    }

    @AfterAll
    static void stopFleet() throws Exception {
        for (JmxClient client : beans) {
            client.close();
        }
        for (HostProcess host : hosts) {
            host.close();
        }
        redis.close();
    }

    @Test
    void oneJvmTunesTheFleetAndTheFleetIsListedWithoutThePassword() throws Exception {
        computeEverywhere();
        awaitValue(() -> ((Object[]) beans.get(0).get(OPTIMIZER, "Fleet")).length, 3, "three heartbeats");
        awaitValue(() -> redis.cli("PUBSUB", "NUMSUB", "autobot:fleet").replaceAll("\\s+", " "), "autobot:fleet 3",
                "three subscribers");

        // the listing, from the heartbeats: the three pids, never the password
        AgentCli.Run listed = AgentCli.run("fleet", "--redis", redis.url(), "--json");
        assertThat(listed.exitCode()).as(listed.toString()).isZero();
        List<Long> pids = new ArrayList<>();
        for (Object row : (List<?>) listed.json().get("jvms")) {
            pids.add(((Number) ((Map<?, ?>) row).get("pid")).longValue());
            assertThat(((Map<?, ?>) row).get("level")).isEqualTo("moderate");
        }
        assertThat(pids).containsExactlyInAnyOrder(hosts.get(0).pid(), hosts.get(1).pid(), hosts.get(2).pid());
        AgentCli.Run table = AgentCli.run("fleet", "--redis", redis.url());
        assertThat(table.stdout()).as(table.toString()).contains("HOST").contains("LAST SEEN")
                .contains(String.valueOf(hosts.get(2).pid())).contains("redis://:***@127.0.0.1");
        for (AgentCli.Run run : List.of(listed, table)) {
            assertThat(run.stdout() + run.stderr()).doesNotContain(PASSWORD);
        }

        // a level change over JMX from the first reaches the others as a local change: a notification
        List<Notification> changes = beans.get(1).listen(OPTIMIZER);
        beans.get(0).invoke(OPTIMIZER, "applyToFleet", "OptimizationLevel", "aggressive");
        assertThat(beans.get(0).get(OPTIMIZER, "OptimizationLevel")).isEqualTo("aggressive");
        awaitLevelInOthers("aggressive");
        assertThat(JmxClient.await(changes, n -> n instanceof AttributeChangeNotification
                && "aggressive".equals(((AttributeChangeNotification) n).getNewValue()), GUARD_SECONDS)).isNotNull();

        // the same from the CLI, then clearing the cache from the CLI and over JMX
        AgentCli.Run level = AgentCli.run("level", hosts.get(0).pid(), "basic", "--fleet");
        assertThat(level.exitCode()).as(level.toString()).isZero();
        assertThat(level.stdout()).contains("Fleet: OptimizationLevel = basic").doesNotContain(PASSWORD);
        awaitLevelInOthers("basic");

        AgentCli.Run clear = AgentCli.run("clear-cache", hosts.get(0).pid(), "--fleet");
        assertThat(clear.exitCode()).as(clear.toString()).isZero();
        awaitEmptyCaches(0);
        computeEverywhere();
        beans.get(2).invoke(OPTIMIZER, "clearFleetCache");
        awaitEmptyCaches(2);

        // a change no agent accepts: one warning in each, nothing changes
        redis.cli("PUBLISH", "autobot:fleet", "autobot-fleet/1\tsomeone\tset\tOptimizationLevel\tturbo");
        for (int i = 0; i < 3; i++) {
            HostProcess host = hosts.get(i);
            awaitValue(() -> host.stderr().contains("was ignored: OPTIMIZATION_LEVEL"), true, "the warning");
            assertThat(beans.get(i).get(OPTIMIZER, "OptimizationLevel")).isEqualTo("basic");
        }
        for (HostProcess host : hosts) {
            assertThat(host.stderr()).doesNotContain(PASSWORD).doesNotContain("Exception").doesNotContain("WARN Redis");
        }
    }

    @Test
    void redisKilledAndRestartedCostsNoErrorAndTheFleetComesBack() throws Exception {
        awaitValue(() -> ((Object[]) beans.get(0).get(OPTIMIZER, "Fleet")).length, 3, "three heartbeats");
        redis.kill();
        computeEverywhere(); // right results without Redis
        AgentCli.Run down = AgentCli.run("level", hosts.get(0).pid(), "aggressive", "--fleet");
        assertThat(down.exitCode()).as(down.toString()).isEqualTo(1);
        assertThat(down.stderr()).contains("applied in this JVM only").doesNotContain(PASSWORD);
        assertThat(beans.get(0).get(OPTIMIZER, "Fleet")).isEqualTo(new Object[0]);
        redis.startProcess();

        awaitValue(() -> ((Object[]) beans.get(0).get(OPTIMIZER, "Fleet")).length, 3, "heartbeats again");
        awaitValue(() -> redis.cli("PUBSUB", "NUMSUB", "autobot:fleet").replaceAll("\\s+", " "), "autobot:fleet 3",
                "subscribed again");
        beans.get(0).invoke(OPTIMIZER, "applyToFleet", "CacheStrategy", "memory");
        beans.get(0).invoke(OPTIMIZER, "applyToFleet", "OptimizationLevel", "moderate");
        awaitLevelInOthers("moderate");
        computeEverywhere();
        for (HostProcess host : hosts) {
            assertThat(host.isAlive()).isTrue();
            // the outage's one warning names the client's exception; nothing is thrown or printed as a trace
            assertThat(host.stderr()).doesNotContain("Exception in").doesNotContain("\tat ").doesNotContain(PASSWORD);
            assertThat(host.stderr().split("Redis at .* cannot be used", -1).length - 1).as(host.stderr())
                    .isLessThanOrEqualTo(1);
        }
    }

    private static void computeEverywhere() {
        for (HostProcess host : hosts) {
            assertThat(host.send("compute")).containsEntry("right", "true");
        }
    }

    private static void awaitLevelInOthers(String level) throws Exception {
        for (int i = 1; i < 3; i++) {
            JmxClient client = beans.get(i);
            awaitValue(() -> client.get(OPTIMIZER, "OptimizationLevel"), level, "the level in JVM " + i);
        }
    }

    private static void awaitEmptyCaches(int sender) throws Exception {
        assertThat(beans.get(sender).get(MEMORY, "Entries")).isEqualTo(0L);
        for (int i = 0; i < 3; i++) {
            JmxClient client = beans.get(i);
            awaitValue(() -> client.get(MEMORY, "Entries"), 0L, "an empty cache in JVM " + i);
        }
    }

    /** Polls until the value shows; the deadline only keeps a broken build from hanging. */
    private static void awaitValue(Callable<Object> value, Object expected, String what) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(GUARD_SECONDS);
        Object last = value.call();
        while (!expected.equals(last) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            last = value.call();
        }
        assertThat(last).as(what).isEqualTo(expected);
    }
}
