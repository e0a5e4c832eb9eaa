package io.autobot.optimizer.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.autobot.optimizer.it.hosts.DiscoveryHost;
import io.autobot.optimizer.it.support.AgentCli;
import io.autobot.optimizer.it.support.AgentCli.Run;
import io.autobot.optimizer.it.support.ChildJvm;
import io.autobot.optimizer.it.support.HostProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Discovery on a host without annotations whose methods are known ({@link DiscoveryHost.Known}):
 * the verdicts, the host's code back after the window (the agent's own digests of the class
 * before and after, and, independently, the host's check that no observing advice calls the bridge
 * any more), the round trip to a rules file applied with {@code attach}, and the CLI killed during
 * the window.
 */
class DiscoveryIT {

    private static final String KNOWN = DiscoveryHost.Known.class.getName();

    @TempDir
    Path workDir;

    @Test
    void judgesTheKnownMethodsAndLeavesTheHostAsItFoundIt() throws Exception {
        try (HostProcess host = HostProcess.start(host())) {
            Thread.sleep(3000); // warm up
            assertThat(host.send("probe").get("probe.calls")).isEqualTo("absent");
            double plain = roundsPerSecond(host, 4000);
            CompletableFuture<Run> cli = cli("discover", host.pid(), "--include", DiscoveryHost.class.getName(),
                    "--duration", "16s", "--json");
            Thread.sleep(9000); // sampling takes the first 5 s; then the candidates are observed
            double observed = roundsPerSecond(host, 4000);
            Run run = cli.get(150, TimeUnit.SECONDS);
            assertThat(run.exitCode()).as(run.toString()).isZero();
            Map<String, Object> answer = run.json();
            Map<String, String> verdicts = verdicts(answer);
            System.out.println("discovery verdicts: " + verdicts);
            System.out.printf("host throughput: %.1f rounds/s without discovery, %.1f while observing (%.0f%%)%n", plain,
                    observed, 100 * (observed - plain) / plain);
            assertThat(verdicts.get(KNOWN + ".expensivePure(int)")).isEqualTo("cache");
            assertThat(verdicts.get(KNOWN + ".expensiveUnique(long)")).isEqualTo("not worth it");
            // a cheap method may take too few samples to be ranked at all; ranked, it is never worth caching
            assertThat(verdicts.getOrDefault(KNOWN + ".cheapPure(int)", "not ranked")).isIn("not worth it",
                    "not ranked");
            assertThat(verdicts.get(KNOWN + ".impure(int)")).startsWith("not cacheable: different results");
            assertThat(verdicts.get(KNOWN + ".withBuilder(java.lang.StringBuilder)"))
                    .startsWith("not cacheable: argument 1 (java.lang.StringBuilder)");
            assertThat(answer.get("restored")).isEqualTo(true);
            assertThat(run.stdout()).doesNotContain("key0").doesNotContain("key1"); // hashes only, no argument value

            assertThat(calls(answer, KNOWN + ".expensivePure(int)")).as("observed during the window").isPositive();
            assertThat(answer.get("restoredClasses")).isEqualTo(Map.of(KNOWN, true));
            assertThat(host.send("probe").get("probe.calls")).as("no observing advice left").isEqualTo("0");
            Map<String, String> stats = host.send("stats");
            assertThat(stats.get("correct")).isEqualTo("true");
            assertThat(stats.get("agent")).as("the agent attached for the window is detached again").isEqualTo("none");
        }
    }

    @Test
    void rulesWrittenByDiscoveryMakeTheHostFasterAndKeepItCorrect() throws Exception {
        Path rules = workDir.resolve("discovered.rules");
        try (HostProcess host = HostProcess.start(host())) {
            Thread.sleep(3000);
            Run discover = cli("discover", host.pid(), "--include", DiscoveryHost.class.getName(), "--duration", "20s",
                    "--rules-out", rules).get(150, TimeUnit.SECONDS);
            assertThat(discover.exitCode()).as(discover.toString()).isZero();
            String written = Files.readString(rules);
            System.out.println(discover.stdout() + "\n" + written);
            assertThat(written).contains(KNOWN + ".expensivePure(int)    cached(ttl=10m)    # cache")
                    .doesNotContain(KNOWN + ".impure(int)    cached").doesNotContain(KNOWN + ".withBuilder("
                            + "java.lang.StringBuilder)    cached");
            String next = "attach " + host.pid() + " rules=" + rules + " verify=0.01";
            assertThat(discover.stdout()).as("the CLI names the command to run next").contains(next);
            double before = roundsPerSecond(host, 4000);
            double bodiesBefore = bodiesPerRound(host, 40);
            Run attach = AgentCli.run("attach", host.pid(), "rules=" + rules, "verify=0.01");
            assertThat(attach.exitCode()).as(attach.toString()).isZero();
            assertThat(attach.stdout()).contains(KNOWN + ".expensivePure(int)");
            assertThat(attach.stderr()).as("the rules file parses without a warning").doesNotContain("warning");
            bodiesPerRound(host, 2); // the first rounds fill the cache
            double bodiesAfter = bodiesPerRound(host, 40);
            double after = roundsPerSecond(host, 4000);
            System.out.printf("round trip: %.1f rounds/s before, %.1f with the discovered rules (x%.2f); expensivePure"
                    + " ran its body %.2f times a round before, %.2f after%n", before, after, after / before,
                    bodiesBefore, bodiesAfter);
            assertThat(bodiesBefore).isBetween(19.0, 21.0);
            // its 20 arguments are cached after the first round; verification re-runs about 1% of the hits
            assertThat(bodiesAfter).as("the expensive pure function is served from the cache").isLessThan(2.0);
            assertThat(host.send("stats").get("correct")).isEqualTo("true");
        }
    }

    /**
     * Body runs of expensivePure per round, over at least {@code rounds} rounds (so that the rounds cut
     * at either end weigh 1/rounds at most): the work caching takes away, a count and not a time.
     */
    private static double bodiesPerRound(HostProcess host, long rounds) throws InterruptedException {
        Map<String, String> first = host.send("stats");
        Map<String, String> second;
        do {
            Thread.sleep(200);
            second = host.send("stats");
        } while (Long.parseLong(second.get("rounds")) - Long.parseLong(first.get("rounds")) < rounds);
        double ran = Long.parseLong(second.get("rounds")) - Long.parseLong(first.get("rounds"));
        return (Long.parseLong(second.get("pure.bodies")) - Long.parseLong(first.get("pure.bodies"))) / ran;
    }

    @Test
    void theTargetRecoversItsCodeWhenTheCliIsKilledDuringTheWindow() throws Exception {
        try (HostProcess host = HostProcess.start(host())) {
            Thread.sleep(3000);
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-jar", ChildJvm.agentJar().toString(), "discover", String.valueOf(host.pid()),
                    "--include", DiscoveryHost.class.getName(), "--duration", "120s"));
            Process cli = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(workDir.resolve("cli.txt").toFile()).start();
            String during = "absent";
            // a bound that only ends a broken run: the CLI's start, the agent's, JFR's first recording (seconds on a
            // loaded machine, before the window's clock starts) and the 10 s of sampling come first
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while ((during.equals("absent") || during.equals("0")) && System.nanoTime() < deadline) {
                Thread.sleep(1000);
                during = host.send("probe").get("probe.calls");
            }
            assertThat(Long.parseLong(during)).as("observing advice installed").isPositive();
            cli.destroyForcibly(); // SIGKILL: no shutdown hook, no cancel
            assertThat(cli.waitFor(10, TimeUnit.SECONDS)).isTrue();
            long killed = System.nanoTime();
            String now = during;
            while (!now.equals("0") && System.nanoTime() - killed < TimeUnit.SECONDS.toNanos(30)) {
                Thread.sleep(1000);
                now = host.send("probe").get("probe.calls");
            }
            System.out.printf("CLI killed: original code back after %.1f s%n", (System.nanoTime() - killed) / 1e9);
            assertThat(now).as("no observing advice left after the lease ran out").isEqualTo("0");
            assertThat(host.stderr()).contains("cancelled").contains("original code back: true");
            String agent = host.send("stats").get("agent");
            while (!agent.equals("none") && System.nanoTime() - killed < TimeUnit.SECONDS.toNanos(60)) {
                Thread.sleep(500);
                agent = host.send("stats").get("agent");
            }
            assertThat(agent).as("the agent loaded for the window stops itself when its client is gone")
                    .isEqualTo("none");
            long rounds = Long.parseLong(host.send("stats").get("rounds"));
            Thread.sleep(1000);
            Map<String, String> stats = host.send("stats");
            assertThat(Long.parseLong(stats.get("rounds"))).as("the host keeps running").isGreaterThan(rounds);
            assertThat(stats.get("correct")).isEqualTo("true");
        }
    }

    private ChildJvm host() {
        return ChildJvm.of(DiscoveryHost.class).workDir(workDir);
    }

    private static double roundsPerSecond(HostProcess host, long millis) throws InterruptedException {
        Map<String, String> first = host.send("stats");
        Thread.sleep(millis);
        Map<String, String> second = host.send("stats");
        double rounds = Long.parseLong(second.get("rounds")) - Long.parseLong(first.get("rounds"));
        double seconds = (Long.parseLong(second.get("nanos")) - Long.parseLong(first.get("nanos"))) / 1e9;
        return rounds / seconds;
    }

    private static CompletableFuture<Run> cli(Object... args) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return AgentCli.run(args);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static long calls(Map<String, Object> answer, String method) {
        for (Object row : (List<?>) answer.get("rows")) {
            Map<?, ?> map = (Map<?, ?>) row;
            if (method.equals(map.get("method"))) {
                return ((Number) map.get("calls")).longValue();
            }
        }
        return -1;
    }

    private static Map<String, String> verdicts(Map<String, Object> answer) {
        Map<String, String> verdicts = new LinkedHashMap<>();
        for (Object row : (List<?>) answer.get("rows")) {
            Map<?, ?> map = (Map<?, ?>) row;
            verdicts.put(String.valueOf(map.get("method")), String.valueOf(map.get("verdict")));
        }
        return verdicts;
    }
}
